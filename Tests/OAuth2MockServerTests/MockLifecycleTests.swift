import JOSECore
import Testing
@testable import OAuth2MockServer

@Suite("Mock server lifecycle and identifiers")
struct MockLifecycleTests {
    @Test func busyPortIsATypedError() async throws {
        let service = try MockServer.makeService(configuration: .demo)
        let first = try await MockServer.start(service: service)
        await #expect(throws: MockServerError(.server, "")) {
            _ = try await MockServer.start(service: try MockServer.makeService(configuration: .demo), port: first.port)
        }
        await first.stop()
    }

    @Test func jtiIsRandomAndUUIDShaped() {
        let ids = (0..<100).map { _ in MockService.randomID() }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(id.count == 36)
            #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        }
    }

    @Test func unknownKeyFileIsSigningKeyError() {
        var config = MockConfiguration.demo
        config.keyFile = "/nonexistent.pem"
        #expect(throws: MockServerError(.signingKey, "")) { try MockServer.makeService(configuration: config) }
        config.keyFile = nil
        config.algorithm = "none"
        #expect(throws: MockServerError(.signingKey, "")) { try MockServer.makeService(configuration: config) }
    }
}
