import Foundation
import Testing
import JOSECore
import JWTTestSupport
@testable import JWTCommands

@Suite struct KeySourceTests {
    static func signed(_ key: JWSKey, kid: String, claims: String = #"{"iss":"ISS","exp":1800000000}"#) throws -> String {
        try JWSSigner.sign(header: ["alg": "ES256", "kid": .string(kid)], payload: Array(claims.utf8), key: key)
    }

    static func jwks(_ keys: [JWSKey]) -> String {
        JSONValue.object(["keys": .array(keys.map { .object($0.publicJWK) })]).compact
    }

    @Test(arguments: [
        ("https://as.example", ["https://as.example/.well-known/oauth-authorization-server", "https://as.example/.well-known/openid-configuration"]),
        ("https://as.example/", ["https://as.example/.well-known/oauth-authorization-server", "https://as.example/.well-known/openid-configuration"]),
        ("https://as.example/tenant/1", ["https://as.example/.well-known/oauth-authorization-server/tenant/1", "https://as.example/tenant/1/.well-known/openid-configuration"]),
        ("http://127.0.0.1:8080/t", ["http://127.0.0.1:8080/.well-known/oauth-authorization-server/t", "http://127.0.0.1:8080/t/.well-known/openid-configuration"]),
    ])
    func metadataURLs(issuer: String, urls: [String]) {
        #expect(IssuerDiscovery.metadataURLs(for: issuer) == urls)
    }

    @Test(arguments: [
        ("https://x.example/jwks", nil as String?),
        ("http://127.0.0.1:9/jwks", nil),
        ("http://localhost/jwks", nil),
        ("http://[::1]:80/jwks", nil),
        ("http://x.example/jwks", "plain http"),
        ("http://127.0.0.1.evil.com/jwks", "plain http"),
        ("http://LOCALHOST:8080/jwks", nil),
        // One loopback definition (EndpointURL.isLoopbackHost): not the rest of 127/8, not *.localhost.
        ("http://127.0.0.2/jwks", "plain http"),
        ("http://127.1/jwks", "plain http"),
        ("http://a.localhost/jwks", "plain http"),
        ("ftp://x/jwks", "not an absolute http(s) URL"),
        ("https://user@x.example/jwks", "not an absolute http(s) URL"),
    ])
    func urlPolicy(url: String, refusal: String?) {
        let found = KeyURLPolicy.refusal(url)
        if let refusal { #expect(found?.contains(refusal) == true) } else { #expect(found == nil) }
    }

    @Test func discoveryTriesRFC8414ThenOpenID() async throws {
        let key = try JWSKey.generate(for: .ES256, kid: "d1")
        let issuer = "https://as.example/t"
        let fetcher = RecordingFetcher([
            "https://as.example/t/.well-known/openid-configuration": KeyFetchResponse(status: 200, body: Array(#"{"issuer":"https://as.example/t","jwks_uri":"https://as.example/keys"}"#.utf8)),
            "https://as.example/keys": KeyFetchResponse(status: 200, body: Array(Self.jwks([key]).utf8)),
            "https://as.example/.well-known/oauth-authorization-server/t": KeyFetchResponse(status: 404, body: []),
        ])
        let token = try Self.signed(key, kid: "d1", claims: #"{"iss":"https://as.example/t","exp":1800000000}"#)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--issuer", issuer], fetcher: fetcher) == .ok, "\(harness.out)\(harness.err)")
        #expect(fetcher.requests == ["https://as.example/.well-known/oauth-authorization-server/t",
                                     "https://as.example/t/.well-known/openid-configuration", "https://as.example/keys"])
        #expect(harness.out.contains("✓ ISS-01"))   // --issuer also sets the expected iss
    }

    @Test(arguments: [
        (#"{"issuer":"https://as.example/","jwks_uri":"https://as.example/keys"}"#, JWTExit.malformed, "exact match"),
        (#"{"issuer":"https://as.example"}"#, .malformed, "no \"jwks_uri\""),
        (#"{"issuer":"https://as.example","jwks_uri":"http://evil.example/keys"}"#, .malformed, "plain http"),
        (#"not json"#, .malformed, "metadata"),
    ])
    func discoveryRefusesBadMetadata(body: String, exit: JWTExit, message: String) async throws {
        let fetcher = RecordingFetcher(["https://as.example/.well-known/oauth-authorization-server": KeyFetchResponse(status: 200, body: Array(body.utf8))])
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--issuer", "https://as.example"], fetcher: fetcher) == exit)
        #expect(harness.err.contains(message), "\(harness.err)")
        #expect(fetcher.requests.count == 1)
    }

    @Test func unreachableSourcesAre69() async throws {
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--issuer", "https://as.example"], fetcher: RecordingFetcher()) == .unavailable)
        #expect(try await harness.verify(["a.b.c", "--jwks", "https://as.example/jwks"], fetcher: RecordingFetcher()) == .unavailable)
        let notFound = RecordingFetcher(["https://as.example/jwks": KeyFetchResponse(status: 500, body: [])])
        #expect(try await harness.verify(["a.b.c", "--jwks", "https://as.example/jwks"], fetcher: notFound) == .unavailable)
    }

    /// JWKS by URL and issuer discovery against a real local HTTP server, through URLSession.
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
        let fetcher: (any KeyFetcher)? = nil
        let token = try Self.signed(key, kid: "live", claims: #"{"iss":"\#(server.base)","exp":1800000000}"#)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--jwks", server.base + "/jwks"], fetcher: fetcher) == .ok, "\(harness.err)")
        #expect(try await harness.verify([token, "--issuer", server.base], fetcher: fetcher) == .ok, "\(harness.err)")
        #expect(server.requests == ["/jwks", "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/jwks"])
        harness.reset()
        #expect(try await harness.verify([token, "--jwks", server.base + "/moved"], fetcher: fetcher) == .unavailable)
        #expect(harness.err.contains("redirect to http://localhost:1/jwks refused"))
        harness.reset()
        #expect(try await harness.verify([token, "--jwks", server.base + "/same-origin"], fetcher: fetcher) == .unavailable)
        #expect(harness.err.contains("no redirect is followed"))
        harness.reset()
        #expect(try await harness.verify([token, "--jwks", server.base + "/big"], fetcher: fetcher) == .unavailable)
        #expect(harness.err.contains("larger than"))
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
        let fetcher: (any KeyFetcher)? = nil
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--jwks", first.base + "/jwks"], fetcher: fetcher) == .unavailable)
        #expect(harness.err.contains("redirect to \(other.base)/jwks refused"), "\(harness.err)")
        harness.reset()
        #expect(try await harness.verify([token, "--issuer", first.base], fetcher: fetcher) == .unavailable)
        #expect(other.requests.isEmpty, "the other port was asked: \(other.requests)")
        #expect(first.requests.filter { $0 == "/jwks" }.count == 2)
    }

    /// Port 1 on loopback refuses connections: the live fetcher reports the source unreachable (69).
    @Test func closedPortIs69() async throws {
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--jwks", "http://127.0.0.1:1/jwks"]) == .unavailable)
        #expect(harness.err.hasPrefix("jwt verify: error: http://127.0.0.1:1/jwks: "))
    }
}
