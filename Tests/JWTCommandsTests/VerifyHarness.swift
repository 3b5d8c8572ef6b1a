import Foundation
import JOSECore
@testable import JWTCommands
import OAuth2Client

/// Runs commands in process with captured output, a fixed clock and recorded file reads.
final class CommandHarness: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    private var reads: [String] = []
    var stdin: [UInt8] = []
    var variables: [String: String] = [:]
    let now: Double

    init(now: Double = 1_700_000_000) { self.now = now }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
    var filesRead: [String] { lock.withLock { reads } }

    var environment: CommandEnvironment {
        CommandEnvironment(
            now: { [now] in now },
            writeOut: { text in self.lock.withLock { self.outText += text } },
            writeErr: { text in self.lock.withLock { self.errText += text } },
            readStdin: { [stdin] limit in Array(stdin.prefix(limit + 1)) },
            readFile: { path, limit throws(JWTCommandsError) in
                self.lock.withLock { self.reads.append(path) }
                return try FileIO.readFile(path, limit: limit)
            },
            variables: variables,
            stdoutIsTerminal: false
        )
    }

    /// The HTTP client of the last `verify` run with the live transport (started only if a key source was a URL).
    private(set) var lastHTTP: SharedHTTPClient?

    /// Runs `jwt verify` in process. Without `transport`, the live one over a run-scoped ``SharedHTTPClient`` that
    /// is shut down before this returns (`VerifyRunner.runLive`, as `VerifyCommand.run()` does; `variables` is the
    /// environment it reads proxies and `SSL_CERT_FILE` from).
    func verify(_ arguments: [String], transport: (any HTTPTransport)? = nil, stdinLines: [UInt8]? = nil) async throws -> JWTExit {
        let command: VerifyCommand
        do {
            command = try VerifyCommand.parse(arguments)
        } catch {
            lock.withLock { errText += VerifyCommand.message(for: error) + "\n" }
            return JWTExit(rawValue: VerifyCommand.exitCode(for: error).rawValue) ?? .internalError
        }
        let environment = self.environment
        func adjust(_ runner: inout VerifyRunner) {
            // Generous: the whole suite runs in parallel on a shared machine; the deadline itself is tested on a hand clock.
            runner.keyDeadline = .seconds(60)
            if let stdinLines { runner.openStdinLines = { BytesLineSource(stdinLines) } }
        }
        if let transport {
            var runner = VerifyRunner(options: command, transport: transport)
            adjust(&runner)
            return await runner.run(environment: environment)
        }
        // The command's own path: network settings from `variables` and `--ca-file`, one client for the run.
        return await VerifyRunner.runLive(options: command, environment: environment, adjust: adjust) { http in
            lock.withLock { lastHTTP = http }
        }
    }

    func encode(_ arguments: [String]) throws -> JWTExit {
        let command: EncodeCommand
        do {
            command = try EncodeCommand.parse(arguments)
        } catch {
            lock.withLock { errText += EncodeCommand.message(for: error) + "\n" }
            return JWTExit(rawValue: EncodeCommand.exitCode(for: error).rawValue) ?? .internalError
        }
        return EncodeRunner(options: command).run(environment: environment)
    }

    /// Encodes and returns the token (expects success).
    func token(_ arguments: [String]) throws -> String {
        let before = out
        let code = try encode(arguments)
        guard code == .ok else { throw JWTCommandsError.usage("test setup: encode ended with \(code): \(err)") }
        return String(out.dropFirst(before.count)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func reset() { lock.withLock { outText = ""; errText = "" } }
}

/// A temporary folder with helpers to write files; removed on deinit.
final class TempDir: @unchecked Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "jwt-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// A transport that answers GETs from a table (URL → response) and records every URL asked for; a URL not in the
/// table is a refused connection. No socket is opened.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []
    let responses: [String: HTTPTransportResponse]

    init(_ responses: [String: HTTPTransportResponse] = [:]) { self.responses = responses }

    /// Every URL answers 200 with `body`.
    static func ok(_ bodies: [String: String]) -> RecordingTransport {
        RecordingTransport(bodies.mapValues { HTTPTransportResponse(status: 200, body: Array($0.utf8)) })
    }

    var requests: [String] { lock.withLock { asked } }

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        lock.withLock { asked.append(request.url) }
        guard let response = responses[request.url] else { throw OAuth2ClientError(.network, "connection refused") }
        return response
    }
}

/// Keys for tests, written to files: private PEM (for encode) and public PEM / JWK (for verify).
struct KeyFiles {
    let key: JWSKey
    /// Kept so the folder outlives every use of the paths.
    let dir: TempDir
    let privatePath: String
    let publicPath: String

    init(_ algorithm: JWSAlgorithm, in dir: TempDir, kid: String? = nil) throws {
        self.dir = dir
        let name = algorithm.rawValue + (kid ?? "")
        if algorithm.family == .hmac {
            // Printable secret (64 random bytes as hex, 128 octets) so no trailing newline is ever stripped.
            let secret = Array(Digest.hex((0..<64).map { _ in UInt8.random(in: 0...255) }).utf8)
            key = try JWSKey.hmac(secret: secret, kid: kid)
            privatePath = try dir.write(name + ".secret", secret)
            publicPath = privatePath
        } else {
            key = try JWSKey.generate(for: algorithm, kid: kid)
            privatePath = try dir.write(name + ".key.pem", try key.privatePEM()!)
            publicPath = try dir.write(name + ".pub.pem", try key.publicPEM())
        }
    }
}
