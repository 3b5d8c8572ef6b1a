import Testing
import JOSECore
@testable import JWTCommands

/// Every algorithm: `jwt encode` signs, `jwt verify` verifies (in-process runners), and a one-byte change fails.
@Suite struct RoundTripTests {
    static let algorithms = JWSAlgorithm.allCases.filter { $0 != .none }

    @Test(arguments: algorithms)
    func encodeThenVerify(alg: JWSAlgorithm) async throws {
        let dir = try TempDir()
        let keys = try KeyFiles(alg, in: dir, kid: "k-\(alg.rawValue)")
        let harness = CommandHarness()
        let source = alg.family == .hmac ? ["--secret-file", keys.privatePath] : ["--key", keys.privatePath]
        let token = try harness.token(["--alg", alg.rawValue, "--kid", "k-\(alg.rawValue)", "--claim", "sub=alice",
                                       "--claim", #"scope="read write""#, "--exp", "+1h"] + source)
        let verifySource = alg.family == .hmac ? ["--secret-file", keys.publicPath] : ["--key", keys.publicPath]
        harness.reset()
        #expect(try await harness.verify([token, "--scope", "read", "--sub", "alice"] + verifySource) == .ok, "\(harness.out)\(harness.err)")
        #expect(harness.out.contains("VALID"))
        #expect(harness.out.contains("✓ SIG-01"))

        // Flip one character in the middle of the signature segment.
        var chars = Array(token)
        let index = chars.count - 8
        chars[index] = chars[index] == "A" ? "B" : "A"
        harness.reset()
        let tampered = try await harness.verify([String(chars)] + verifySource)
        #expect(tampered == .failed || tampered == .malformed)
        if tampered == .failed { #expect(harness.out.contains("✗ SIG-01")) }

        // Another key of the same type does not verify it.
        let other = try KeyFiles(alg, in: dir, kid: "other")
        harness.reset()
        let otherSource = alg.family == .hmac ? ["--secret-file", other.publicPath] : ["--key", other.publicPath]
        #expect(try await harness.verify([token] + otherSource) == .failed)
    }

    /// Ed25519 signed by `openssl pkeyutl -rawin` (RFC 8037 §3.1).
    @Test func opensslSignedEd25519TokenVerifies() async throws {
        let dir = try TempDir()
        let input = Base64URL.encode(Array(#"{"alg":"EdDSA"}"#.utf8)) + "." + Base64URL.encode(Array(#"{"sub":"openssl","exp":1800000000}"#.utf8))
        let inputPath = try dir.write("input", input)
        try Shell.run("openssl genpkey -algorithm ED25519 -out \(dir.path)/ed.pem && openssl pkey -in \(dir.path)/ed.pem -pubout -out \(dir.path)/ed.pub")
        try Shell.run("openssl pkeyutl -sign -rawin -inkey \(dir.path)/ed.pem -in \(inputPath) -out \(dir.path)/sig")
        let token = input + "." + Base64URL.encode(try Shell.read(dir.path + "/sig"))
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--key", dir.path + "/ed.pub"]) == .ok, "\(harness.out)\(harness.err)")
    }

    /// Tokens from an independent implementation (OpenSSL's command line) verify.
    @Test(arguments: [("RS256", "rsa:2048", "-sha256"), ("ES256", "ec -pkeyopt ec_paramgen_curve:P-256", "-sha256")])
    func opensslSignedTokenVerifies(alg: String, keySpec: String, digest: String) async throws {
        let dir = try TempDir()
        let header = Base64URL.encode(Array(#"{"alg":"\#(alg)","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode(Array(#"{"sub":"openssl","exp":1800000000}"#.utf8))
        let input = try dir.write("input", header + "." + payload)
        let keyPath = dir.path + "/key.pem"
        let pubPath = dir.path + "/pub.pem"
        let algorithm = keySpec.hasPrefix("rsa") ? "RSA -pkeyopt rsa_keygen_bits:2048" : "EC" + keySpec.dropFirst(2)
        try Shell.run("openssl genpkey -algorithm \(algorithm) -out \(keyPath) 2>/dev/null")
        try Shell.run("openssl pkey -in \(keyPath) -pubout -out \(pubPath)")
        try Shell.run("openssl dgst \(digest) -sign \(keyPath) -out \(dir.path)/sig.der \(input)")
        var signature = try Shell.read(dir.path + "/sig.der")
        if alg == "ES256" { signature = try DER.ecdsaToRaw(signature, size: 32) }
        let token = header + "." + payload + "." + Base64URL.encode(signature)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--key", pubPath]) == .ok, "\(harness.out)\(harness.err)")
    }
}
