import Foundation
import JOSECore
@testable import JWTCommands
import OAuth2Client
import OAuth2MockServer
import OAuth2Conformance
import Synchronization
import Testing

/// Everything a run wrote: stdout, stderr, report files (in memory) and the tokens the endpoints issued.
final class Capture: Sendable {
    let stdout = Mutex(""), stderr = Mutex("")
    let files = Mutex([String: String]())
    let tokens = Mutex([String]())
    let clients = Mutex([AsyncHTTPTransport]())

    func environment(_ variables: [String: String]) -> CommandEnvironment {
        CommandEnvironment(
            now: SystemClock.now,
            writeOut: { text in self.stdout.withLock { $0 += text } },
            writeErr: { text in self.stderr.withLock { $0 += text } },
            readStdin: { _ throws(JWTCommandsError) in [] },
            readFile: CommandEnvironment.live.readFile,
            variables: variables,
            stdoutIsTerminal: false
        )
    }

    var reportFiles: ReportFiles {
        ReportFiles(write: { path, text in self.files.withLock { $0[path] = text } },
                    append: { path, text in self.files.withLock { $0[path, default: ""] += text } })
    }

    /// Every output of the run, as one list.
    var outputs: [(String, String)] {
        [("stdout", stdout.withLock { $0 }), ("stderr", stderr.withLock { $0 })] + files.withLock { $0.map { ($0.key, $0.value) } }
    }

    func shutdown() async {
        for client in clients.withLock({ $0 }) { await client.shutdown() }
    }
}

/// Records every access token in responses (top level and seed 001 batches) on its way to the runner.
struct TokenRecordingTransport: HTTPTransport {
    let inner: AsyncHTTPTransport
    let capture: Capture

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        let response = try await inner.send(request, timeout: timeout)
        if let object = (try? JSONParser().parse(response.body))?.objectValue {
            var found: [String] = []
            if let token = object["access_token"]?.stringValue { found.append(token) }
            for entry in object["oauthTokens"]?.arrayValue ?? [] {
                if let token = entry["token"]?["access_token"]?.stringValue { found.append(token) }
            }
            capture.tokens.withLock { $0 += found }
        }
        return response
    }
}

extension Harness {
    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static func suite(_ name: String) -> String { packageRoot.appendingPathComponent("conformance/\(name)").path }

    static func run(_ arguments: [String], variables: [String: String] = [:]) async throws -> (JWTExit, Capture) {
        let capture = Capture()
        var runner = ConformRunner(options: try ConformCommand.parse(arguments))
        runner.files = capture.reportFiles
        runner.makeTransport = {
            let client = AsyncHTTPTransport()
            capture.clients.withLock { $0.append(client) }
            return TokenRecordingTransport(inner: client, capture: capture)
        }
        let code = await runner.run(environment: capture.environment(variables))
        await capture.shutdown()
        return (code, capture)
    }

    static func temporarySuite(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

@Suite(.serialized) struct ConformCommandTests {
    @Test func mockSuitePassesAndWritesReports() async throws {
        let (code, capture) = try await Harness.run(["--mock", Harness.suite("mock.yaml"), "--json", "out/mock.json"])
        #expect(code == .ok, "\(capture.stderr.withLock { $0 })")
        let files = capture.files.withLock { $0 }
        #expect(Set(files.keys) == ["reports/mock.junit.xml", "reports/mock.md", "out/mock.json"])
        #expect(files["reports/mock.md"]?.hasPrefix("**✅ mock: PASSED**") == true)
        let stdout = capture.stdout.withLock { $0 }
        #expect(stdout.contains("mock: PASSED — 4 endpoints"))
        #expect(stdout.components(separatedBy: "\n").filter { $0.hasPrefix("[") }.count == 4)
    }

    /// The README's first command: `jwt conform` with no SUITE runs the embedded default against the in-process mock.
    @Test func noSuiteRunsTheEmbeddedDefaultAgainstTheMock() async throws {
        let (code, capture) = try await Harness.run([])
        #expect(code == .ok, "\(capture.stderr.withLock { $0 })")
        let files = capture.files.withLock { $0 }
        #expect(Set(files.keys) == ["reports/mock.junit.xml", "reports/mock.md"])
        #expect(capture.stdout.withLock { $0 }.contains("mock: PASSED — 4 endpoints"))
    }

    /// On a terminal a progress line is rewritten in place; in CI (or a pipe) only plain lines.
    @Test(arguments: [(true, [String: String](), true), (true, ["CI": "true"], false), (false, [String: String](), false)])
    func progressLineOnlyOnATerminal(terminal: Bool, variables: [String: String], live: Bool) throws {
        let out = Mutex("")
        let environment = CommandEnvironment(
            now: { 0 }, writeOut: { text in out.withLock { $0 += text } }, writeErr: { _ in },
            readStdin: { _ throws(JWTCommandsError) in [] }, readFile: { _, _ throws(JWTCommandsError) in [] },
            variables: variables, stdoutIsTerminal: terminal
        )
        let console = ConformConsole(environment: environment, names: ["a", "b"], githubActions: false)
        console.start()
        // b finishes first: lines name the suite position, not the completion order.
        for name in ["b", "a"] {
            console.endpointFinished(EndpointResult(name: name, style: "client-secret-basic", url: "http://x", checks: [], startedAt: 0, duration: 0.01))
        }
        let text = out.withLock { $0 }
        let b = try #require(text.range(of: "[2/2] ✓ b")), a = try #require(text.range(of: "[1/2] ✓ a"))
        #expect(b.lowerBound < a.lowerBound)
        #expect(text.contains("0 warnings"))
        #expect(text.contains("\u{1B}[K") == live)
        #expect(text.contains("… 1 of 2 endpoints done") == live)
        #expect(text.hasSuffix("\n"), "the last endpoint line ends the progress line")
    }

    /// Issue 11 item 3: a hygiene deviation (the mock's `no-cache-control` fault, TOK-06) warns and the run passes;
    /// `--strict`, or `defaults: {strict: true}` in the suite, makes it fail (exit 1).
    @Test(arguments: [("", [String](), JWTExit.ok), ("", ["--strict"], .failed), ("defaults: {strict: true}\n", [], .failed)])
    func strictTurnsAHygieneWarningIntoAFailure(defaults: String, flags: [String], exit: JWTExit) async throws {
        let suite = try Harness.temporarySuite("""
            name: hygiene
            \(defaults)endpoints:
              - name: no-store-missing
                style: json-client-credentials
                token_url: ${MOCK_URL}/oauth/token
                client_id: demo-json
                client_secret: {env: MOCK_SECRET_DEMO_JSON}
                headers: {X-Mock-Fault: no-cache-control}
                expect: {keys: {jwks_url: "${MOCK_URL}/jwks.json"}}
            """)
        let (code, capture) = try await Harness.run(["--mock", suite, "--json", "out/h.json", "--junit", "out/h.xml", "--markdown", "out/h.md"] + flags)
        #expect(code == exit, "\(capture.stdout.withLock { $0 })")
        let json = try #require(capture.files.withLock { $0["out/h.json"] })
        let report = try #require(try JSONParser().parse(Array(json.utf8)).objectValue)
        // Every output says whether the run was strict, so a red strict run is not read as a broken credential.
        let strict = exit != .ok
        #expect(report["endpoints"]?.arrayValue?.first?["strict"] == (strict ? .bool(true) : nil))
        #expect(capture.stdout.withLock { $0 }.contains("(strict: hygiene fails)") == strict)
        #expect((capture.files.withLock { $0["out/h.md"] } ?? "").contains("(strict: hygiene fails)") == strict)
        #expect((capture.files.withLock { $0["out/h.xml"] } ?? "").contains("<property name=\"strict\" value=\"true\"/>") == strict)
        let checks = report["endpoints"]?.arrayValue?.first?["checks"]?.arrayValue ?? []
        let tok06 = try #require(checks.first { $0["id"]?.stringValue == "TOK-06" })
        #expect(tok06["status"]?.stringValue == (exit == .ok ? "warn" : "fail"))
        let others = checks.filter { $0["id"]?.stringValue != "TOK-06" && ["fail", "warn"].contains($0["status"]?.stringValue ?? "") }
        #expect(others.isEmpty, "\(others.map { $0["id"]?.stringValue ?? "" })")
    }

    @Test func strictIsInTheHelp() {
        #expect(ConformCommand.helpMessage().contains("--strict"))
    }

    @Test func embeddedDefaultIsTheShippedMockSuite() throws {
        let shipped = try String(contentsOfFile: Harness.suite("mock.yaml"), encoding: .utf8)
        #expect(ConformRunner.defaultSuiteYAML == shipped, "Sources/JWTCommands/DefaultSuite.swift must be conformance/mock.yaml verbatim")
    }

    /// Every endpoint of the fault suite fails exactly as its `expected_failures` say: the run passes (exit 0), so a
    /// negative suite can gate CI.
    @Test func faultSuiteMeetingItsExpectationsExitsZero() async throws {
        let (code, capture) = try await Harness.run(["--mock", Harness.suite("mock-faults.yaml")])
        let out = capture.stdout.withLock { $0 }
        #expect(code == .ok, "\(out)")
        #expect(out.contains("mock-faults: PASSED"))
        #expect(out.contains("as expected)"))
        #expect(out.contains("expectations: 26 of 26 endpoints failed and warned exactly as expected"))
    }

    /// An expectation that does not hold fails the run and the console names the difference.
    @Test func unmetExpectationFailsTheRun() async throws {
        let suite = """
        name: unmet
        endpoints:
          - name: basic
            style: client-secret-basic
            token_url: ${MOCK_URL}/oauth2/token
            client_id: demo-basic
            client_secret: {env: MOCK_SECRET_DEMO_BASIC}
            expected_failures: [TOK-01]
        """
        let path = try Harness.temporarySuite(suite)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (code, capture) = try await Harness.run(["--mock", path])
        let out = capture.stdout.withLock { $0 }
        #expect(code == .failed, "\(out)")
        #expect(out.contains("expected to fail but did not: TOK-01"))
        #expect(out.contains("XPT-01"))
    }

    /// Secrets and tokens never appear in stdout, stderr or any report (JUnit, Markdown, JSON, step summary).
    @Test func noSecretOrTokenLeaksFromAFullMockedRun() async throws {
        for suite in ["mock.yaml", "mock-faults.yaml"] {
            let (_, capture) = try await Harness.run(["--mock", Harness.suite(suite), "--json", "out/run.json", "--junit", "out/run.xml", "--markdown", "out/run.md"],
                                                     variables: ["GITHUB_STEP_SUMMARY": "summary.md"])
            let tokens = capture.tokens.withLock { $0 }
            #expect(tokens.count >= 10, "the run issued tokens")
            var needles = MockConfiguration.demo.clients.map(\.secret)
            for token in tokens {
                needles.append(token)
                if let signature = token.split(separator: ".", omittingEmptySubsequences: false).last, signature.count >= 16 {
                    needles.append(String(signature))
                }
            }
            let outputs = capture.outputs
            #expect(outputs.count == 6, "\(outputs.map(\.0))")
            for (name, text) in outputs {
                if name != "stderr" { #expect(!text.isEmpty, "\(name) is empty") }
                for needle in needles {
                    #expect(!text.contains(needle), "\(suite): \(name) contains a secret or token")
                }
            }
        }
    }

    @Test func githubActionsMasksEveryIssuedTokenBeforeItsEndpointLine() async throws {
        let (_, capture) = try await Harness.run(["--mock", Harness.suite("mock.yaml")], variables: ["GITHUB_ACTIONS": "true"])
        let lines = capture.stdout.withLock { $0 }.split(separator: "\n").map(String.init)
        let tokens = capture.tokens.withLock { $0 }
        #expect(lines.first?.hasPrefix("::add-mask::") == true)
        for token in tokens { #expect(lines.contains("::add-mask::\(token)")) }
        let (_, plain) = try await Harness.run(["--mock", Harness.suite("mock.yaml")])
        #expect(!plain.stdout.withLock { $0 }.contains("::add-mask::"))
    }

    static let badSuites: [(String, String, String)] = [
        ("unknown key", "endpoints:\n  - {name: a, style: client-secret-post, token_url: \"https://a.test/t\", client_id: c, client_secret: {env: HOME}, colour: red}\n",
         "endpoints[0].colour: unknown key 'colour'"),
        ("missing env var", "endpoints:\n  - {name: a, style: client-secret-post, token_url: \"https://a.test/t\", client_id: c, client_secret: {env: JWT_CONFORM_UNSET_VARIABLE}}\n",
         "environment variable JWT_CONFORM_UNSET_VARIABLE is not set"),
        ("literal secret", "endpoints:\n  - {name: a, style: client-secret-post, token_url: \"https://a.test/t\", client_id: c, client_secret: hunter2}\n",
         "endpoints[0].client_secret: a secret must not be written in a suite file"),
        ("bad URL", "endpoints:\n  - {name: a, style: client-secret-post, token_url: \"not-a-url\", client_id: c, client_secret: {env: HOME}}\n",
         "endpoints[0].token_url: 'not-a-url' is not an absolute http:// or https:// URL"),
    ]

    @Test(arguments: badSuites)
    func badSuiteExits65WithAClearMessage(_ name: String, _ text: String, _ message: String) async throws {
        let path = try Harness.temporarySuite(text)
        let (code, capture) = try await Harness.run([path], variables: ["HOME": "/root"])
        #expect(code == .malformed, "\(name)")
        let stderr = capture.stderr.withLock { $0 }
        #expect(stderr.contains(message), "\(name): \(stderr)")
        #expect(stderr.hasPrefix("jwt conform: error: "))
        #expect(!stderr.contains("hunter2"))
        #expect(capture.files.withLock { $0 }.isEmpty)
    }

    @Test func missingSuiteFileExits66() async throws {
        let (code, _) = try await Harness.run(["/nonexistent/suite.yaml"])
        #expect(code == .noInput)
    }

    @Test func nothingReachableExits69() async throws {
        let path = try Harness.temporarySuite("""
            defaults: {request_timeout: 2, timeout: 3}
            endpoints:
              - {name: closed-port, style: client-secret-basic, token_url: "http://127.0.0.1:9/oauth2/token", client_id: c, client_secret: {env: HOME}}
            """)
        let (code, capture) = try await Harness.run([path], variables: ["HOME": "/root"])
        #expect(code == .unavailable)
        #expect(capture.stdout.withLock { $0 }.contains("unreachable"))
        #expect(capture.files.withLock { $0 }.count == 2, "reports are still written")
    }
}

@Suite struct ReportFilesTests {
    @Test func writesCreatingFoldersAndAppends() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try ReportFiles.live.write(base + "/a/b/report.md", "one\n")
        try ReportFiles.live.write(base + "/a/b/report.md", "two\n")
        try ReportFiles.live.append(base + "/a/summary.md", "x\n")
        try ReportFiles.live.append(base + "/a/summary.md", "y\n")
        #expect(try String(contentsOfFile: base + "/a/b/report.md", encoding: .utf8) == "two\n")
        #expect(try String(contentsOfFile: base + "/a/summary.md", encoding: .utf8) == "x\ny\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/a/b") == ["report.md"], "no temporary file left")
        #expect(throws: JWTCommandsError.self) { try ReportFiles.live.write("/proc/no-such-dir/x.md", "z") }
    }
}
