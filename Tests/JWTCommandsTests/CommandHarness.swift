import Foundation
import JOSECore
import JWTTestSupport
@testable import JWTCommands

/// Captured stdout/stderr of an in-process command run.
final class OutputCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = ""
    private var _err = ""
    var out: String { lock.withLock { _out } }
    var err: String { lock.withLock { _err } }
    func appendOut(_ s: String) { lock.withLock { _out += s } }
    func appendErr(_ s: String) { lock.withLock { _err += s } }
}

/// Paths of the package, fixtures and golden files (vectors: ``VectorFolder``; the built binary: ``BinaryRunner``).
enum TestPaths {
    /// The package root, from this file's location.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = packageRoot.appendingPathComponent("Tests/JWTCommandsTests/Golden")
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    /// This target's golden files (`JWT_UPDATE_GOLDEN=1` rewrites them).
    static let goldenFiles = Golden(directory: golden)
}

enum Harness {
    /// A fixed instant: 2024-05-01T12:00:00Z.
    static let fixedNow: Double = 1_714_564_800

    static func environment(
        capture: OutputCapture,
        stdin: String = "",
        files: [String: String] = [:],
        variables: [String: String] = [:],
        terminal: Bool = false,
        now: Double = fixedNow
    ) -> CommandEnvironment {
        CommandEnvironment(
            now: { now },
            writeOut: { capture.appendOut($0) },
            writeErr: { capture.appendErr($0) },
            readStdin: { limit in Array(Array(stdin.utf8).prefix(limit + 1)) },
            readFile: { path, limit throws(JWTCommandsError) in
                guard let text = files[path] else { throw JWTCommandsError.noInput("cannot open \(path): No such file or directory") }
                return Array(Array(text.utf8).prefix(limit + 1))
            },
            variables: variables,
            stdoutIsTerminal: terminal
        )
    }

    /// Builds a compact token from JSON texts (the signature is arbitrary bytes: decode verifies nothing).
    static func token(header: String, payload: String, signature: [UInt8] = Array(repeating: 7, count: 32)) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
    }

    /// Runs `jwt decode` in process.
    static func decode(_ arguments: [String], stdin: String = "", files: [String: String] = [:],
                       variables: [String: String] = [:], terminal: Bool = false) throws -> (exit: JWTExit, out: String, err: String) {
        let command = try DecodeCommand.parse(arguments)
        let capture = OutputCapture()
        let code = DecodeRunner(options: command).run(environment: environment(capture: capture, stdin: stdin, files: files, variables: variables, terminal: terminal))
        return (code, capture.out, capture.err)
    }

    /// Runs the built binary with arguments and stdin (this process's environment without `NO_COLOR`, plus `extra`);
    /// returns exit status, stdout and stderr.
    static func runBinary(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let result = try BinaryRunner.jwt(arguments, stdin: stdin, environment: BinaryRunner.inheritedEnvironment(removing: ["NO_COLOR"], adding: extra))
        return (result.status, result.out, result.err)
    }
}
