import Foundation
import Testing
import JOSECore
import OAuth2Client
import JWTTestSupport
@testable import JWTCommands

@Suite struct KeySourceTests {
    static func signed(_ key: JWSKey, kid: String, claims: String = #"{"iss":"ISS","exp":1800000000}"#) throws -> String {
        try JWSSigner.sign(header: ["alg": "ES256", "kid": .string(kid)], payload: Array(claims.utf8), key: key)
    }

    static func jwks(_ keys: [JWSKey]) -> String {
        JSONValue.object(["keys": .array(keys.map { .object($0.publicJWK) })]).compact
    }

    @Test func discoveryTriesRFC8414ThenOpenID() async throws {
        let key = try JWSKey.generate(for: .ES256, kid: "d1")
        let issuer = "https://as.example/t"
        let transport = RecordingTransport([
            "https://as.example/t/.well-known/openid-configuration": HTTPTransportResponse(status: 200, body: Array(#"{"issuer":"https://as.example/t","jwks_uri":"https://as.example/keys"}"#.utf8)),
            "https://as.example/keys": HTTPTransportResponse(status: 200, body: Array(Self.jwks([key]).utf8)),
            "https://as.example/.well-known/oauth-authorization-server/t": HTTPTransportResponse(status: 404),
        ])
        let token = try Self.signed(key, kid: "d1", claims: #"{"iss":"https://as.example/t","exp":1800000000}"#)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--issuer", issuer], transport: transport) == .ok, "\(harness.out)\(harness.err)")
        #expect(transport.requests == ["https://as.example/.well-known/oauth-authorization-server/t",
                                     "https://as.example/t/.well-known/openid-configuration", "https://as.example/keys"])
        #expect(harness.out.contains("✓ ISS-01"))   // --issuer also sets the expected iss
    }

    /// Metadata that is metadata but wrong ends discovery (65, one request); a first candidate that is not metadata
    /// at all lets the second be tried, and a server that answered with something unusable is 65, not 69.
    @Test(arguments: [
        (#"{"issuer":"https://as.example/","jwks_uri":"https://as.example/keys"}"#, "exact match", 1),
        (#"{"issuer":"https://as.example"}"#, "no \"jwks_uri\"", 1),
        (#"{"issuer":"https://as.example","jwks_uri":"http://evil.example/keys"}"#, "plain http", 1),
        (#"not json"#, "no metadata for issuer https://as.example", 2),
    ])
    func discoveryRefusesBadMetadata(body: String, message: String, requests: Int) async throws {
        let transport = RecordingTransport.ok(["https://as.example/.well-known/oauth-authorization-server": body])
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--issuer", "https://as.example"], transport: transport) == .malformed)
        #expect(harness.err.contains(message), "\(harness.err)")
        #expect(transport.requests.count == requests)
    }

    /// No answer, an error status, a refused redirect: 69 (CLI-011), the message naming the URL.
    @Test func unreachableSourcesAre69() async throws {
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--issuer", "https://as.example"], transport: RecordingTransport()) == .unavailable)
        #expect(harness.err.contains("no metadata for issuer https://as.example"), "\(harness.err)")
        #expect(try await harness.verify(["a.b.c", "--jwks", "https://as.example/jwks"], transport: RecordingTransport()) == .unavailable)
        let notFound = RecordingTransport(["https://as.example/jwks": HTTPTransportResponse(status: 500)])
        #expect(try await harness.verify(["a.b.c", "--jwks", "https://as.example/jwks"], transport: notFound) == .unavailable)
        harness.reset()
        let moved = RecordingTransport(["https://as.example/jwks": HTTPTransportResponse(status: 307, headers: [HTTPHeaderField("Location", "https://as.example/other")])])
        #expect(try await harness.verify(["a.b.c", "--jwks", "https://as.example/jwks", "--json"], transport: moved) == .unavailable)
        let error = try JSONParser().parse(harness.out)["error"]
        #expect(error?["code"]?.stringValue == "CLI-011")
        #expect(error?["message"]?.stringValue?.hasPrefix("https://as.example/jwks: redirect to https://as.example/other refused") == true, "\(harness.out)")
        #expect(moved.requests == ["https://as.example/jwks"])
    }

    /// JWKS by URL and issuer discovery against a real local HTTP server, through the shared AsyncHTTPClient.
    @Test func jwksURLAndDiscoveryOverHTTP() async throws {
        let key = try JWSKey.generate(for: .ES256, kid: "live")
        let server = try ScriptedHTTPServer(routes: [
            "/jwks": .init(body: Self.jwks([try JWSKey.generate(for: .ES256, kid: "other"), key])),
            "/.well-known/openid-configuration": .init(body: #"{"issuer":"{BASE}","jwks_uri":"{BASE}/jwks"}"#),
            "/moved": .init(status: 302, location: "http://localhost:1/jwks"),
            "/same-origin": .init(status: 301, location: "/jwks"),
            "/big": .init(body: String(repeating: " ", count: (1 << 20) + 10) + "{}"),
        ])
        defer { server.stop() }
                let token = try Self.signed(key, kid: "live", claims: #"{"iss":"\#(server.base)","exp":1800000000}"#)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--jwks", server.base + "/jwks"]) == .ok, "\(harness.err)")
        #expect(try await harness.verify([token, "--issuer", server.base]) == .ok, "\(harness.err)")
        #expect(server.requests == ["/jwks", "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/jwks"])
        harness.reset()
        #expect(try await harness.verify([token, "--jwks", server.base + "/moved"]) == .unavailable)
        #expect(harness.err.contains("redirect to http://localhost:1/jwks refused"))
        harness.reset()
        #expect(try await harness.verify([token, "--jwks", server.base + "/same-origin"]) == .unavailable)
        #expect(harness.err.contains("no redirect is followed"))
        harness.reset()
        // A body over the 1 MiB limit is content that cannot be used: 65 (CLI-010), not 69.
        #expect(try await harness.verify([token, "--jwks", server.base + "/big"]) == .malformed)
        #expect(harness.err.contains("1048576"), "\(harness.err)")
    }

    /// Issue 9 item 9: a JWKS URL that redirects to another port on the same host (another origin: RFC 6454 §4) is
    /// not followed — no redirect is — and the second server never sees a request.
    @Test func aRedirectToAnotherPortIsNotFollowed() async throws {
        let key = try JWSKey.generate(for: .ES256, kid: "k")
        let other = try ScriptedHTTPServer(routes: ["/jwks": .init(body: Self.jwks([key]))])
        defer { other.stop() }
        let first = try ScriptedHTTPServer(routes: ["/jwks": .init(status: 302, location: other.base + "/jwks"),
                                                 "/.well-known/openid-configuration": .init(body: #"{"issuer":"{BASE}","jwks_uri":"{BASE}/jwks"}"#)])
        defer { first.stop() }
        let token = try Self.signed(key, kid: "k", claims: #"{"iss":"\#(first.base)","exp":1800000000}"#)
                let harness = CommandHarness()
        #expect(try await harness.verify([token, "--jwks", first.base + "/jwks"]) == .unavailable)
        #expect(harness.err.contains("redirect to \(other.base)/jwks refused"), "\(harness.err)")
        harness.reset()
        #expect(try await harness.verify([token, "--issuer", first.base]) == .unavailable)
        #expect(other.requests.isEmpty, "the other port was asked: \(other.requests)")
        #expect(first.requests.filter { $0 == "/jwks" }.count == 2)
    }

    /// Port 1 on loopback refuses connections: the live transport reports the source unreachable (69).
    @Test func closedPortIs69() async throws {
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--jwks", "http://127.0.0.1:1/jwks"]) == .unavailable)
        #expect(harness.err.hasPrefix("jwt verify: error: http://127.0.0.1:1/jwks: "))
    }
}
