import ConformanceReports
import JOSECore
import OAuth2Client
import OAuth2Conformance
import OAuth2MockServer

/// The logic behind `jwt conform`, over an injected ``CommandEnvironment``, transport and report files.
public struct ConformRunner: Sendable {
    public var suites: [String]
    public var junit: String?
    public var markdown: String?
    public var json: String?
    public var only: [String]
    public var concurrency: Int?
    public var mock: Bool
    /// `--strict`: hygiene deviations fail (``OAuth2Conformance/ConformanceSuite/strict()``).
    public var strict = false
    /// `--ca-file`: the CA bundle for every suite (over a suite's `defaults.ca_file` and `SSL_CERT_FILE`).
    public var caFile: String?
    public var files: ReportFiles = .live
    /// Builds the HTTP transport (tests may inject one, and shut it down themselves); `nil`: AsyncHTTPClient through
    /// one ``OAuth2Client/SharedHTTPClient`` per suite (its CA bundle may differ), started on the suite's first
    /// request and shut down before the next suite starts.
    public var makeTransport: (@Sendable () -> any HTTPTransport)?
    /// The embedded default suite's text (the same as `conformance/mock.yaml`).
    public static var defaultSuiteYAML: String { DefaultSuite.yaml }
    /// Largest suite file read.
    public static let maxSuiteBytes = 1 << 20

    public init(options: ConformCommand) {
        self.suites = options.suites
        self.junit = options.junit
        self.markdown = options.markdown
        self.json = options.json
        self.only = options.only
        self.concurrency = options.concurrency
        self.mock = options.mock || options.suites.isEmpty
        self.strict = options.strict
        self.caFile = options.caFile
    }

    /// Runs every suite; returns the exit code (see ``ConformCommand``). The HTTP clients are shut down on every path.
    public func run(environment: CommandEnvironment) async -> JWTExit {
        // One client for every endpoint of a suite: its per-host connection limit is the largest concurrency
        // allowed, so each endpoint in flight has its own connection (AsyncHTTPClient's default is 8). Proxies and
        // the CA bundle come from the environment and --ca-file (NetworkSettings), before any suite is read.
        let configuration: TransportConfiguration
        do throws(JWTCommandsError) {
            configuration = try NetworkSettings.configuration(
                TransportConfiguration(maxConnectionsPerHost: ConformCommand.maxConcurrency), caFile: caFile, environment: environment)
        } catch {
            environment.writeError("conform", error.message)
            return error.exit
        }
        return await run(environment: environment, configuration: configuration)
    }

    /// The transport settings of one suite: its `defaults.ca_file` unless `--ca-file` was given.
    func configuration(_ base: TransportConfiguration, for suite: ConformanceSuite) -> TransportConfiguration {
        var configuration = base
        if caFile == nil, let roots = suite.defaults.trustRoots { configuration.trustRoots = roots }
        return configuration
    }

    private func run(environment: CommandEnvironment, configuration: TransportConfiguration) async -> JWTExit {
        var environment = environment
        let inActions = !(environment.variables["GITHUB_ACTIONS"] ?? "").isEmpty
        var server: RunningMockServer?
        if mock {
            do {
                let service = try MockServer.makeService(configuration: .demo)
                let running = try await MockServer.start(service: service)
                server = running
                for (name, value) in Self.mockVariables(baseURL: running.baseURL, configuration: .demo) where environment.variables[name] == nil {
                    environment.variables[name] = value
                }
            } catch {
                environment.writeError("conform", "the mock server did not start: \(error.message)")
                return JWTExit(error.errorClass)
            }
        }
        var worst: JWTExit = .ok
        var anyReached = false
        var loadFailure: JWTExit?
        // No SUITE: the embedded default (nil path).
        let paths: [String?] = suites.isEmpty ? [nil] : suites.map { $0 }
        for path in paths {
            let suite: ConformanceSuite
            do throws(JWTCommandsError) {
                suite = try load(path, environment: environment)
            } catch {
                environment.writeError("conform", error.message)
                loadFailure = loadFailure ?? error.exit
                continue
            }
            let console = ConformConsole(environment: environment, names: suite.endpoints.map(\.name), githubActions: inActions)
            console.start()
            func runner(_ transport: any HTTPTransport) -> ConformanceRunner {
                ConformanceRunner(
                    transport: transport, now: environment.now,
                    concurrency: concurrency, onToken: console.mask, onEndpoint: console.endpointFinished
                )
            }
            let result: RunResult
            if let makeTransport {
                result = await runner(makeTransport()).run(suite)
            } else {
                result = await SharedHTTPClient.withClient(configuration: self.configuration(configuration, for: suite)) { http in
                    await runner(AsyncHTTPTransport(shared: http)).run(suite)
                }
            }
            if result.endpoints.contains(where: \.reachable) { anyReached = true }
            do throws(JWTCommandsError) {
                let written = try writeReports(result, environment: environment)
                console.summary(result, reports: written)
            } catch {
                environment.writeError("conform", error.message)
                worst = error.exit
            }
            if result.failed, worst == .ok { worst = .failed }
        }
        if let server { await server.stop() }
        if let loadFailure { return loadFailure }
        if !anyReached, worst == .failed { return .unavailable }
        return worst
    }

    /// Reads and loads one suite (66 when the file is missing, 65 when it is malformed).
    func load(_ path: String?, environment: CommandEnvironment) throws(JWTCommandsError) -> ConformanceSuite {
        guard let path else {
            return try parse(DefaultSuite.yaml, name: DefaultSuite.name, path: "(embedded default suite)", environment: environment)
        }
        let bytes = try environment.readFile(path, Self.maxSuiteBytes)
        guard bytes.count <= Self.maxSuiteBytes else {
            throw JWTCommandsError(ConformanceError(.invalidSuite, "\(path): larger than 1 MiB"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JWTCommandsError(ConformanceError(.invalidSuite, "\(path): not UTF-8 text"))
        }
        return try parse(text, name: Self.suiteName(path), path: path, environment: environment)
    }

    private func parse(_ text: String, name: String, path: String, environment: CommandEnvironment) throws(JWTCommandsError) -> ConformanceSuite {
        let loader = SuiteLoader(variables: environment.variables) { file throws(ConformanceError) in
            do throws(JWTCommandsError) { return try environment.readFile(file, 1 << 20) } catch {
                throw ConformanceError(.unreadableFile, "\(path): \(error.message)")
            }
        }
        do {
            let suite = try loader.load(text, name: name, only: only)
            return strict ? suite.strict() : suite
        } catch {
            throw JWTCommandsError(error)
        }
    }

    /// `conformance/mock.yaml` → `mock`.
    static func suiteName(_ path: String) -> String {
        var name = String(path.split(separator: "/").last ?? Substring(path))
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// `MOCK_URL` and one `MOCK_SECRET_<CLIENT>` per demo client (`demo-json` → `MOCK_SECRET_DEMO_JSON`).
    static func mockVariables(baseURL: String, configuration: MockConfiguration) -> [(String, String)] {
        var out = [("MOCK_URL", baseURL)]
        for client in configuration.clients {
            let name = String(client.clientID.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
            out.append(("MOCK_SECRET_" + name, client.secret))
        }
        return out
    }

    private func writeReports(_ result: RunResult, environment: CommandEnvironment) throws(JWTCommandsError) -> [String] {
        let junitPath = junit ?? "reports/\(result.suite).junit.xml"
        let markdownPath = markdown ?? "reports/\(result.suite).md"
        let markdownText = MarkdownReportWriter().write(result)
        try files.write(junitPath, JUnitReportWriter().write(result))
        try files.write(markdownPath, markdownText)
        var written = [junitPath, markdownPath]
        if let json {
            try files.write(json, JSONReportWriter().write(result))
            written.append(json)
        }
        if let summary = environment.variables["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try files.append(summary, StepSummary.trimmed(markdownText) + "\n")
        }
        return written
    }
}
