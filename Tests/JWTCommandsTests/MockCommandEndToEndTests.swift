import Foundation
import JWTTestSupport
import OAuth2Client
import Testing

/// `jwt mock` as a user runs it: the built binary, first stdout line, a call, SIGTERM, exit 0.
@Suite("jwt mock end to end")
struct MockCommandEndToEndTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func startCallStop(_ signal: Int32) async throws {
        let child = try BinaryRunner.startJWT(["mock", "--port", "0", "--verbose"])
        #expect(child.waitForOutput { $0.contains("\n") }, "no first line: \(child.outSoFar)")
        let line = try #require(child.outSoFar.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("http://127.0.0.1:"))
        let http = AsyncHTTPTransport()
        let response = try await TokenClient(transport: http, timeout: .seconds(5)).requestToken(
            style: ClientSecretBasicStyle(scope: "read"), endpoint: line + "/oauth2/token",
            credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("demo-basic-secret")))
        await http.shutdown()
        #expect(response.status == 200)
        child.signal(signal)
        let result = child.finish()
        #expect(!result.signalled && !result.timedOut)
        #expect(result.status == 0)
        #expect(result.err.contains("POST /oauth2/token 200"))
        #expect(!result.err.contains("demo-basic-secret"))
        #expect(!result.err.contains(response.accessToken.value))
    }

    @Test func badConfigExits65() throws {
        let path = NSTemporaryDirectory() + "jwt-mock-bad-\(getpid()).yaml"
        try "clients: [{client_id: a}]".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try BinaryRunner.jwt(["mock", "--config", path]).status == 65)
    }

    @Test func missingConfigExits66() throws {
        #expect(try BinaryRunner.jwt(["mock", "--config", "/nonexistent/mock.yaml"]).status == 66)
    }
}
