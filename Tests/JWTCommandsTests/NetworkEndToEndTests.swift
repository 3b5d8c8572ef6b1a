import Foundation
import JOSECore
import JWTTestSupport
import Testing

/// Issue 11 item 7, through the built binary: a CA bundle by `--ca-file`, `SSL_CERT_FILE` and a suite's
/// `defaults.ca_file`, against a loopback TLS server whose CA (made with `openssl` at test time) is only in that
/// bundle; proxies from the environment, through a local CONNECT proxy. Loopback only; counts, never times.
@Suite struct NetworkEndToEndTests {
    /// A TLS server holding a JWK Set, and a token its key signed.
    struct Fixture {
        let pki: TestPKI
        let server: ScriptedHTTPServer
        let token: String
        let jwks: String
        var jwksURL: String { server.base + "/jwks" }

        init() throws {
            pki = try TestPKI.make()
            let key = try JWSKey.generate(for: .ES256, kid: "tls")
            let jwks = JSONValue.object(["keys": .array([.object(key.publicJWK)])]).compact
            self.jwks = jwks
            server = try ScriptedHTTPServer(routes: [
                "/jwks": .init(body: jwks),
                "/token": .init(body: #"{"access_token":"opaque-access-token-value","token_type":"Bearer","expires_in":3600}"#),
            ], tls: (pki.certificatePath, pki.keyPath))
            let exp = Int(Date().timeIntervalSince1970) + 3600
            token = try JWSSigner.sign(header: ["alg": "ES256", "kid": "tls"], payload: Array(#"{"iss":"tls-test","exp":\#(exp)}"#.utf8), key: key)
        }

        func stop() {
            server.stop()
            pki.remove()
        }

        func verify(_ extra: [String], environment: [String: String] = [:]) throws -> BinaryRunner.Result {
            try BinaryRunner.jwt(["verify", token, "--jwks", jwksURL] + extra, environment: BinaryRunner.plainEnvironment(environment))
        }
    }

    @Test func caFileFlagTrustsTheServer() throws {
        let f = try Fixture()
        defer { f.stop() }
        let trusted = try f.verify(["--ca-file", f.pki.caPath])
        #expect(trusted.status == 0, "\(trusted.out)\(trusted.err)")
        let untrusted = try f.verify([])
        #expect(untrusted.status == 69)
        #expect(untrusted.err.contains("TLS handshake failed"), "\(untrusted.err)")
        #expect(untrusted.err.contains("certificate"), "\(untrusted.err)")
        #expect(f.server.requests == ["/jwks"], "the untrusted run sent no request")
    }

    /// SSL_CERT_FILE works alone; --ca-file wins over it both ways.
    @Test func sslCertFileAndPrecedence() throws {
        let f = try Fixture()
        defer { f.stop() }
        #expect(try f.verify([], environment: ["SSL_CERT_FILE": f.pki.caPath]).status == 0)
        #expect(try f.verify(["--ca-file", f.pki.caPath], environment: ["SSL_CERT_FILE": f.pki.otherCAPath]).status == 0)
        #expect(try f.verify(["--ca-file", f.pki.otherCAPath], environment: ["SSL_CERT_FILE": f.pki.caPath]).status == 69)
    }

    /// A bundle that is missing is 66; one that holds no PEM certificate is 65 — before any connection.
    @Test func badBundles() throws {
        let f = try Fixture()
        defer { f.stop() }
        let missing = try f.verify(["--ca-file", f.pki.folder.appendingPathComponent("nope.pem").path])
        #expect(missing.status == 66)
        #expect(missing.err.contains("--ca-file: cannot open"), "\(missing.err)")
        #expect(try f.verify([], environment: ["SSL_CERT_FILE": "/nonexistent/ca.pem"]).status == 66)
        let notPEM = try f.verify(["--ca-file", f.pki.keyPath])
        #expect(notPEM.status == 65)
        #expect(notPEM.err.contains("not a PEM CA bundle"), "\(notPEM.err)")
        #expect(f.server.requests.isEmpty)
    }

    /// HTTPS_PROXY: the key request goes through the CONNECT proxy (one tunnel to localhost:PORT); NO_PROXY bypasses
    /// it; a proxy URL that cannot be used is 65, naming the variable.
    @Test func verifyHonoursProxyVariables() throws {
        let f = try Fixture()
        defer { f.stop() }
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        let withCredentials = "http://proxy-user:proxy-pass-42@127.0.0.1:\(proxy.port)"
        let through = try f.verify(["--ca-file", f.pki.caPath], environment: ["https_proxy": withCredentials, "JWT_PROXY_LOOPBACK": "1"])
        #expect(through.status == 0, "\(through.err)")
        #expect(proxy.relayed == 1)
        #expect(proxy.targets == ["localhost:\(f.server.port)"])
        #expect(proxy.authorizations == ["Basic " + Base64.encode(Array("proxy-user:proxy-pass-42".utf8))])
        #expect(!(through.out + through.err).contains("proxy-pass-42"))
        proxy.stop()
        let dead = try f.verify(["--ca-file", f.pki.caPath, "--json"], environment: ["HTTPS_PROXY": withCredentials, "JWT_PROXY_LOOPBACK": "1"])
        #expect(dead.status == 69)
        #expect(dead.out.contains("(through the proxy http://127.0.0.1:\(proxy.port))"), "\(dead.out)")
        #expect(!(dead.out + dead.err).contains("proxy-pass-42"))
        let bypassed = try f.verify(["--ca-file", f.pki.caPath], environment: ["HTTPS_PROXY": proxy.url, "JWT_PROXY_LOOPBACK": "1", "NO_PROXY": "localhost"])
        #expect(bypassed.status == 0, "NO_PROXY bypasses the (now stopped) proxy: \(bypassed.err)")
        #expect(proxy.relayed == 1)
        let bad = try f.verify(["--ca-file", f.pki.caPath], environment: ["HTTPS_PROXY": "https://proxy-user:hunter2@proxy.test:443"])
        #expect(bad.status == 65)
        #expect(bad.err.contains("HTTPS_PROXY: an https:// proxy is not supported"), "\(bad.err)")
        #expect(!bad.err.contains("hunter2"))
    }

    /// `jwt conform` sends every request of the mock suite (tokens, discovery, keys, API calls, negative checks)
    /// through HTTP_PROXY when loopback is opted in, and the run still passes; without the opt-in the proxy sees
    /// nothing (loopback is never proxied) and a dead proxy does not matter.
    @Test func conformHonoursProxyVariables() throws {
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-proxy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func conform(_ environment: [String: String]) throws -> BinaryRunner.Result {
            try BinaryRunner.jwt(["conform", "--mock", BinaryRunner.packageRoot.appendingPathComponent("conformance/mock.yaml").path,
                                  "--junit", folder + "/r.xml", "--markdown", folder + "/r.md"],
                                 environment: BinaryRunner.plainEnvironment(environment))
        }
        let through = try conform(["HTTP_PROXY": proxy.url, "JWT_PROXY_LOOPBACK": "1"])
        #expect(through.status == 0, "\(through.out)\(through.err)")
        #expect(proxy.relayed >= 1)
        #expect(proxy.refused == 0)
        #expect(!proxy.targets.isEmpty && proxy.targets.allSatisfy { $0.hasPrefix("127.0.0.1:") }, "\(proxy.targets)")
        let tunnels = proxy.relayed
        let direct = try conform(["HTTP_PROXY": "http://127.0.0.1:1", "HTTPS_PROXY": proxy.url])
        #expect(direct.status == 0, "\(direct.out)\(direct.err)")
        #expect(proxy.relayed == tunnels)
        let dead = try conform(["HTTP_PROXY": "http://127.0.0.1:1", "JWT_PROXY_LOOPBACK": "1"])
        #expect(dead.status == 69, "every request went to the (dead) proxy: \(dead.out)")
        let bad = try conform(["HTTPS_PROXY": "https://proxy.test"])
        #expect(bad.status == 65)
        #expect(bad.err.contains("HTTPS_PROXY: an https:// proxy is not supported"), "\(bad.err)")
        #expect(try conform(["SSL_CERT_FILE": "/nonexistent/ca.pem"]).status == 66)
    }

    /// A key file needs no network: broken network variables do not matter then.
    @Test func noNetworkNoNetworkSettings() throws {
        let f = try Fixture()
        defer { f.stop() }
        let jwks = f.pki.folder.appendingPathComponent("jwks.json")
        try Data(f.jwks.utf8).write(to: jwks)
        let result = try BinaryRunner.jwt(["verify", f.token, "--key", jwks.path],
                                          environment: BinaryRunner.plainEnvironment(["HTTPS_PROXY": "garbage://", "SSL_CERT_FILE": "/nonexistent"]))
        #expect(result.status == 0, "\(result.err)")
    }

    /// `defaults.ca_file` in a suite: `jwt conform` reaches the TLS token endpoint with it (the run is judged: 0 or
    /// 1) and reaches nothing without it (69); `--ca-file` wins over it; a missing one is 66, a non-PEM one 65.
    @Test func conformSuiteCAFile() throws {
        let f = try Fixture()
        defer { f.stop() }
        func suite(_ caFile: String?) throws -> String {
            let path = f.pki.folder.appendingPathComponent("suite-\(UUID().uuidString).yaml").path
            let text = """
                name: tls
                \(caFile.map { "defaults:\n  ca_file: \($0)\n" } ?? "")endpoints:
                  - name: tls-post
                    style: client-secret-post
                    token_url: \(f.server.base)/token
                    client_id: tls-client
                    client_secret: {env: TLS_SECRET}
                    expect:
                      keys: none

                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let lastReports = f.pki.folder.appendingPathComponent("reports").path
        func conform(_ path: String, _ extra: [String] = []) throws -> BinaryRunner.Result {
            let reports = lastReports
            return try BinaryRunner.jwt(["conform", path, "--junit", reports + "/r.xml", "--markdown", reports + "/r.md"] + extra,
                                        environment: BinaryRunner.plainEnvironment(["TLS_SECRET": "tls-secret-value"]))
        }
        let withFile = try conform(try suite(f.pki.caPath))
        #expect(withFile.status == 0 || withFile.status == 1, "\(withFile.out)\(withFile.err)")
        #expect(f.server.requests.contains("/token"))
        let reached = f.server.requests.count
        let without = try conform(try suite(nil))
        #expect(without.status == 69, "\(without.out)\(without.err)")
        let report = try String(contentsOfFile: lastReports + "/r.md", encoding: .utf8)
        #expect(report.contains("TLS handshake failed: certificate not trusted"), "\(report)")
        #expect(f.server.requests.count == reached, "an untrusted server gets no request")
        let overridden = try conform(try suite(f.pki.caPath), ["--ca-file", f.pki.otherCAPath])
        #expect(overridden.status == 69, "--ca-file wins over defaults.ca_file")
        #expect(try conform(try suite(nil), ["--ca-file", f.pki.folder.appendingPathComponent("nope.pem").path]).status == 66)
        let missing = try conform(try suite(f.pki.folder.appendingPathComponent("nope.pem").path))
        #expect(missing.status == 66, "\(missing.err)")
        let notPEM = try conform(try suite(f.pki.keyPath))
        #expect(notPEM.status == 65, "\(notPEM.err)")
        #expect(notPEM.err.contains("defaults.ca_file"), "\(notPEM.err)")
        #expect(!withFile.out.contains("tls-secret-value") && !withFile.err.contains("tls-secret-value"))
    }
}
