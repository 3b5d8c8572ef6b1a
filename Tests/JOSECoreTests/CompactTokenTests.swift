import Testing
@testable import JOSECore

private func b64(_ s: String) -> String { Base64URL.encode(Array(s.utf8)) }
private let sig = Base64URL.encode([UInt8](repeating: 1, count: 32))
private let hs = b64(#"{"alg":"HS256","typ":"JWT"}"#)

@Suite struct CompactTokenTests {
    @Test func classifiesJWS() throws {
        let token = try CompactToken.parse(hs + "." + b64(#"{"sub":"a","exp":1.5,"aud":"x"}"#) + "." + sig)
        guard case .jws(let jws) = token else { Issue.record("not a JWS"); return }
        #expect(jws.header.alg == "HS256")
        #expect(jws.header.typ == "JWT")
        #expect(!jws.isUnsecured)
        let claims = try jws.claims.get()
        #expect(claims.sub == "a")
        #expect(claims.aud == ["x"])
        #expect(claims.exp == NumericDate(seconds: 1.5, text: "1.5"))
        #expect(jws.signature.count == 32)
        #expect(String(decoding: jws.signingInput, as: UTF8.self) == hs + "." + b64(#"{"sub":"a","exp":1.5,"aud":"x"}"#))
    }

    @Test func classifiesUnsecured() throws {
        let token = try CompactToken.parse(b64(#"{"alg":"none"}"#) + "." + b64(#"{"iss":"joe"}"#) + ".")
        guard case .jws(let jws) = token else { Issue.record("not a JWS"); return }
        #expect(jws.isUnsecured)
    }

    @Test func classifiesJWEWithoutDecrypting() throws {
        let token = try CompactToken.parse(b64(#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#) + ".AAAA.BBBB.CCCC.DDDD")
        guard case .jwe(let jwe) = token else { Issue.record("not a JWE"); return }
        #expect(jwe.header.alg == "RSA-OAEP")
        #expect(jwe.header.enc == "A256GCM")
    }

    @Test(arguments: [
        ("", JOSEError.Code.malformedCompact, "empty input"),
        ("abc", .malformedCompact, "1 segment separated"),
        ("abc.def", .malformedCompact, "2 segments"),
        ("a.b.c.d", .malformedCompact, "4 segments"),
        ("a.b.c.d.e.f", .malformedCompact, "more than 5 segments"),
        (#"{"payload":"x"}"#, .malformedCompact, "JSON serializations are not supported"),
        ("ab c.d.e", .malformedCompact, "whitespace or control byte 0x20 at byte offset 2"),
        ("ab\u{e9}.d.e", .malformedCompact, "non-ASCII byte 0xC3 at byte offset 2"),
        (".e30.AAAA", .malformedCompact, "header segment is empty"),
        ("eyJ=.e30.AAAA", .invalidBase64URL, "header: invalid base64url character padding"),
        (b64(#"{"alg":"HS256"}"#) + ".e3+9.AAAA", .invalidBase64URL, "payload: invalid base64url character '+' (standard base64"),
        (b64(#"["alg"]"#) + ".e30.AAAA", .invalidHeader, "header: must be a JSON object, found array"),
        (b64(#"{"typ":"JWT"}"#) + ".e30.AAAA", .invalidHeader, "\"alg\" is missing"),
        (b64(#"{"alg":256}"#) + ".e30.AAAA", .invalidHeader, "\"alg\" must be a string"),
        (b64(#"{"alg":"HS256","alg":"none"}"#) + ".e30.AAAA", .invalidJSON, "duplicate member name \"alg\""),
        (b64(#"{"alg":"HS256"}"#) + "." + b64(#"{"sub":"a","sub":"b"}"#) + ".AAAA", .invalidJSON, "claims: duplicate member name \"sub\""),
        (b64(#"{"alg":"HS256"}"#) + "." + b64(#"{"sub":"a""#) + ".AAAA", .invalidJSON, "claims: unexpected end of input"),
        (b64(#"{"alg":"HS256"}"#) + "." + b64("[1]") + ".AAAA", .invalidClaims, "payload is not a JSON object"),
        (b64(#"{"alg":"HS256","crit":[]}"#) + ".e30.AAAA", .invalidHeader, "\"crit\" must be a non-empty array"),
        (b64(#"{"alg":"A128KW"}"#) + ".a.b.c.d", .invalidHeader, "\"enc\" is missing"),
        (b64(#"{"alg":"HS256"}"#) + ".e30.AA A", .malformedCompact, "whitespace or control byte 0x20"),
        (b64(#"{"alg":"HS256"}"#) + ".e30.AA\u{7F}A", .invalidBase64URL, "signature: invalid base64url character"),
    ] as [(String, JOSEError.Code, String)])
    func rejectsMalformed(input: String, code: JOSEError.Code, reason: String) throws {
        #expect {
            let token = try CompactToken.parse(input)
            // A JWS whose payload is a non-object is decodable but not a JWT: surface that as the error here.
            if case .jws(let jws) = token { _ = try jws.claims.get() }
        } throws: { error in
            guard let error = error as? JOSEError else { return false }
            return error.code == code && error.message.contains(reason)
        }
    }

    /// A well-formed compact JWS whose signature segment cannot be a signature for its header: header and claims are
    /// still read (so `decode` can show them), the defect is kept, and the token is not unsecured.
    @Test(arguments: [
        (b64(#"{"alg":"HS256"}"#) + ".e30.AA/A", "signature: invalid base64url character '/'"),
        (b64(#"{"alg":"RS256"}"#) + ".e30.AB", "non-zero unused bits"),
        (b64(#"{"alg":"none"}"#) + ".e30.AAAA", "signature segment is not empty"),
        (b64(#"{"alg":"HS256"}"#) + ".e30.", "signature segment is empty but alg is \"HS256\""),
        (b64(#"{"alg":"NONE"}"#) + ".e30.", "signature segment is empty but alg is \"NONE\""),
    ] as [(String, String)])
    func keepsSignatureDefect(input: String, reason: String) throws {
        guard case .jws(let jws) = try CompactToken.parse(input) else {
            Issue.record("not a JWS")
            return
        }
        let defect = try #require(jws.signatureDefect)
        #expect(defect.message.contains(reason))
        #expect(jws.signature.isEmpty)
        #expect(!jws.isUnsecured)
        #expect(try jws.claims.get().json.isEmpty)
    }

    @Test func hugeTokenIsRefusedBeforeAnyWork() {
        let huge = String(repeating: "A", count: 5_000_000) + ".e30.AAAA"
        #expect { try CompactToken.parse(huge) } throws: { ($0 as? JOSEError)?.code == .inputTooLarge }
    }

    @Test func deeplyNestedClaimsAreAnError() {
        let payload = String(repeating: "[", count: 100_000)
        let token = hs + "." + b64(#"{"a":"# + payload) + "." + sig
        #expect { try CompactToken.parse(token, limits: .init(maxTokenBytes: 1 << 20)) } throws: { "\($0)".contains("nesting deeper") }
    }

    @Test(arguments: [
        (#"{"exp":"1700000000"}"#, "exp", "must be a NumericDate, a JSON number"),
        (#"{"nbf":true}"#, "nbf", "found boolean"),
        (#"{"iat":null}"#, "iat", "found null"),
        (#"{"aud":["a",1]}"#, "aud", "string or an array of strings"),
        (#"{"iss":["x"]}"#, "iss", "must be a string"),
    ])
    func registeredClaimTypesAreNotCoerced(payload: String, claim: String, message: String) throws {
        guard case .jws(let jws) = try CompactToken.parse(hs + "." + b64(payload) + "." + sig) else { return }
        let claims = try jws.claims.get()
        #expect(claims.typeErrors.map(\.claim) == [claim])
        #expect(claims.typeErrors.first?.message.contains(message) == true)
        #expect(claims.date(claim) == nil)
    }

    @Test func headerParameters() throws {
        let header = b64(#"{"alg":"ES256","kid":"k","crit":["exp"],"jku":"https://x/j","x5u":"https://x/c","jwk":{"kty":"EC"},"x5c":["AA"],"b64":true}"#)
        guard case .jws(let jws) = try CompactToken.parse(header + ".e30." + sig) else { return }
        #expect(jws.header.kid == "k")
        #expect(jws.header.crit == ["exp"])
        #expect(jws.header.selfNamedKeyParameters == ["jwk", "jku", "x5u", "x5c"])
        #expect(jws.header.algorithm == .ES256)
        #expect(jws.header.b64 == true)
    }

    @Test func algorithmNamesAreCaseSensitive() {
        #expect(JWSAlgorithm(rawValue: "none") == JWSAlgorithm.none)
        #expect(JWSAlgorithm(rawValue: "NONE") == nil)
        #expect(JWSAlgorithm(rawValue: "hs256") == nil)
    }

    /// RFC 7638 §3.1 example, hashed by libcrypto.
    @Test func thumbprintRFC7638() throws {
        let jwk = try JSONParser().parse(#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#).objectValue!
        #expect(try JWKThumbprint.sha256(of: jwk) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        #expect(Digest.hex(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
