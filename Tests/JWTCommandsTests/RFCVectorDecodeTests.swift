import Foundation
import JOSECore
import JWTTestSupport
import Testing
@testable import JWTCommands

/// RFC 7519 §3.1 and RFC 7515 Appendix A tokens decode to the published header and claims.
/// Data: `Tests/Vectors/rfc/rfc_jws_examples.json` (the RFC text's exact bytes, CR LF included).
@Suite struct RFCVectorDecodeTests {
    struct Example {
        let id: String
        let jws: String
        let header: String
        let payload: String
    }

    static func examples() throws -> [Example] {
        let root = try VectorFolder.json("rfc/rfc_jws_examples.json")
        return (root["examples"]?.arrayValue ?? []).compactMap { entry in
            guard entry["serialization"] == "compact", let jws = entry["jws"]?.stringValue,
                  let id = entry["id"]?.stringValue, let header = entry["protected_header_utf8"]?.stringValue,
                  let payload = entry["payload_utf8"]?.stringValue else { return nil }
            return Example(id: id, jws: jws, header: header, payload: payload)
        }
    }

    static func example(_ id: String) throws -> Example {
        try #require(try examples().first { $0.id == id }, "missing example \(id) in Tests/Vectors/rfc/rfc_jws_examples.json")
    }

    @Test func everyCompactExampleIsThere() throws {
        let found = try Self.examples().map(\.id)
        for id in ["rfc7515-A.1", "rfc7519-3.1", "rfc7515-A.2", "rfc7515-A.3", "rfc7515-A.4", "rfc7515-A.5"] {
            #expect(found.contains(id), "missing example \(id)")
        }
    }

    @Test func compactExamplesDecodeToThePublishedHeaderAndPayload() throws {
        for example in try Self.examples() {
            let token = try CompactToken.parse(example.jws)
            guard case .jws(let jws) = token else { Issue.record("\(example.id): not a JWS"); continue }
            let header = try JSONParser().parse(example.header).objectValue
            #expect(jws.header.json == header, "\(example.id): header")
            if jws.header.b64 != false {
                #expect(jws.payload == Array(example.payload.utf8), "\(example.id): payload bytes")
            }
            if example.payload.hasPrefix("{") {
                #expect(try jws.claims.get().json == JSONParser().parse(example.payload).objectValue, "\(example.id): claims")
            }
        }
    }

    @Test func rfc7519ExampleThroughTheCommand() throws {
        let jws = try Self.example("rfc7519-3.1").jws
        let result = try Harness.decode([jws, "--json", "--now", "2011-03-22T18:00:00Z"])
        #expect(result.exit == .ok)
        let value = try JSONParser().parse(result.out)
        #expect(value["header"] == ["typ": "JWT", "alg": "HS256"])
        #expect(value["claims"] == ["iss": "joe", "exp": 1_300_819_380, "http://example.com/is_root": true])
        #expect(value["times"]?["exp"]?["utc"] == "2011-03-22T18:43:00Z")
        #expect(value["times"]?["exp"]?["relative"] == "expires in 43 min")
    }

    @Test func unsecuredA5IsDecodedWithAWarning() throws {
        let example = try Self.example("rfc7515-A.5")
        let result = try Harness.decode([example.jws, "--json"])
        #expect(result.exit == .ok)
        let value = try JSONParser().parse(result.out)
        #expect(value["type"] == "unsecured JWT")
        #expect(value["warnings"]?.arrayValue?.contains { $0["id"] == "alg-none" } == true)
    }

    @Test func cookbookJWEIsClassified() throws {
        let file = try VectorFolder.json("jose-cookbook/jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json")
        let compact = file["output"]?["compact"]?.stringValue
        let result = try Harness.decode([try #require(compact), "--json"])
        #expect(result.exit == .ok)
        let value = try JSONParser().parse(result.out)
        #expect(value["type"] == "JWE")
        #expect(value["header"]?["alg"] == "RSA-OAEP")
        #expect(value["header"]?["enc"] == "A256GCM")
    }
}
