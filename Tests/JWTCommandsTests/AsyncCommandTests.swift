import Foundation
import JOSECore
import JWTTestSupport
@testable import JWTCommands
import OAuth2Client
import Testing

/// Issue 10 item 3: `verify`, `conform` and `mock` are async commands over one lazily started HTTP client that is shut
/// down on every path. Through the built (debug) binary a client left running would end the process in
/// AsyncHTTPClient's "Client not shut down before the deinit" precondition, so every case checks the exit code, that
/// stderr holds no such trap, and that the process ends within a deadline (no hang).
@Suite(.serialized) struct AsyncCommandTests {
    // MARK: in process: the client starts only when a key source is a URL, once, and is shut down

    @Test func theHTTPClientStartsOnlyForURLKeySourcesAndIsShutDown() async throws {
        // The in-process mock serves the metadata and the JWKS; the token is signed with the mock's own key.
        try await MockHarness.withMock { server, service in
            let jwks = JSONValue.object(service.signer.jwks).compact
            let dir = try TempDir()
            let jwkFile = try dir.write("key.jwk.json", jwks)
            let token = try KeySourceTests.signed(service.signer.key, kid: service.configuration.keyID, claims: #"{"iss":"\#(server.baseURL)","exp":1800000000}"#)
            let harness = CommandHarness()

            #expect(try await harness.verify([token, "--jwks", jwkFile]) == .ok, "\(harness.err)")
            var http = try #require(harness.lastHTTP)
            #expect(http.clientsStarted == 0, "a key file needs no HTTP client")

            // Discovery: the metadata and the JWKS, over the one client.
            #expect(try await harness.verify([token, "--issuer", server.baseURL]) == .ok, "\(harness.err)")
            http = try #require(harness.lastHTTP)
            #expect(http.clientsStarted == 1)
            #expect(http.isShutDown && !http.isRunning)

            // An error path: the source cannot be reached (69), and the client is still shut down.
            #expect(try await harness.verify([token, "--jwks", "http://127.0.0.1:1/jwks"]) == .unavailable)
            http = try #require(harness.lastHTTP)
            #expect(http.clientsStarted == 1)
            #expect(http.isShutDown && !http.isRunning)
        }
    }

    @Test func aSharedClientIsNotRestartedAfterShutdown() async throws {
        let http = SharedHTTPClient()
        let transport = AsyncHTTPTransport(shared: http)
        await transport.shutdown()   // a transport over a shared client does not stop it
        #expect(!http.isShutDown)
        await http.shutdown()
        await #expect(throws: OAuth2ClientError(.network, "")) {
            _ = try await transport.send(HTTPTransportRequest(method: "GET", url: "http://127.0.0.1:1/"))
        }
        #expect(http.clientsStarted == 0)
    }

    // MARK: through the binary: exit codes of the async commands, no trap, no hang

    /// Runs the binary with stdout and stderr in files (no pipe can fill up), killing it after `deadline` seconds.
    static func run(_ arguments: [String], deadline: Double = 30, signal: (Int32, after: (String) -> Bool)? = nil) throws -> (status: Int32, out: String, err: String, finished: Bool) {
        let dir = try TempDir()
        let child = try BinaryRunner.startJWT(arguments, environment: BinaryRunner.plainEnvironment(), directory: dir.path)
        if let signal, child.waitForOutput(timeout: deadline, signal.after) { child.signal(signal.0) }
        let result = child.finish(timeout: deadline)
        return (result.status, result.out, result.err, !result.timedOut)
    }

    static func expectClean(_ result: (status: Int32, out: String, err: String, finished: Bool), _ expected: Int32, _ label: String) {
        #expect(result.finished, "\(label): still running at the deadline")
        #expect(result.status == expected, "\(label): \(result.err)")
        for trap in ["not shut down", "Fatal error", "Precondition failed"] {
            #expect(!result.err.contains(trap), "\(label): \(result.err)")
        }
    }

    @Test func verifyExitCodesThroughTheBinary() throws {
        let key = try JWSKey.generate(for: .ES256, kid: "k")
        let server = try ScriptedHTTPServer(routes: [
            "/jwks": .init(body: KeySourceTests.jwks([key])),
            "/moved": .init(status: 302, location: "{BASE}/jwks"),
            "/.well-known/openid-configuration": .init(body: #"{"issuer":"https://other.test","jwks_uri":"{BASE}/jwks"}"#),
        ])
        defer { server.stop() }
        let token = try KeySourceTests.signed(key, kid: "k", claims: #"{"iss":"\#(server.base)","exp":1800000000}"#)
        let expired = try KeySourceTests.signed(key, kid: "k", claims: #"{"iss":"\#(server.base)","exp":1000000000}"#)
        let cases: [([String], Int32, String)] = [
            ([token, "--jwks", server.base + "/jwks"], 0, "JWKS over HTTP"),
            ([expired, "--jwks", server.base + "/jwks"], 1, "a check fails"),
            ([token], 64, "no key"),
            ([token, "--key", "/nonexistent/key.pem"], 66, "missing key file"),
            (["x.y", "--jwks", server.base + "/jwks"], 65, "malformed token, after the fetch"),
            ([token, "--issuer", server.base], 65, "metadata issuer mismatch (RFC 8414 §3.3)"),
            ([token, "--jwks", server.base + "/moved"], 69, "redirect refused"),
            ([token, "--jwks", "http://127.0.0.1:1/jwks"], 69, "connection refused"),
        ]
        for (arguments, expected, label) in cases {
            Self.expectClean(try Self.run(["verify"] + arguments), expected, label)
        }
    }

    @Test func conformExitCodesThroughTheBinary() throws {
        let dir = try TempDir()
        let unreachable = try dir.write("down.yaml", """
            endpoints:
              - name: down
                style: client-secret-post
                token_url: "http://127.0.0.1:1/oauth2/token"
                client_id: c
                client_secret: {env: PATH}
            """)
        let broken = try dir.write("broken.yaml", "endpoints: [")
        let reports = ["--junit", dir.path + "/r.xml", "--markdown", dir.path + "/r.md"]
        let cases: [([String], Int32, String)] = [
            (reports, 0, "the embedded suite against the in-process mock"),
            ([unreachable] + reports, 69, "nothing reachable"),
            ([broken] + reports, 65, "malformed suite"),
            (["/nonexistent/suite.yaml"] + reports, 66, "missing suite"),
            (["--concurrency", "0"], 64, "usage"),
        ]
        for (arguments, expected, label) in cases {
            Self.expectClean(try Self.run(["conform"] + arguments, deadline: 60), expected, label)
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func mockStopsCleanlyOnSignal(_ signal: Int32) throws {
        let result = try Self.run(["mock", "--port", "0"], deadline: 30, signal: (signal, after: { $0.contains("\n") }))
        Self.expectClean(result, 0, "mock stopped by signal \(signal)")
        #expect(result.out.hasPrefix("http://127.0.0.1:"))
    }

    @Test func mockUsageIs64() throws {
        Self.expectClean(try Self.run(["mock", "--port", "70000"]), 64, "port out of range")
    }
}
