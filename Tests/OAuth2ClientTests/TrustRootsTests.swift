import JWTTestSupport
import NIOSSL
import Testing
@testable import OAuth2Client

/// Issue 11 item 7: a CA bundle replaces the system's roots; verification stays on. Against a loopback TLS server
/// whose CA (made at test time with `openssl`) is only in that bundle.
@Suite struct TrustRootsTests {
    @Test func bundleLetsTheServerBeVerified() async throws {
        let pki = try TestPKI.make()
        defer { pki.remove() }
        let server = try ScriptedHTTPServer(routes: ["/jwks": .init(body: #"{"keys":[]}"#)], tls: (pki.certificatePath, pki.keyPath))
        defer { server.stop() }
        let roots = try TrustRoots(pem: try readBytes(pki.caPath), source: pki.caPath)
        #expect(roots.count == 1)
        try await withHTTP(TransportConfiguration(trustRoots: roots)) { http async throws in
            #expect(try await http.send(HTTPTransportRequest(method: "GET", url: server.base + "/jwks")).status == 200)
        }
        #expect(server.requests == ["/jwks"])
    }

    /// Without the bundle (system roots), or with a bundle of another CA: the handshake fails, named as a
    /// certificate problem; no request reaches the server.
    @Test(arguments: [false, true])
    func untrustedServerFailsTheHandshake(otherBundle: Bool) async throws {
        let pki = try TestPKI.make()
        defer { pki.remove() }
        let server = try ScriptedHTTPServer(routes: ["/jwks": .init(body: "{}")], tls: (pki.certificatePath, pki.keyPath))
        defer { server.stop() }
        let roots = otherBundle ? try TrustRoots(pem: try readBytes(pki.otherCAPath), source: pki.otherCAPath) : nil
        try await withHTTP(TransportConfiguration(trustRoots: roots)) { http async throws in
            do {
                _ = try await http.send(HTTPTransportRequest(method: "GET", url: server.base + "/jwks"))
                Issue.record("an untrusted server was accepted")
            } catch let error as OAuth2ClientError {
                #expect(error.code == .network)
                #expect(error.errorClass == .unreachable)
                #expect(error.message.contains("TLS handshake failed"), "\(error.message)")
                #expect(error.message.contains("certificate"), "\(error.message)")
            }
        }
        #expect(server.requests.isEmpty)
    }

    /// Bytes that hold no PEM certificate are malformed input (65), naming the source.
    @Test(arguments: [
        ("", "no -----BEGIN CERTIFICATE-----"),
        ("hello\n", "no -----BEGIN CERTIFICATE-----"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "no -----BEGIN CERTIFICATE-----"),
        ("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "cannot be read"),
    ])
    func notPEMIsMalformed(_ text: String, _ message: String) {
        do {
            _ = try TrustRoots(pem: Array(text.utf8), source: "bundle.pem")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .caBundle)
            #expect(error.errorClass == .malformedInput)
            #expect(error.message.hasPrefix("bundle.pem: "))
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func clientConfigurationKeepsVerificationOnWithABundle() throws {
        let pki = try TestPKI.make()
        defer { pki.remove() }
        let roots = try TrustRoots(pem: try readBytes(pki.caPath), source: pki.caPath)
        let configuration = SharedHTTPClient.clientConfiguration(TransportConfiguration(trustRoots: roots))
        #expect(configuration.tlsConfiguration?.certificateVerification == .fullVerification)
        #expect(configuration.tlsConfiguration?.trustRoots == .certificates(roots.certificates))
        #expect(configuration.connectionPool.retryConnectionEstablishment == false)
        #expect(configuration.proxy == nil)
    }
}
