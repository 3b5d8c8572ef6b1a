import Testing
import JOSECore
import JWTTestSupport

/// RFC 7515 Appendix A (latchset files), the compiled `rfc/rfc_jws_examples.json`, and the RFC 7638 thumbprint.
@Suite struct RFCExampleTests {
    static let latchset = "rfc/latchset-jose/"

    /// RFC 7515 A.1 (HS256), A.2 (RS256), A.3 (ES256), A.4 (ES512) as bare `.jwk` / `.jwsc` files.
    @Test(arguments: ["A.1", "A.2", "A.3", "A.4"])
    func rfc7515AppendixA(section: String) throws {
        let jwk = try #require(try VectorFolder.json(Self.latchset + "rfc7515_\(section).jwk").objectValue)
        let compact = try VectorFolder.text(Self.latchset + "rfc7515_\(section).jwsc")
        try JWSExampleCheck.checkCompact(name: "RFC 7515 \(section)", compact: compact, jwk: jwk)
    }

    /// RFC 7515 A.5: the unsecured JWS parses, but no key verifies it: alg "none" is refused (RFC 8725 §3.2).
    @Test func rfc7515A5UnsecuredIsRefused() throws {
        let compact = try VectorFolder.text(Self.latchset + "rfc7515_A.5.jwsc")
        guard case .jws(let token) = try CompactToken.parse(compact) else { Issue.record("not a JWS"); return }
        #expect(token.isUnsecured)
        let key = try KeyLoader.jwk(try #require(try VectorFolder.json(Self.latchset + "rfc7515_A.1.jwk").objectValue))
        #expect(throws: JOSEError(.unsupportedAlgorithm, "")) { try JWSVerifier.verify(token, key: key) }
    }

    /// Every entry of `rfc_jws_examples.json` (README §3.2) by its serialization.
    @Test func compiledExamples() throws {
        let file = try VectorFolder.json("rfc/rfc_jws_examples.json")
        var seen = 0
        for example in try file.array("examples") {
            let id = try example.string("id")
            let expected = example["expected"]?.stringValue
            seen += 1
            switch example["serialization"]?.stringValue {
            case "compact"?:
                let compact = try example.string("jws")
                if expected == "valid" {
                    try JWSExampleCheck.checkCompact(name: id, compact: compact, jwk: try example.object("key"))
                } else {
                    // invalid-unless-none-explicitly-allowed: alg none is never verified.
                    guard case .jws(let token) = try CompactToken.parse(compact) else { Issue.record("\(id): not a JWS"); continue }
                    #expect(throws: JOSEError(.unsupportedAlgorithm, ""), "\(id)") {
                        try JWSVerifier.verify(token, key: try JWSKey.hmac(secret: Array(repeating: 7, count: 32)))
                    }
                }
            case "compact-detached"?:
                // RFC 7797 §4.2: signing input = BASE64URL(header) "." raw detached payload (b64: false).
                let parts = try example.string("jws").split(separator: ".", omittingEmptySubsequences: false)
                let input = Array((String(parts[0]) + "." + (try example.string("detached_payload_utf8"))).utf8)
                try JWSExampleCheck.check(name: id, algorithm: .HS256, signingInput: input, signature: try Base64URL.decode(parts[2]),
                                          jwk: try example.object("key"), payloadOffset: parts[0].utf8.count + 1)
            case "json-general"?:
                let jws = try #require(example["jws"])
                let keys = try example.object("keys")
                for entry in try jws.array("signatures") {
                    let kid = try #require(entry["header"]?["kid"]?.stringValue)
                    try JWSExampleCheck.checkJSONSignature(name: "\(id) kid \(kid)", protected: try entry.string("protected"),
                                                           payload: try jws.string("payload"), signature: try entry.string("signature"),
                                                           jwk: try #require(keys[kid]?.objectValue))
                }
            case "json-flattened"?:
                let jws = try #require(example["jws"])
                try JWSExampleCheck.checkJSONSignature(name: id, protected: try jws.string("protected"), payload: try jws.string("payload"),
                                                       signature: try jws.string("signature"), jwk: try example.object("key"))
            default:
                // rfc7638-3.1: the thumbprint example.
                let key = try KeyLoader.jwk(try example.object("key"))
                #expect(key.thumbprint == (try example.string("thumbprint_sha256_b64url")), "\(id)")
            }
        }
        #expect(seen == 13)
    }

    /// RFC 7638 §3.1: the thumbprint of the RFC 7517 A.1 RSA key.
    @Test func rfc7638Thumbprint() throws {
        let key = try #require(try KeyLoader.load(try VectorFolder.bytes(Self.latchset + "rfc7638_3.1.jwk")).first)
        let expected = try VectorFolder.text(Self.latchset + "rfc7638_3.1.thp")
        #expect(key.thumbprint == expected)
        #expect(key.thumbprint == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    /// RFC 7517 Appendix A/B sets and keys load (A.3 holds an A128KW key and an HS256 key; B carries x5c).
    @Test(arguments: [("rfc7517_A.1.jwkset", 2, false), ("rfc7517_A.2.jwkset", 2, true), ("rfc7517_A.3.jwkset", 2, true), ("rfc7517_B.jwk", 1, false)])
    func rfc7517Keys(file: String, count: Int, isPrivate: Bool) throws {
        let keys = try KeyLoader.load(try VectorFolder.bytes(Self.latchset + file))
        #expect(keys.count == count)
        #expect(keys.allSatisfy { $0.isPrivate == isPrivate })
    }
}
