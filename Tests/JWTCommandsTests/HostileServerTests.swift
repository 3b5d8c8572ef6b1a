import Foundation
import JOSECore
import JWTTestSupport
@testable import JWTCommands
import OAuth2Client
import OAuth2Conformance
import Synchronization
import Testing

/// A token server that answers from a table by path suffix and records every URL asked for; nothing leaves the
/// process, so a refusal "before any connection" is proven by the URL never reaching it.
final class ScriptedServer: HTTPTransport, Sendable {
    struct Reply: Sendable {
        var status = 200
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
        var body: String
    }

    let replies: [(suffix: String, reply: Reply)]
    let asked = Mutex([String]())

    init(_ replies: [(String, Reply)]) { self.replies = replies.map { (suffix: $0.0, reply: $0.1) } }

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        asked.withLock { $0.append(request.url) }
        let path = request.url.split(separator: "?").first.map(String.init) ?? request.url
        guard let reply = replies.first(where: { path.hasSuffix($0.suffix) })?.reply else {
            throw OAuth2ClientError(.network, "connection refused")
        }
        return HTTPTransportResponse(status: reply.status, headers: reply.headers.map { HTTPHeaderField($0.0, $0.1) }, body: Array(reply.body.utf8), latency: 0.001)
    }
}

extension Harness {
    static func run(_ arguments: [String], server: ScriptedServer, variables: [String: String] = [:]) async throws -> (JWTExit, Capture) {
        let capture = Capture()
        var runner = ConformRunner(options: try ConformCommand.parse(arguments))
        runner.files = capture.reportFiles
        runner.makeTransport = { server }
        let code = await runner.run(environment: capture.environment(variables))
        return (code, capture)
    }
}

/// Issue 9 items 2, 4 and 5 (`jwt conform`): hostile server text never drives CI or breaks a report; credentials never
/// go to a plain-http host that is not loopback unless the suite opts in; a missing key source fails closed.
@Suite(.serialized) struct HostileServerTests {
    static let hostile = "x\n::warning file=a::INJECTED\r\n::error::TWO | cell ` code \\| <b>&</b> [l](http://e.test) \u{1B}[31m\u{7}\u{9B}\u{202E}\u{0}\u{FFFE} end"

    /// An ES256-shaped JWT (signature not checked: `keys: none`) whose header and claims carry the hostile text.
    static var hostileJWT: String {
        let header: JSONValue = ["alg": "ES256", "typ": .string("at+jwt" + hostile), "kid": .string(hostile)]
        let claims: JSONValue = ["iss": .string(hostile), "aud": .string(hostile), "sub": .string(hostile), "client_id": "c",
                                 "scope": .string("read " + hostile), "iat": 1, "exp": 2, "jti": "j"]
        return Base64URL.encode(Array(header.compact.utf8)) + "." + Base64URL.encode(Array(claims.compact.utf8)) + "." + Base64URL.encode([UInt8](repeating: 7, count: 64))
    }

    static var server: ScriptedServer {
        ScriptedServer([
            ("/opaque/token", .init(headers: [("Content-Type", "application/json"), ("Cache-Control", "private" + hostile)],
                                    body: JSONValue.object(["access_token": .string("opaque" + hostile), "token_type": .string("Bearer" + hostile), "expires_in": 3600, "scope": .string(hostile)]).compact)),
            ("/error/token", .init(status: 400, body: JSONValue.object(["error": .string("invalid_client" + hostile), "error_description": .string(hostile)]).compact)),
            ("/jwt/token", .init(body: JSONValue.object(["access_token": .string(hostileJWT), "token_type": "Bearer", "expires_in": 3600]).compact)),
            ("/api", .init(status: 401, headers: [("WWW-Authenticate", "Bearer error=\"" + hostile + "\"")], body: hostile)),
        ])
    }

    static let suite = """
        name: hostile
        endpoints:
          - {name: "opaque", style: client-secret-post, token_url: "https://as.test/opaque/token", client_id: c, client_secret: {env: HOME}, expect: {keys: none}}
          - {name: "error", style: client-secret-post, token_url: "https://as.test/error/token", client_id: c, client_secret: {env: HOME}}
          - name: "jwt"
            style: client-secret-basic
            token_url: "https://as.test/jwt/token"
            client_id: c
            client_secret: {env: HOME}
            expect: {issuer: "urn:as", audience: api, client_id: c, keys: none, scopes: {required: [read], allowed: [read]}}
            api: [{url: "https://as.test/api", status: 200, without_token: true}]

        """

    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && ExternalText.needsEscaping($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    /// GitHub-flavoured Markdown's cell split: a backslash escapes the next character (so `\\|` is an escaped
    /// backslash followed by a delimiter), any other `|` is a delimiter.
    static func cellCount(_ row: Substring) -> Int {
        var count = 0, escaped = false
        for c in row {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count - 1
    }

    @Test func hostileTokenResponsesDriveNoWorkflowCommandAndBreakNoReport() async throws {
        let path = try Harness.temporarySuite(Self.suite)
        let server = Self.server
        let (code, capture) = try await Harness.run([path, "--json", "out/hostile.json"], server: server,
                                                    variables: ["HOME": "/root", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "summary.md"])
        #expect(code == .failed)
        let stdout = capture.stdout.withLock { $0 }
        let files = capture.files.withLock { $0 }
        #expect(Set(files.keys) == ["reports/hostile.junit.xml", "reports/hostile.md", "out/hostile.json", "summary.md"])

        // Workflow commands: only the kit's own ::add-mask::, and only for a one-line printable-ASCII token.
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("::") {
            #expect(line.hasPrefix("::add-mask::"), "a workflow command the kit did not write: \(line)")
            #expect(ExternalText.isPrintableASCII(String(line)))
        }
        #expect(stdout.split(separator: "\n").contains("::add-mask::\(Self.hostileJWT)"))
        #expect(!stdout.contains("::add-mask::opaque"))
        #expect(!stdout.contains("INJECTED\n") && !stdout.split(separator: "\n").contains { $0.contains("::error::") && !$0.hasPrefix("[") })

        // The opaque token with a line break fails TOK-03.
        let json = try #require(files["out/hostile.json"])
        let report = try JSONParser().parse(Array(json.utf8))
        let endpoints = try #require(report["endpoints"]?.arrayValue)
        let opaque = try #require(endpoints.first { $0["name"]?.stringValue == "opaque" })
        let tok03 = opaque["checks"]?.arrayValue?.first { $0["id"]?.stringValue == "TOK-03" }
        #expect(tok03?["status"]?.stringValue == "fail")

        // No raw control character anywhere, in any output.
        for (name, text) in capture.outputs {
            #expect(Self.rawControls(text).isEmpty, "\(name): \(Self.rawControls(text))")
            // U+FFFE is legal JSON, but not XML 1.0 (§2.2 Char); shown escaped in the Markdown too.
            if !name.hasSuffix(".json") { #expect(!text.unicodeScalars.contains("\u{FFFE}"), "\(name) has U+FFFE") }
        }

        // JUnit validates.
        let xml = try #require(files["reports/hostile.junit.xml"])
        let lint = try BinaryRunner.tool("xmllint", ["--noout", "-"], stdin: Array(xml.utf8))
        #expect(lint.status == 0, "\(lint.err)")
        #expect(xml.contains("INJECTED"), "the hostile text is shown, escaped, not dropped")

        // Markdown (the report and the step summary): every table row has its header's number of cells.
        for name in ["reports/hostile.md", "summary.md"] {
            let md = try #require(files[name])
            var header: Int?
            for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("|") else { header = nil; continue }
                let cells = Self.cellCount(line)
                if let header { #expect(cells == header, "\(name): \(line)") } else { header = cells }
            }
            #expect(!md.split(separator: "\n").contains { $0.hasPrefix("::") })
            #expect(md.contains("\\u001b[31m"), "controls are shown, not dropped")
            #expect(md.contains("&lt;b&gt;"), "HTML outside code spans is escaped")
        }
    }

    @Test func aConsoleMaskIsWrittenOnlyForOnePrintableASCIILine() {
        #expect(ConformConsole.maskCommand("abc.DEF-123_~+/=") == "::add-mask::abc.DEF-123_~+/=\n")
        #expect(ConformConsole.maskCommand("opaque\n::warning::x") == nil)
        #expect(ConformConsole.maskCommand("tab\there") == nil)
        #expect(ConformConsole.maskCommand("é") == nil)
        #expect(ConformConsole.maskCommand("") == nil)
    }

    @Test func consoleLinesEscapeSuiteAndServerText() {
        let result = EndpointResult(name: "a\u{1B}[2J\n::error::x", style: "s\u{7}", url: "https://x", checks: [], startedAt: 0, duration: 0.01)
        let line = ConformConsole.line(result, index: 1, total: 1)
        #expect(line == "[1/1] ✓ a\\u001b[2J\\u000a::error::x (s\\u0007): 0 passed, 0 failed, 0 warnings, 0 skipped, 10 ms\n")
        #expect(Self.rawControls(String(line.dropLast())).isEmpty)
    }

    // MARK: item 4

    @Test(arguments: ["http://example.test/oauth/token", "http://127.0.0.2/oauth/token", "http://a.localhost/oauth/token"])
    func plainHTTPToAHostThatIsNotLoopbackIsRefusedBeforeAnyConnection(_ url: String) async throws {
        let path = try Harness.temporarySuite("endpoints:\n  - {name: a, style: client-secret-basic, token_url: \"\(url)\", client_id: c, client_secret: {env: HOME}}\n")
        let server = Self.server
        let (code, capture) = try await Harness.run([path], server: server, variables: ["HOME": "/root"])
        #expect(code == .malformed)
        let stderr = capture.stderr.withLock { $0 }
        #expect(stderr.contains("endpoints[0].token_url: '\(url)' is plain http to a host that is not loopback"), "\(stderr)")
        #expect(stderr.contains("insecure_http: true"))
        #expect(server.asked.withLock { $0 }.isEmpty)
    }

    @Test func insecureHTTPOptInRunsAndFailsSEC01() async throws {
        let path = try Harness.temporarySuite("""
            endpoints:
              - {name: a, style: client-secret-post, token_url: "http://example.test/opaque/token", client_id: c, client_secret: {env: HOME}, insecure_http: true, expect: {keys: none}}
              - {name: b, style: client-secret-post, token_url: "http://localhost:9/opaque/token", client_id: c, client_secret: {env: HOME}, insecure_http: true, expect: {keys: none}}
              - {name: c, style: client-secret-post, token_url: "http://[::1]:9/opaque/token", client_id: c, client_secret: {env: HOME}, expect: {keys: none}}
            """)
        let server = Self.server
        let (_, capture) = try await Harness.run([path, "--json", "out.json"], server: server, variables: ["HOME": "/root"])
        let report = try JSONParser().parse(Array(try #require(capture.files.withLock { $0["out.json"] }).utf8))
        let endpoints = try #require(report["endpoints"]?.arrayValue)
        func sec01(_ i: Int) -> JSONValue? { endpoints[i]["checks"]?.arrayValue?.first { $0["id"]?.stringValue == "SEC-01" } }
        #expect(sec01(0)?["status"]?.stringValue == "fail")
        #expect(sec01(0)?["actual"]?.stringValue?.contains("sent in clear (insecure_http: true) to http://example.test/opaque/token") == true)
        #expect(sec01(0)?["reference"]?.stringValue == "RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3")
        #expect(sec01(1)?["status"]?.stringValue == "pass", "loopback: nothing went in clear")
        #expect(sec01(2) == nil, "SEC-01 runs only for an endpoint that opts in")
        #expect(server.asked.withLock { $0 }.contains("http://example.test/opaque/token"))
    }

    /// A URL learnt on the way (a discovered `jwks_uri`) is refused before connecting as well.
    @Test func aDiscoveredPlainHTTPKeyURLIsRefusedBeforeConnecting() async throws {
        let server = ScriptedServer([
            ("/jwt/token", .init(body: JSONValue.object(["access_token": .string(Self.hostileJWT), "token_type": "Bearer", "expires_in": 3600]).compact)),
            ("/.well-known/oauth-authorization-server", .init(body: #"{"issuer":"https://as.test","jwks_uri":"http://keys.example.test/jwks"}"#)),
        ])
        let path = try Harness.temporarySuite("endpoints:\n  - {name: a, style: client-secret-basic, token_url: \"https://as.test/jwt/token\", client_id: c, client_secret: {env: HOME}, expect: {issuer: \"https://as.test\"}}\n")
        let (code, capture) = try await Harness.run([path, "--json", "out.json"], server: server, variables: ["HOME": "/root"])
        #expect(code == .failed)
        #expect(!server.asked.withLock { $0 }.contains { $0.contains("keys.example.test") })
        let json = try #require(capture.files.withLock { $0["out.json"] })
        #expect(json.contains("'http://keys.example.test/jwks' uses plain http to a host that is not loopback: refused before connecting"))
    }

    // MARK: item 5

    @Test func noKeySourceFailsJWT04AndKeysNoneSkipsItVisibly() async throws {
        let path = try Harness.temporarySuite("""
            name: keys
            endpoints:
              - {name: unkeyed, style: client-secret-basic, token_url: "https://as.test/jwt/token", client_id: c, client_secret: {env: HOME}}
              - {name: declared, style: client-secret-basic, token_url: "https://as.test/jwt/token", client_id: c, client_secret: {env: HOME}, expect: {keys: none}}
            """)
        let (_, capture) = try await Harness.run([path, "--json", "out.json"], server: Self.server, variables: ["HOME": "/root"])
        let files = capture.files.withLock { $0 }
        let report = try JSONParser().parse(Array(try #require(files["out.json"]).utf8))
        let endpoints = try #require(report["endpoints"]?.arrayValue)
        func jwt04(_ i: Int) -> JSONValue? { endpoints[i]["checks"]?.arrayValue?.first { $0["id"]?.stringValue == "JWT-04" } }
        #expect(jwt04(0)?["status"]?.stringValue == "fail")
        #expect(jwt04(0)?["actual"]?.stringValue == "no key source configured or discovered: the signature was not verified")
        #expect(jwt04(1)?["status"]?.stringValue == "skip")
        let reason = "not run: expect.keys is none, the suite declares this token unchecked (signature not verified)"
        #expect(jwt04(1)?["message"]?.stringValue == reason)
        #expect(try #require(files["reports/keys.junit.xml"]).contains("<skipped message=\"\(reason)\"/>"))
        #expect(try #require(files["reports/keys.md"]).contains("| **JWT-04** signature verifies with the expected key source | ⏭️ skip | none (expect.keys: none, token unchecked) | \(reason) |"))
    }
}
