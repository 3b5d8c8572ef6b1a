import ArgumentParser

/// `jwt conform SUITE...`: run conformance suites against token endpoints and write JUnit XML, Markdown and JSON
/// reports (issue 5). Exit 0 when no check fails, 1 when any fails, 65 for a bad suite, 69 only when nothing at all
/// could be reached.
public struct ConformCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Check token endpoints against conformance suites; write JUnit XML and Markdown reports.",
        discussion: """
            Each SUITE is a YAML file (see conformance/README.md); with none, the embedded default suite (the same as \
            conformance/mock.yaml) runs against the in-process mock. Reports go to reports/<suite>.junit.xml and \
            reports/<suite>.md unless --junit/--markdown say otherwise; --json adds a JSON report. With --mock the \
            built-in mock server starts on a free loopback port and ${MOCK_URL} points at it. In GitHub Actions \
            (GITHUB_ACTIONS set) every issued token is masked with ::add-mask:: and the Markdown report is appended to \
            $GITHUB_STEP_SUMMARY. Checks that decide whether the credential works and the token is right fail; \
            protocol hygiene only warns unless --strict. Requests honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY \
            (either case); a CA bundle (--ca-file, else the suite's defaults.ca_file, else SSL_CERT_FILE) replaces the \
            system's trust roots. Exit codes: 0 no check failed · 1 a check failed · 65 bad suite · 66 suite file \
            missing · 69 nothing could be reached · 64 usage. --list-checks prints the check catalogue.
            """
    )

    @Argument(help: ArgumentHelp("Suite files (YAML). None: the embedded default suite (conformance/mock.yaml) against the in-process mock.", valueName: "SUITE"),
              completion: .file(extensions: ["yaml", "yml"]))
    public var suites: [String] = []

    @Option(help: ArgumentHelp("JUnit XML report path (default reports/<suite>.junit.xml).", valueName: "PATH"))
    public var junit: String?

    @Option(help: ArgumentHelp("Markdown report path (default reports/<suite>.md).", valueName: "PATH"))
    public var markdown: String?

    @Option(help: ArgumentHelp("Also write a JSON report to this path.", valueName: "PATH"))
    public var json: String?

    @Option(help: ArgumentHelp("Check only this endpoint (repeatable).", valueName: "ENDPOINT"),
            completion: .custom { words, _, prefix in ConformCompletion.endpointNames(words: words, prefix: prefix, environment: .live) })
    public var only: [String] = []

    @Option(help: ArgumentHelp("Endpoints checked at once (overrides the suite's defaults.concurrency).", valueName: "N"))
    public var concurrency: Int?

    @Flag(help: "Hygiene deviations (Cache-Control, token_type case, string expires_in, clock skew, …) fail instead of warning (as defaults.strict: true in a suite).")
    public var strict = false

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM CA bundle for https requests, replacing the system's roots (over defaults.ca_file and SSL_CERT_FILE).", valueName: "FILE"))
    public var caFile: String?

    @Flag(help: "Start the built-in mock server in-process and set ${MOCK_URL} (and the demo secrets) for the suites.")
    public var mock = false

    @Flag(name: .customLong("list-checks"), help: "Print every check (id, kind, default and --strict severity, title, reference) and exit; with --json PATH ('-': stdout) as JSON.")
    public var listChecks = false

    /// Largest `--concurrency` (and the HTTP client's connections to one host).
    public static let maxConcurrency = 256

    public init() {}

    public func validate() throws {
        if listChecks, !suites.isEmpty || mock || junit != nil || markdown != nil || !only.isEmpty || strict || caFile != nil || concurrency != nil {
            throw ValidationError("--list-checks takes no suite and no option but --json PATH ('-' for stdout)")
        }
        if let concurrency, !(1...Self.maxConcurrency).contains(concurrency) { throw ValidationError("--concurrency must be 1…\(Self.maxConcurrency)") }
        if suites.count > 1, junit != nil || markdown != nil || json != nil {
            throw ValidationError("--junit, --markdown and --json name one file: give one SUITE per run, or use the default reports/<suite>.* paths")
        }
    }

    public func run() async throws {
        if listChecks {
            let code = Self.listChecks(json: json, environment: .live, files: .live)
            if code != .ok { throw ExitCode(code.rawValue) }
            return
        }
        let code = await ConformRunner(options: self).run(environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}
