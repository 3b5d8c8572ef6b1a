import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an executable as a child process for a test: the built `jwt` binary (``jwt(_:stdin:environment:directory:timeout:)``)
/// or a tool such as `openssl` or `xmllint` (``tool(_:_:stdin:environment:directory:timeout:)``). Standard input comes
/// from a file (never a pipe the child may leave unread), standard output and error go to files (no pipe can fill up
/// and stall the child), and a child still running at its deadline is killed (`SIGKILL`) and reported as
/// ``Result/timedOut`` — the deadline only bounds a hung child, no test asserts on time.
public enum BinaryRunner {
    /// What a finished child left behind.
    public struct Result: Sendable {
        /// The exit status, or `128 + signal` when the child died of a signal (as a shell reports it).
        public let status: Int32
        /// True when the child ended by a signal (a trap shows as `SIGILL`/`SIGTRAP`, a kill as `SIGKILL`).
        public let signalled: Bool
        /// True when the child was still running at its deadline and was killed.
        public let timedOut: Bool
        public let out: String
        public let err: String
        /// Standard output as bytes (for output that is not text).
        public let outBytes: [UInt8]
    }

    /// The binary is not where `swift build` puts it, or a child could not start.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The default deadline: long enough for a loaded CI machine, short enough that a hang ends the test run.
    public static let defaultTimeout: Double = 120

    /// `<package root>`, from this file's own path (`Tests/JWTTestSupport/BinaryRunner.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Tests/JWTTestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// The built `jwt` executable: beside the test bundle (`swift build` puts both in one folder), else
    /// `<package root>/.build/debug/jwt`. `swift build --build-tests` alone may not relink it: run `swift build` first.
    public static func jwtBinary() throws -> URL {
        var folders: [URL] = []
        for start in [CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }, URL(fileURLWithPath: "/proc/self/exe"), Bundle.main.bundleURL] {
            guard let start else { continue }
            var dir = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(dir)
                dir = dir.deletingLastPathComponent()
            }
        }
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("jwt")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw Failure(description: "the jwt binary was not found next to the tests nor in .build/debug: run `swift build` before `swift test`")
    }

    /// This process's environment with `removing` taken out and `adding` put in.
    public static func inheritedEnvironment(removing: [String] = [], adding: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in removing { environment.removeValue(forKey: name) }
        for (name, value) in adding { environment[name] = value }
        return environment
    }

    /// A small fixed environment: no colour, a plain `PATH`, and `adding`.
    public static func plainEnvironment(_ adding: [String: String] = [:]) -> [String: String] {
        ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"].merging(adding) { $1 }
    }

    /// Runs the built `jwt` with `arguments` and waits for it.
    public static func jwt(
        _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        directory: String? = nil, timeout: Double = defaultTimeout
    ) throws -> Result {
        try run(try jwtBinary(), arguments, stdin: stdin.map { Array($0.utf8) }, environment: environment, directory: directory, timeout: timeout)
    }

    /// Runs a tool found on `PATH` (through `/usr/bin/env`) and waits for it. A missing tool is a failed run (127).
    public static func tool(
        _ name: String, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: String? = nil, timeout: Double = defaultTimeout
    ) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, stdin: stdin, environment: environment, directory: directory, timeout: timeout)
    }

    /// Runs `executable` and waits for it (at most `timeout` seconds, then it is killed).
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: String? = nil, timeout: Double = defaultTimeout
    ) throws -> Result {
        let child = try start(executable, arguments, stdin: stdin, environment: environment, directory: directory)
        return child.finish(timeout: timeout)
    }

    /// Starts `executable` without waiting: for a test that talks to the child while it runs (`jwt mock`).
    public static func start(
        _ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: String? = nil
    ) throws -> RunningBinary {
        try RunningBinary(executable, arguments, stdin: stdin ?? [], environment: environment, directory: directory)
    }

    /// Starts the built `jwt` without waiting.
    public static func startJWT(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil) throws -> RunningBinary {
        try start(try jwtBinary(), arguments, environment: environment, directory: directory)
    }
}

/// A child started by ``BinaryRunner/start(_:_:stdin:environment:directory:)``; its files are removed on deinit.
public final class RunningBinary: @unchecked Sendable {
    private let process = Process()
    private let folder: URL
    private let outURL: URL
    private let errURL: URL
    private var result: BinaryRunner.Result?

    init(_ executable: URL, _ arguments: [String], stdin: [UInt8], environment: [String: String]?, directory: String?) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inURL = folder.appendingPathComponent("stdin")
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        try Data(stdin).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw BinaryRunner.Failure(description: "cannot start \(executable.path): \(error)")
        }
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    public var processIdentifier: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Standard output so far.
    public var outSoFar: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

    /// Waits until standard output satisfies `condition` (true) or the child ends or `timeout` passes (false).
    public func waitForOutput(timeout: Double = BinaryRunner.defaultTimeout, _ condition: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition(outSoFar) { return true }
            if !process.isRunning { return condition(outSoFar) }
            usleep(10_000)
        }
        return false
    }

    /// Sends `signal` to the child (if it still runs).
    public func signal(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits for the child to end (killing it after `timeout` seconds) and returns what it left.
    public func finish(timeout: Double = BinaryRunner.defaultTimeout) -> BinaryRunner.Result {
        if let result { return result }
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < end { usleep(5_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let outBytes = [UInt8]((try? Data(contentsOf: outURL)) ?? Data())
        let errBytes = [UInt8]((try? Data(contentsOf: errURL)) ?? Data())
        let signalled = process.terminationReason == .uncaughtSignal
        let finished = BinaryRunner.Result(
            status: signalled ? 128 + process.terminationStatus : process.terminationStatus,
            signalled: signalled, timedOut: timedOut,
            out: String(decoding: outBytes, as: UTF8.self), err: String(decoding: errBytes, as: UTF8.self), outBytes: outBytes)
        result = finished
        return finished
    }
}
