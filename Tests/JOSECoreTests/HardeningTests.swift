import Testing
import JOSECore

/// Issue 9 items 1, 6, 7, 10 at the JOSECore level: numbers never trap, identifiers compare byte for byte, key
/// text is never an HMAC secret (even behind a BOM), and one bad key does not spoil a JWK Set.
@Suite struct NumericRangeTests {
    @Test(.bug(id: "9"), arguments: [
        ("1e19", NumericDate.Range.afterYear9999), ("-1e19", .beforeYear1), ("1e300", .afterYear9999),
        ("1e400", .afterYear9999), ("-1e400", .beforeYear1), ("9223372036854775807", .afterYear9999),
        ("-9223372036854775808", .beforeYear1), ("253402300799", .inRange), ("253402300800", .afterYear9999),
        ("-62135596800", .inRange), ("-62135596801", .beforeYear1), ("0", .inRange), ("1714564800", .inRange),
    ])
    func range(text: String, expected: NumericDate.Range) throws {
        let value = try #require(Double(text))   // 1e400 reads as +∞
        #expect(NumericDate.range(of: value) == expected, "\(text)")
    }

    @Test func notANumber() {
        #expect(NumericDate.range(of: .nan) == .notANumber)
        #expect(NumericDate.rangeProblem("exp", seconds: 1e19, text: "1e19") == "exp 1e19 is past the year 9999")
        #expect(NumericDate.rangeProblem("nbf", seconds: -1e19, text: "-1e19") == "nbf -1e19 is before the year 1")
        #expect(NumericDate.rangeProblem("iat", seconds: 0, text: "0") == nil)
    }

    @Test(.bug(id: "9"), arguments: [1e19, -1e19, 1e300, -1e300, Double.infinity, -Double.infinity, Double.nan,
                                      9.3e18, -9.3e18, 9_223_372_036_854_775_807.0])
    func checkedIntegerNeverTraps(value: Double) {
        #expect(CheckedInteger.int64(value) == nil)
        #expect(CheckedInteger.int(value) == nil)
        #expect(!CheckedInteger.text(value).isEmpty)
    }

    @Test func checkedIntegerConverts() {
        #expect(CheckedInteger.int64(42.7, rounding: .down) == 42)
        #expect(CheckedInteger.int64(-42.5) == -42)
        #expect(CheckedInteger.int(9e18) == 9_000_000_000_000_000_000)
        #expect(CheckedInteger.text(3599.6) == "3600")
        #expect(CheckedInteger.text(1e19) == "1e+19")
    }

    /// A JSON number past the Double range is well-formed JSON but an out-of-range NumericDate (RFC 8259 §6):
    /// a claim type error that says so, never a trap and never "not a number".
    @Test(.bug(id: "9"), arguments: [("exp", "1e400", "past the year 9999"), ("nbf", "-1e400", "before the year 1"),
                                      ("iat", "1e999", "past the year 9999"), ("auth_time", "1e400", "past the year 9999")])
    func overflowingNumberIsOutOfRange(claim: String, text: String, phrase: String) throws {
        let object = try #require(try JSONParser().parse("{\"\(claim)\":\(text)}").objectValue)
        let claims = JWTClaims(json: object)
        #expect(claims.date(claim) == nil)
        let message = try #require(claims.typeErrors.first?.message)
        #expect(message.hasPrefix("\(claim) \(text) is \(phrase)"), "\(message)")
    }

    /// Out of range even as milliseconds is an error; a plausible millisecond count stays a warning.
    @Test(arguments: [(1e19, true), (-1e19, true), (1e16, true), (1_714_564_800_000, false), (1e15, true), (1e14, false), (1_714_564_800, false)])
    func outOfRangeEvenAsMilliseconds(seconds: Double, expected: Bool) {
        #expect(NumericDate(seconds: seconds).isOutOfRange == expected, "\(seconds)")
    }
}

@Suite struct ExactTextTests {
    static let nfc = "caf\u{E9}"          // é as one scalar
    static let nfd = "cafe\u{301}"        // e + combining acute

    @Test(.bug(id: "9")) func canonicallyEquivalentTextIsNotEqual() {
        #expect(Self.nfc == Self.nfd)     // Swift's String == equates them: that is the trap
        #expect(!ExactText.equal(Self.nfc, Self.nfd))
        #expect(ExactText.equal(Self.nfc, "caf\u{E9}"))
        #expect(!ExactText.contains([Self.nfc], Self.nfd))
        #expect(Set([ExactString(Self.nfc), ExactString(Self.nfd)]).count == 2)
        #expect(Set([Self.nfc, Self.nfd]).count == 1)
        #expect(ExactString(Self.nfc) != ExactString(Self.nfd))
    }

    /// Media types fold ASCII case only (RFC 7515 §4.1.9): `AT+JWT` is `at+jwt`, `É` is not `é`, NFC is not NFD.
    @Test func asciiCaseFoldingOnly() {
        #expect(ExactText.equalIgnoringASCIICase("AT+JWT", "at+jwt"))
        #expect(!ExactText.equalIgnoringASCIICase("\u{C9}", "\u{E9}"))
        #expect(!ExactText.equalIgnoringASCIICase(Self.nfc, Self.nfd))
        #expect(ExactText.asciiLowercased("JWT-\u{C9}") == "jwt-\u{C9}")
    }
}

@Suite struct SecretKeyTextTests {
    static let pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static let keyTexts: [(String, [UInt8])] = [
        ("BOM + PEM", bom + Array(pem.utf8)),
        ("BOM BOM + whitespace + PEM", bom + bom + Array(" \r\n\t".utf8) + bom + Array(pem.utf8)),
        ("whitespace + PEM", Array("\n\n  ".utf8) + Array(pem.utf8)),
        ("BOM + JWK", bom + Array(#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#.utf8)),
        ("BOM + JWK Set", bom + Array(#" {"keys":[]}"#.utf8)),
        ("BOM + certificate text", bom + Array("Certificate:\n    Data:\n".utf8)),
        ("BOM + OpenSSH key", bom + Array("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA test".utf8)),
        ("UTF-16 BOM + PEM", utf16LE(pem)),
    ]

    @Test(.bug(id: "9"), arguments: keyTexts)
    func keyTextIsNotASecret(name: String, bytes: [UInt8]) {
        #expect(KeyTextDetection.keyDocumentKind(bytes) != nil, "\(name)")
        #expect(throws: JOSEError(.keyMismatch, ""), "\(name)") { try JWSKey.hmac(secret: bytes) }
    }

    @Test func ordinarySecretsAreSecrets() throws {
        for secret in ["0123456789abcdef0123456789abcdef", "\u{FEFF}not-a-key-but-a-secret-of-some-length", "{not json"] {
            #expect(KeyTextDetection.keyDocumentKind(Array(secret.utf8)) == nil, "\(secret)")
        }
        _ = try JWSKey.hmac(secret: Array("0123456789abcdef0123456789abcdef".utf8))
    }
}

@Suite struct KeySetSkipTests {
    /// RFC 7517 §5: a broken RSA key (bad `n`) and an off-curve EC key are skipped with a warning naming their kid;
    /// the good key still verifies.
    @Test(.bug(id: "9")) func oneBadKeyDoesNotSpoilTheSet() throws {
        let good = try JWSKey.generate(for: .ES256, kid: "good")
        var offCurve = good.publicJWK
        offCurve["kid"] = "off-curve"
        offCurve["y"] = offCurve["x"]
        let set: JSONObject = ["keys": [
            ["kty": "RSA", "kid": "broken-rsa", "n": "AQAB", "e": "AQAB"],
            .object(offCurve),
            .object(good.publicJWK),
        ]]
        let loaded = try KeyLoader.jwkSetLoaded(set)
        #expect(loaded.keys.map(\.kid) == ["good"])
        #expect(loaded.warnings.count == 2)
        #expect(loaded.warnings[0].contains("kid \"broken-rsa\""), "\(loaded.warnings)")
        #expect(loaded.warnings[1].contains("kid \"off-curve\""), "\(loaded.warnings)")
        let token = try JWSSigner.sign(header: ["alg": "ES256", "kid": "good"], payload: Array(#"{"sub":"a"}"#.utf8), key: good)
        guard case .jws(let jws) = try CompactToken.parse(token) else { Issue.record("not a JWS"); return }
        #expect(try JWSVerifier.verify(jws, key: loaded.keys[0]))
        // Through the format-detecting loader too.
        #expect(try KeyLoader.loadReport(Array(JSONValue.object(set).compact.utf8)).warnings.count == 2)
    }
}

@Suite struct KeySetAmbiguityTests {
    /// A good key whose kid is shared with an unusable key is skipped too: the kid no longer names one key.
    @Test(.bug(id: "9")) func goodKeySharingAKidWithABrokenKeyIsSkipped() throws {
        let good = try JWSKey.generate(for: .ES256, kid: "shared")
        let other = try JWSKey.generate(for: .ES256, kid: "other")
        let set: JSONObject = ["keys": [.object(good.publicJWK), ["kty": "EC", "crv": "P-256", "kid": "shared", "x": "AA", "y": "AA"], .object(other.publicJWK)]]
        let report = try KeyLoader.jwkSetReport(set)
        #expect(report.keys.map(\.kid) == ["other"])
        #expect(report.unusable.map(\.index) == [0, 1])
        #expect(report.unusable[0].reason.contains("shares its kid with key 1"))
    }
}
