import Testing
import JOSECore

/// Key formats (PEM variants via the `openssl` CLI, JWK, JWK Set) and their error behaviour.
@Suite struct KeyLoaderTests {
    /// Every PEM form the brief names loads, with the right type, privacy and the same thumbprint.
    @Test func pemForms() throws {
        let cli = try OpenSSLCLI()
        defer { cli.cleanUp() }
        try cli.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"])
        try cli.run(["pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-spki.pem"])
        try cli.run(["rsa", "-pubin", "-in", "rsa-spki.pem", "-RSAPublicKey_out", "-out", "rsa-pkcs1.pem"])
        try cli.run(["rsa", "-in", "rsa.pem", "-traditional", "-out", "rsa-traditional.pem"])
        try cli.run(["req", "-x509", "-new", "-key", "rsa.pem", "-subj", "/CN=jwt-test", "-days", "1", "-out", "rsa-cert.pem"])
        try cli.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "ec.pem"])
        try cli.run(["ec", "-in", "ec.pem", "-out", "ec-sec1.pem"])
        try cli.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-out", "k1.pem"])
        try cli.run(["genpkey", "-algorithm", "ED448", "-out", "ed448.pem"])

        let expectations: [(String, String, JWSKey.KeyType, Bool)] = [
            ("rsa.pem", "PRIVATE KEY", .rsa(bits: 2048), true),
            ("rsa-spki.pem", "PUBLIC KEY", .rsa(bits: 2048), false),
            ("rsa-pkcs1.pem", "RSA PUBLIC KEY", .rsa(bits: 2048), false),
            ("rsa-traditional.pem", "RSA PRIVATE KEY", .rsa(bits: 2048), true),
            ("rsa-cert.pem", "CERTIFICATE", .rsa(bits: 2048), false),
            ("ec.pem", "PRIVATE KEY", .ec(curve: "P-384"), true),
            ("ec-sec1.pem", "EC PRIVATE KEY", .ec(curve: "P-384"), true),
            ("k1.pem", "PRIVATE KEY", .ec(curve: "secp256k1"), true),
            ("ed448.pem", "PRIVATE KEY", .okp(curve: "Ed448"), true),
        ]
        var rsaThumbprints: Set<String> = []
        for (file, label, type, isPrivate) in expectations {
            let bytes = try cli.read(file)
            #expect(String(decoding: bytes, as: UTF8.self).contains("-----BEGIN \(label)-----"), "\(file) is not \(label)")
            let keys = try KeyLoader.load(bytes)
            #expect(keys.count == 1, "\(file)")
            let key = try #require(keys.first)
            #expect(key.type == type, "\(file)")
            #expect(key.isPrivate == isPrivate, "\(file)")
            if case .rsa = type { rsaThumbprints.insert(key.thumbprint) }
        }
        #expect(rsaThumbprints.count == 1, "all RSA forms are the same key")
        // Several blocks in one file: every key is returned.
        let bundle = try cli.read("rsa-spki.pem") + cli.read("ec-sec1.pem")
        #expect(try KeyLoader.load(bundle).count == 2)
    }

    @Test func encryptedPrivateKeyIsRefusedWithoutPrompt() throws {
        let cli = try OpenSSLCLI()
        defer { cli.cleanUp() }
        try cli.run(["genpkey", "-algorithm", "ED25519", "-aes-128-cbc", "-pass", "pass:secret", "-out", "enc.pem"])
        #expect(throws: JOSEError(.invalidKey, "")) { try KeyLoader.load(try cli.read("enc.pem")) }
    }

    /// Error messages never echo key material.
    @Test func errorsDoNotEchoKeyBytes() throws {
        let marker = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo"
        let badPEM = "-----BEGIN PUBLIC KEY-----\n\(marker)\n-----END PUBLIC KEY-----\n"
        do {
            _ = try KeyLoader.load(Array(badPEM.utf8))
            Issue.record("garbage PEM accepted")
        } catch {
            #expect(error.code == .invalidKey)
            #expect(!error.message.contains(marker))
        }
        let badJWK: JSONObject = ["kty": "EC", "crv": "P-256", "x": .string(marker), "y": .string(marker), "d": "not*base64"]
        do {
            _ = try KeyLoader.jwk(badJWK)
            Issue.record("bad JWK accepted")
        } catch {
            #expect(!error.message.contains(marker))
            #expect(!error.message.contains("not*base64"))
        }
    }

    @Test(arguments: [
        ("", "empty"),
        ("hello", "neither PEM"),
        ("[1,2]", "neither PEM"),
        (#"{"kty":"RSA","n":"AQAB"}"#, "\"e\""),
        (#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#, "32 octets"),
        (#"{"kty":"OKP","crv":"Ed25519","x":"AA"}"#, "32 octets"),
        (#"{"kty":"oct","k":""}"#, "empty"),
        (#"{"kty":"foo"}"#, "unknown kty"),
        (#"{"keys":[]}"#, "no usable key"),
        (#"{"keys":{}}"#, "must be an array"),
        (#"{"keys":[{"kty":"foo"}]}"#, "no usable key"),
    ])
    func malformedInputIsInvalidKey(text: String, fragment: String) {
        do {
            _ = try KeyLoader.load(Array(text.utf8))
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code == .invalidKey)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    /// RFC 7517 §5: unknown kty (and non-signature OKP curves) inside a set are skipped, the rest load.
    @Test func jwkSetSkipsUnknownKeys() throws {
        let ed = try JWSKey.generate(for: .EdDSA, kid: "ed")
        let set: JSONObject = ["keys": [
            ["kty": "PQC", "kid": "future"],
            ["kty": "OKP", "crv": "X25519", "x": "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo", "kid": "enc"],
            .object(ed.publicJWK),
        ]]
        let report = try KeyLoader.jwkSetReport(set)
        #expect(report.keys.map(\.kid) == ["ed"])
        #expect(report.skipped.map(\.index) == [0, 1])
        #expect(try KeyLoader.jwkSet(set).count == 1)
        // A malformed key of a known type is skipped and reported (RFC 7517 §5); a set of nothing else is an error.
        let broken: JSONObject = ["keys": [.object(ed.publicJWK), ["kty": "RSA", "n": "AQAB", "kid": "bad"]]]
        #expect(try KeyLoader.jwkSet(broken).map(\.kid) == ["ed"])
        #expect(try KeyLoader.jwkSetReport(broken).unusable.map(\.kid) == ["bad"])
        let onlyBroken: JSONObject = ["keys": [["kty": "RSA", "n": "AQAB", "kid": "bad"]]]
        #expect(throws: JOSEError(.invalidKey, "")) { try KeyLoader.jwkSet(onlyBroken) }
    }

    @Test func duplicateKidIsAProblem() throws {
        let a = try JWSKey.generate(for: .ES256, kid: "same")
        let b = try JWSKey.generate(for: .ES256, kid: "same")
        let c = try JWSKey.generate(for: .RS256, kid: "same")
        #expect(KeyLoader.keySetProblems([a, b]).count == 1)
        #expect(KeyLoader.keySetProblems([a, c]).isEmpty, "RFC 7517 §4.5 allows one kid across different kty")
        let secret = try JWSKey.hmac(secret: Array(repeating: 1, count: 32), kid: "s")
        #expect(KeyLoader.keySetProblems([a, secret]).first?.contains("mixes") == true)
    }

    @Test func publicJWKHasNoPrivateMembers() throws {
        for algorithm in [JWSAlgorithm.RS256, .ES512, .Ed448, .HS256] {
            let key = try JWSKey.generate(for: algorithm, kid: "x")
            let names = Set(key.publicJWK.names)
            #expect(names.isDisjoint(with: ["d", "p", "q", "dp", "dq", "qi", "k"]), "\(algorithm)")
            #expect(key.publicJWK["kid"]?.stringValue == "x")
            #expect(key.privateJWK?["kid"]?.stringValue == "x")
        }
    }

    @Test func compatibleAlgorithms() throws {
        #expect(try JWSKey.generate(for: .ES256K).compatibleAlgorithms == [.ES256K])
        #expect(try JWSKey.generate(for: .Ed25519).compatibleAlgorithms == [.EdDSA, .Ed25519])
        #expect(try JWSKey.hmac(secret: Array(repeating: 1, count: 48)).compatibleAlgorithms == [.HS256, .HS384])
        #expect(try JWSKey.generate(for: .PS256).compatibleAlgorithms.count == 6)
        let narrowed = try KeyLoader.jwk(JSONObject(try JWSKey.generate(for: .RS256).publicJWK.members + [.init(name: "alg", value: "PS384")]))
        #expect(narrowed.compatibleAlgorithms == [.PS384])
        let encryption = try KeyLoader.jwk(JSONObject(try JWSKey.generate(for: .RS256).publicJWK.members + [.init(name: "use", value: "enc")]))
        #expect(encryption.compatibleAlgorithms.isEmpty)
    }
}
