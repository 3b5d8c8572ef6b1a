import Foundation
import JOSECore
import OAuth2Client
import Testing

/// Issue 11 item 5: the sample responses printed in the seeds (Tests/Fixtures/seeds, PROVENANCE.md) through the
/// client's own parsing — `TokenClient.requestToken` with each seed's style, `TenantTokenManager` for the batch and
/// the tenant list. The JSON parser stays strict (RFC 8259): a verbatim sample that is not JSON is a malformed
/// response naming the byte offset; its minimally repaired copy parses with the deviations the seed shows.
@Suite struct SeedFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    static func answer(_ name: String) throws -> HTTPTransportResponse {
        HTTPTransportResponse(status: 200, headers: jsonHeaders, body: try bytes(name))
    }

    static let credentials = ClientCredentials(clientID: "client", secret: Secret("secret"))

    typealias Sample = (file: String, style: TokenStyleName, tokenType: String, expiresIn: Int, scope: String?, deviations: [TokenResponseDeviation])

    static let samples: [Sample] = [
        ("000-token-response.json", .jsonClientCredentials, "Bearer", 86400, nil, []),
        ("001-token-response.json", .tenantTokenManager, "bearer", 1799,
         "cst.r uts.su im.usr.r em.rep.r tm.st.r tm.t.r agm.r iam-action.client_credentials.tenant-impersonation uts.ri asm.r atm.r uts.rc uaa.offline_token emds.ent.r asm.rep.r",
         [.tokenTypeCase("bearer")]),
        ("002-token-response.repaired-trailing-comma.json", .clientSecretPost, "Bearer", 3599, nil, [.expiresInString("3599")]),
        ("003-token-response.json", .clientSecretBasic, "Bearer", 3600, nil, []),
    ]

    @Test(arguments: samples)
    func sampleResponseThroughTheClient(_ sample: Sample) async throws {
        let transport = ScriptedTransport([.success(try Self.answer(sample.file))])
        let style = TokenStyleFactory.make(sample.style, scope: "example.com", audience: "https://horizon.siemens.com")
        let token = try await TokenClient(transport: transport).requestToken(anyStyle: style, endpoint: "https://vendor.test/token", credentials: Self.credentials)
        #expect(token.tokenType == sample.tokenType, "\(sample.file)")
        #expect(token.expiresIn == sample.expiresIn, "\(sample.file)")
        #expect(token.scope == sample.scope, "\(sample.file)")
        #expect(token.deviations == sample.deviations, "\(sample.file): \(token.deviations)")
        #expect(token.accessToken.value.hasPrefix("eyJ"))
        if sample.style == .tenantTokenManager {
            // Seed 001's extra members are read, not reported: `timestamp` (ms since the epoch, a string) and `jti`.
            #expect(token.timestamp == "1559120938825")
            #expect(token.jti == "3fcf2a5e-cc76-11e7-abc4-cec278b6b50a")
        }
    }

    /// The verbatim samples that are not JSON: refused, precisely. Seed 002's trailing comma (byte 103: `}` where a
    /// member name must follow) and seed 001's missing comma between two array items (`}{`).
    @Test(arguments: [
        ("002-token-response.verbatim.json", "expected a member name at byte offset"),
        ("001-oauthTokens-response.verbatim.json", "expected ',' or ']' in an array at byte offset"),
    ])
    func verbatimInvalidSampleIsAMalformedResponseNamingThePosition(file: String, problem: String) async throws {
        let body = try Self.bytes(file)
        do {
            _ = try TokenResponse.parse(HTTPTransportResponse(status: 200, headers: jsonHeaders, body: body))
            Issue.record("\(file) was accepted")
        } catch {
            #expect(error.code == .malformedResponse)
            #expect(error.message.contains(problem), "\(error.message)")
            // The offset named is where the repair goes: the byte before it (spaces skipped) is the offending one.
            let after = error.message.components(separatedBy: "at byte offset ").last ?? ""
            let digits = Int(String(after.prefix { $0.isASCII && $0.isNumber }))
            let offset = try #require(digits, "\(error.message)")
            #expect(offset < body.count)
            let repaired = file.contains("002") ? UInt8(ascii: "}") : UInt8(ascii: "{")
            #expect(body[offset] == repaired, "byte \(offset) is \(Character(Unicode.Scalar(body[offset])))")
        }
    }

    /// Seed 001's batch sample (comma repaired) through `TenantTokenManager`: two tenants, each token read with the
    /// seed's deviations; the `userTenants` sample (every `page` number 0, one tenant) ends after its first page.
    @Test func batchAndTenantListSamplesThroughTheManager() async throws {
        let transport = ScriptedTransport([
            .success(try Self.answer("001-oauthTokens-response.repaired-missing-comma.json")),
            .success(try Self.answer("001-userTenants-response.json")),
        ])
        let manager = TenantTokenManager(client: TokenClient(transport: transport), baseURL: "https://gateway.test",
                                         credentials: Self.credentials, appName: "application_x", appVersion: "1.0.0")
        let batch = try await manager.tokens(hostTenantId: "host_tenant", userTenantIds: ["user_tenant_a", "user_tenant_b"])
        #expect(batch.calls == 1)
        #expect(batch.tokens.map(\.userTenantId) == ["user_tenant_a", "user_tenant_b"])
        #expect(batch.tokens.allSatisfy { $0.token.tokenType == "bearer" && $0.token.expiresIn == 1799 && $0.token.deviations == [.tokenTypeCase("bearer")] })
        #expect(batch.tokens.map(\.token.timestamp) == ["1559120938825", "1559120938828"])
        let list = try await manager.userTenants(bearer: batch.tokens[0].token.accessToken)
        #expect(list.pageIDs == [["testusertenant1"]])
        #expect(list.terminated)
        // totalPages 0 with one tenant: page 0 is the last (the seed's numbers cannot make the client ask again).
        #expect(transport.calls == 2)
        #expect(transport.requests.last?.url == "https://gateway.test/api/technicaltokenmanager/v3/userTenants?page=0&size=100")
    }

    /// The verbatim batch sample through the manager: the call's problem is the malformed answer with its position.
    @Test func verbatimBatchSampleIsAProblemOfTheCall() async throws {
        let transport = ScriptedTransport([.success(try Self.answer("001-oauthTokens-response.verbatim.json"))])
        let manager = TenantTokenManager(client: TokenClient(transport: transport), baseURL: "https://gateway.test",
                                         credentials: Self.credentials, appName: "application_x", appVersion: "1.0.0")
        let batch = await manager.batchReport(hostTenantId: "host_tenant", userTenantIds: ["user_tenant_a", "user_tenant_b"])
        #expect(batch.tokens.isEmpty)
        #expect(batch.problems.first?.code == .malformedResponse)
        #expect(batch.problems.first?.message.contains("at byte offset") == true, "\(batch.problems)")
    }
}
