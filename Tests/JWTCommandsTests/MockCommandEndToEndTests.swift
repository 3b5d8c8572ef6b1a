import Foundation
import OAuth2Client
import Testing

/// `jwt mock` as a user runs it: the built binary, first stdout line, a call, SIGTERM, exit 0.
@Suite("jwt mock end to end")
struct MockCommandEndToEndTests {
    /// The `jwt` executable next to the test bundle (`swift build` puts both in the same folder).
    static func jwtBinary() throws -> URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("jwt")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw OAuth2ClientError(.invalidURL, "jwt binary not found next to \(exe.path); run `swift build` before `swift test`")
    }

    static func firstLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func startCallStop(_ signal: Int32) async throws {
        let process = Process()
        process.executableURL = try Self.jwtBinary()
        process.arguments = ["mock", "--port", "0", "--verbose"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let line = try #require(Self.firstLine(out.fileHandleForReading))
        #expect(line.hasPrefix("http://127.0.0.1:"))
        let http = AsyncHTTPTransport()
        let response = try await TokenClient(transport: http, timeout: .seconds(5)).requestToken(
            style: ClientSecretBasicStyle(scope: "read"), endpoint: line + "/oauth2/token",
            credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("demo-basic-secret")))
        await http.shutdown()
        #expect(response.status == 200)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("POST /oauth2/token 200"))
        #expect(!log.contains("demo-basic-secret"))
        #expect(!log.contains(response.accessToken.value))
    }

    @Test func badConfigExits65() throws {
        let path = NSTemporaryDirectory() + "jwt-mock-bad-\(getpid()).yaml"
        try "clients: [{client_id: a}]".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = try Self.jwtBinary()
        process.arguments = ["mock", "--config", path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 65)
    }

    @Test func missingConfigExits66() throws {
        let process = Process()
        process.executableURL = try Self.jwtBinary()
        process.arguments = ["mock", "--config", "/nonexistent/mock.yaml"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 66)
    }
}
