import ArgumentParser
import JOSECore
import OAuth2MockServer

/// `jwt mock`: a local OAuth 2.0 token server speaking the four vendor styles (issue 4 §3).
public struct MockCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a local mock token server (the four vendor styles, JWKS, metadata, a protected API, fault scenarios).",
        discussion: """
            Binds 127.0.0.1 and prints its base URL as the first line of stdout, then serves until SIGINT/SIGTERM. \
            Without --config a demo configuration with demo secrets is used (see Sources/OAuth2MockServer/README.md).
            """
    )

    @Option(help: "TCP port on 127.0.0.1 (0 = any free port).")
    public var port: Int = 0

    @Option(help: ArgumentHelp("YAML configuration (clients, tenants, signing, faults).", valueName: "FILE"))
    public var config: String?

    @Flag(help: "Log each request (method, path, status, client id, fault; never credentials or tokens) to stderr.")
    public var verbose = false

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    /// Serves until SIGINT/SIGTERM (Hummingbird's graceful shutdown), then returns: the process exits 0. The mock makes
    /// no HTTP requests, so no HTTP client is started. Swift concurrency runs on NIO's event loops when the process
    /// was started through ``JWTCommand/runMain(_:)`` (installed there, before the first task).
    public func run() async throws {
        let code = await MockRunner(options: self).run(environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}

/// The logic behind `jwt mock`, over an injected ``CommandEnvironment``.
public struct MockRunner: Sendable {
    public let port: Int
    public let config: String?
    public let verbose: Bool

    public init(options: MockCommand) {
        self.port = options.port
        self.config = options.config
        self.verbose = options.verbose
    }

    /// Builds the service from `--config` (or the demo config).
    public func makeService(environment: CommandEnvironment) throws(JWTCommandsError) -> MockService {
        var configuration = MockConfiguration.demo
        if let path = config {
            let bytes = try environment.readFile(path, 1 << 20)
            do {
                configuration = try MockConfiguration.load(
                    yaml: String(decoding: bytes, as: UTF8.self), variables: environment.variables,
                    readFile: { try? String(decoding: environment.readFile($0, 64 * 1024), as: UTF8.self) })
            } catch {
                throw Self.commandError(error)
            }
        }
        do {
            return try MockServer.makeService(configuration: configuration, readFile: { try? environment.readFile($0, 1 << 20) })
        } catch {
            throw Self.commandError(error)
        }
    }

    /// The mock's error with its code and class (so its exit code) kept.
    static func commandError(_ error: MockServerError) -> JWTCommandsError { JWTCommandsError(error) }

    /// Serves until SIGINT/SIGTERM; returns the exit code.
    public func run(environment: CommandEnvironment) async -> JWTExit {
        do throws(JWTCommandsError) {
            let service = try makeService(environment: environment)
            if config == nil { environment.writeErr("jwt mock: using the demo configuration (demo secrets; see the mock README)\n") }
            var log: (@Sendable (String) -> Void)?
            if verbose { log = { @Sendable line in environment.writeErr("mock: " + ExternalText.escaped(line) + "\n") } }
            do {
                try await MockServer.run(service: service, port: port, log: log) { url in environment.writeOut(url + "\n") }
            } catch {
                throw Self.commandError(error)
            }
            return .ok
        } catch {
            environment.writeError("mock", error.message)
            return error.exit
        }
    }
}
