import Foundation
import JOSECore
import JWTTestSupport
import OAuth2Client
import Testing
@testable import OAuth2MockServer

/// Issue 11 item 5, "the mock is the seeds": each style's answer has the member names, JSON types and `token_type`
/// casing of the sample its seed prints (Tests/Fixtures/seeds, the repaired copies where the sample is not JSON),
/// seed 001's tokens the sample token's header and claim shapes, and seed 003's errors its 403.
@Suite("The mock answers as its seeds show")
struct SeedShapeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    static func sample(_ name: String) throws -> JSONObject {
        try #require(try JSONParser().parse(Array(try Data(contentsOf: folder.appendingPathComponent(name)))).objectValue)
    }

    /// Member name → JSON type name (`string`, `number`, …), the shape compared.
    static func shape(_ object: JSONObject) -> [String: String] {
        Dictionary(uniqueKeysWithValues: object.names.map { ($0, object[$0]?.typeName ?? "") })
    }

    static func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let http = AsyncHTTPTransport()
        do {
            let r = try await http.send(request, timeout: .seconds(30))
            await http.shutdown()
            return r
        } catch {
            await http.shutdown()
            throw error
        }
    }

    static func basic(_ id: String, _ secret: String) -> String { "Basic " + Base64.encode(Array("\(id):\(secret)".utf8)) }

    static func json(_ url: String, _ body: String, headers: [HTTPHeaderField]) -> HTTPTransportRequest {
        HTTPTransportRequest(method: "POST", url: url, headers: [HTTPHeaderField("Content-Type", "application/json")] + headers, body: Array(body.utf8))
    }

    static func form(_ url: String, _ body: String, headers: [HTTPHeaderField] = []) -> HTTPTransportRequest {
        HTTPTransportRequest(method: "POST", url: url, headers: [HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(body.utf8))
    }

    /// One token request per style, as each seed's example request shows it.
    static func request(_ seed: String, base: String) -> HTTPTransportRequest {
        switch seed {
        case "000": json(base + "/oauth/token", #"{"client_id":"demo-json","client_secret":"demo-json-secret","audience":"https://api.mock.example","grant_type":"client_credentials"}"#, headers: [])
        case "001": json(base + "/api/technicaltokenmanager/v3/oauth/token", #"{"appName":"application_x","appVersion":"1.0.0","hostTenant":"operator_tenant","userTenant":"tenant-001"}"#,
                         headers: [HTTPHeaderField("X-SPACE-AUTH-KEY", basic("demo-tenant", "demo-tenant-secret"))])
        case "002": form(base + "/configapi/v2/oauth/token", "grant_type=client_credentials&client_id=demo-post&client_secret=demo-post-secret&scope=example.com")
        default: form(base + "/oauth2/token", "grant_type=client_credentials", headers: [HTTPHeaderField("Authorization", basic("demo-basic", "demo-basic-secret"))])
        }
    }

    @Test(arguments: [
        ("000", "000-token-response.json"),
        ("001", "001-token-response.json"),
        ("002", "002-token-response.repaired-trailing-comma.json"),
        ("003", "003-token-response.json"),
    ])
    func tokenAnswerHasTheSeedSampleShape(seed: String, file: String) async throws {
        let expected = try Self.sample(file)
        try await MockHarness.withMock { server, _ in
            let r = try await Self.send(Self.request(seed, base: server.baseURL))
            #expect(r.status == 200)
            let answer = try #require(try JSONParser().parse(r.body).objectValue)
            #expect(Self.shape(answer) == Self.shape(expected), "seed \(seed): \(answer.names) vs \(expected.names)")
            #expect(answer["token_type"] == expected["token_type"], "seed \(seed): token_type casing")
            if seed == "001" {
                // `timestamp`: milliseconds since the epoch, as a string of digits (13 of them until 2286).
                let timestamp = try #require(answer["timestamp"]?.stringValue)
                #expect(timestamp.utf8.count == 13 && timestamp.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
            }
            if seed == "002" { #expect(answer["expires_in"]?.stringValue == "3599") }
        }
    }

    /// Seed 001's sample tokens: header `{alg, kid, typ: "JWT"}` (batch tokens: `{alg, jku, kid, typ}`), `scope` and
    /// `aud` as JSON arrays. The mock's `jku` names its own JWK Set.
    @Test func tenantTokensHaveTheSeedTokenShapes() async throws {
        let seedSingle = try CompactToken.parse(String(contentsOf: Self.folder.appendingPathComponent("001-sample-token.jwt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        let seedBatch = try CompactToken.parse(String(contentsOf: Self.folder.appendingPathComponent("001-batch-token.jwt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        guard case .jws(let single) = seedSingle, case .jws(let batch) = seedBatch else { Issue.record("seed tokens are not JWS"); return }
        try await MockHarness.withMock { server, _ in
            let r = try await Self.send(Self.request("001", base: server.baseURL))
            let answer = try #require(try JSONParser().parse(r.body).objectValue)
            guard case .jws(let token) = try CompactToken.parse(try #require(answer["access_token"]?.stringValue)) else { Issue.record("not a JWS"); return }
            #expect(token.header.json.names == single.header.json.names)
            #expect(token.header.typ == "JWT")
            let claims = try token.claims.get(), seedClaims = try single.claims.get()
            for name in ["scope", "aud", "iss", "sub", "client_id", "iat", "exp", "jti", "ten"] {
                #expect(claims.json[name]?.typeName == seedClaims.json[name]?.typeName, "\(name)")
            }
            let batchAnswer = try await Self.send(Self.json(server.baseURL + "/api/technicaltokenmanager/v3/oauthTokens",
                #"{"appName":"application_x","appVersion":"1.0.0","hostTenantId":"operator_tenant","userTenantIds":["tenant-001","tenant-002"]}"#,
                headers: [HTTPHeaderField("X-SPACE-AUTH-KEY", Self.basic("demo-tenant", "demo-tenant-secret"))]))
            let entries = try #require(try JSONParser().parse(batchAnswer.body)["oauthTokens"]?.arrayValue)
            let seedEntries = try #require(try Self.sample("001-oauthTokens-response.repaired-missing-comma.json")["oauthTokens"]?.arrayValue)
            #expect(entries.count == 2)
            for entry in entries {
                let object = try #require(entry.objectValue), seedObject = try #require(seedEntries.first?.objectValue)
                #expect(Self.shape(object) == Self.shape(seedObject))
                let tokenObject = try #require(object["token"]?.objectValue), seedToken = try #require(seedObject["token"]?.objectValue)
                #expect(Self.shape(tokenObject) == Self.shape(seedToken))
                guard case .jws(let t) = try CompactToken.parse(try #require(tokenObject["access_token"]?.stringValue)) else { Issue.record("not a JWS"); return }
                #expect(t.header.json.names == batch.header.json.names)
                #expect(t.header.json["jku"]?.stringValue == server.baseURL + "/jwks.json")
            }
        }
    }

    /// Seed 003: "error responses are returned with the HTTP 403 status code".
    @Test func seed003ErrorsAre403() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.send(Self.form(server.baseURL + "/oauth2/token", "grant_type=client_credentials",
                                                  headers: [HTTPHeaderField("Authorization", Self.basic("demo-basic", "wrong"))]))
            #expect(r.status == 403)
            #expect(TokenErrorResponse(response: r).error == "invalid_client")
        }
    }

    /// Without vendor quirks the styles answer RFC 6749 / RFC 9068 shapes (Bearer, numbers, `typ: at+jwt`, string scope).
    @Test func withoutQuirksTheAnswersAreRFCShaped() async throws {
        var configuration = MockConfiguration.demo
        configuration.vendorQuirks = false
        try await MockHarness.withMock(configuration) { server, _ in
            let r = try await Self.send(Self.request("001", base: server.baseURL))
            let answer = try #require(try JSONParser().parse(r.body).objectValue)
            #expect(answer["token_type"]?.stringValue == "Bearer")
            guard case .jws(let token) = try CompactToken.parse(try #require(answer["access_token"]?.stringValue)) else { Issue.record("not a JWS"); return }
            #expect(token.header.typ == "at+jwt")
            #expect(try token.claims.get().json["scope"]?.stringValue == "read tm.t.r")
        }
    }
}
