#if canImport(Glibc)
import Glibc
#endif
import JOSECore
import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

/// Issue 11 item 7: requests go through the proxy the environment names, over a real CONNECT tunnel on loopback
/// (``ConnectProxy``); NO_PROXY and the loopback rule bypass it. Counts, never times.
@Suite struct ProxyTransportTests {
    static func configuration(_ environment: [String: String], trustRoots: TrustRoots? = nil) throws -> TransportConfiguration {
        TransportConfiguration(proxy: try ProxyConfiguration(environment: environment), trustRoots: trustRoots)
    }

    @Test func httpRequestGoesThroughTheProxy() async throws {
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        try await MockHarness.withMock { server, _ in
            let url = try EndpointURL(server.baseURL)
            let configuration = try Self.configuration(["HTTP_PROXY": proxy.url, "JWT_PROXY_LOOPBACK": "1"])
            try await withHTTP(configuration) { http async throws in
                let response = try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json"))
                #expect(response.status == 200)
            }
            #expect(proxy.relayed == 1)
            #expect(proxy.targets == ["\(url.host):\(url.port)"])
            #expect(proxy.authorizations == [nil])
        }
    }

    /// The lower-case variable wins over the upper-case one: the request goes through the lower-case proxy only.
    @Test func lowerCaseVariableWins() async throws {
        let upper = try ConnectProxy()
        let lower = try ConnectProxy()
        defer { upper.stop(); lower.stop() }
        try await MockHarness.withMock { server, _ in
            let configuration = try Self.configuration(["HTTP_PROXY": upper.url, "http_proxy": lower.url, "JWT_PROXY_LOOPBACK": "1"])
            try await withHTTP(configuration) { http async throws in
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json")).status == 200)
            }
        }
        #expect(lower.relayed == 1)
        #expect(upper.relayed == 0)
    }

    /// NO_PROXY, and loopback without the opt-in: the request is answered and the proxy never sees it.
    @Test(arguments: [
        ["HTTP_PROXY": "PROXY", "JWT_PROXY_LOOPBACK": "1", "NO_PROXY": "127.0.0.1"],
        ["HTTP_PROXY": "PROXY", "JWT_PROXY_LOOPBACK": "1", "no_proxy": "example.test,127.0.0.0/8"],
        ["HTTP_PROXY": "PROXY", "JWT_PROXY_LOOPBACK": "1", "NO_PROXY": "*"],
        ["HTTP_PROXY": "PROXY"],
    ])
    func bypassedRequestsConnectDirectly(_ template: [String: String]) async throws {
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        let environment = template.mapValues { $0 == "PROXY" ? proxy.url : $0 }
        try await MockHarness.withMock { server, _ in
            try await withHTTP(try Self.configuration(environment)) { http async throws in
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json")).status == 200)
            }
        }
        #expect(proxy.relayed == 0)
        #expect(proxy.targets.isEmpty)
    }

    /// User info in the proxy URL becomes `Proxy-Authorization: Basic` (RFC 7617), percent-decoded.
    @Test func proxyCredentialsAreSentAsBasic() async throws {
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        try await MockHarness.withMock { server, _ in
            let proxyURL = "http://proxy-user:p%40ss@127.0.0.1:\(proxy.port)"
            try await withHTTP(try Self.configuration(["HTTP_PROXY": proxyURL, "JWT_PROXY_LOOPBACK": "1"])) { http async throws in
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json")).status == 200)
            }
        }
        #expect(proxy.authorizations == ["Basic " + Base64.encode(Array("proxy-user:p@ss".utf8))])
    }

    /// An https URL goes through HTTPS_PROXY with CONNECT to the TLS server, which the CA bundle vouches for: the
    /// proxy sees only `localhost:PORT`, TLS is end to end.
    @Test func httpsRequestTunnelsThroughConnect() async throws {
        let pki = try TestPKI.make()
        defer { pki.remove() }
        let server = try ScriptedHTTPServer(routes: ["/jwks": .init(body: #"{"keys":[]}"#)], tls: (pki.certificatePath, pki.keyPath))
        defer { server.stop() }
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        let roots = try TrustRoots(pem: try readBytes(pki.caPath), source: pki.caPath)
        let configuration = try Self.configuration(["HTTPS_PROXY": proxy.url, "JWT_PROXY_LOOPBACK": "1", "HTTP_PROXY": "http://unused.test:1"], trustRoots: roots)
        try await withHTTP(configuration) { http async throws in
            let response = try await http.send(HTTPTransportRequest(method: "GET", url: server.base + "/jwks"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"keys":[]}"#)
        }
        #expect(proxy.relayed == 1)
        #expect(proxy.targets == ["localhost:\(server.port)"])
        #expect(server.requests == ["/jwks"])
    }

    /// A proxy nobody listens on: the failure says the request went through it (the refusal is the proxy's), and
    /// names it without its credentials.
    @Test func unreachableProxyIsNamed() async throws {
        var socket: ListeningSocket? = try ListeningSocket()
        let port = try #require(socket?.port)
        socket = nil
        let proxyURL = "http://proxy-user:proxy-password-123@127.0.0.1:\(port)"
        try await withHTTP(try Self.configuration(["HTTPS_PROXY": proxyURL, "JWT_PROXY_LOOPBACK": "1"])) { http async throws in
            do {
                _ = try await http.send(HTTPTransportRequest(method: "GET", url: "https://127.0.0.1:1/jwks"))
                Issue.record("expected a network error")
            } catch let error as OAuth2ClientError {
                #expect(error.code == .network)
                #expect(error.message.hasSuffix("(through the proxy http://127.0.0.1:\(port))"), "\(error.message)")
                #expect(!error.message.contains("proxy-password-123") && !error.message.contains("proxy-user"))
                #expect(!"\(error)".contains("proxy-password-123"))
            }
        }
    }

    /// One client per route, each started on its first request: direct and proxied requests in one run start two.
    @Test func oneClientPerRoute() async throws {
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        try await MockHarness.withMock { server, _ in
            let configuration = try Self.configuration(["HTTP_PROXY": proxy.url, "JWT_PROXY_LOOPBACK": "1", "NO_PROXY": "localhost"])
            try await SharedHTTPClient.withClient(configuration: configuration) { shared in
                let http = AsyncHTTPTransport(shared: shared)
                let port = try EndpointURL(server.baseURL).port
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json")).status == 200)
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json")).status == 200)
                #expect(shared.clientsStarted == 1)
                #expect(try await http.send(HTTPTransportRequest(method: "GET", url: "http://localhost:\(port)/jwks.json")).status == 200)
                #expect(shared.clientsStarted == 2)
            }
        }
        #expect(proxy.targets.allSatisfy { $0.hasPrefix("127.0.0.1:") })
        #expect(proxy.relayed >= 1)
    }
}

/// A file's bytes (test fixtures made at run time).
func readBytes(_ path: String) throws -> [UInt8] {
    guard let handle = fopen(path, "rb") else { throw OAuth2ClientError(.cacheIO, "cannot open \(path)") }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, handle)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return bytes
}
