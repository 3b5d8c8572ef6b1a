import JOSECore
import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Secrets and tokens never reach logs or errors")
struct SecretLeakTests {
    static let secrets = ["demo-json-secret", "demo-post-secret", "demo-basic-secret", "demo-tenant-secret"]

    /// Runs every style with `--verbose` logging (LoggingTransport) and with the mock's request log on; the
    /// secrets and the issued tokens appear in neither.
    @Test func verboseRunOfEveryStyleLeaksNothing() async throws {
        let clientLog = CapturedLines()
        let serverLog = CapturedLines()
        let service = try MockServer.makeService(configuration: .demo)
        let server = try await MockServer.start(service: service, log: { serverLog.append($0) })
        var tokens: [String] = []
        var errors: [String] = []
        try await withHTTP { http in
            let client = TokenClient(transport: LoggingTransport(base: http, sink: { clientLog.append($0) }))
            let base = server.baseURL
            let runs: [(any TokenEndpointStyle, String, String, String)] = [
                (JSONClientCredentialsStyle(audience: "https://api.mock.example"), "/oauth/token", "demo-json", "demo-json-secret"),
                (ClientSecretPostStyle(scope: "example.com"), "/configapi/v2/oauth/token", "demo-post", "demo-post-secret"),
                (ClientSecretBasicStyle(scope: "read"), "/oauth2/token", "demo-basic", "demo-basic-secret"),
                (ClientSecretBasicStyle.rfc6749(), "/oauth/token", "demo-basic", "demo-basic-secret"),
                (TenantTokenStyle(appName: "a", appVersion: "1", hostTenant: "operator_tenant", userTenant: "tenant-001"),
                 "/api/technicaltokenmanager/v3/oauth/token", "demo-tenant", "demo-tenant-secret"),
            ]
            for (style, path, id, secret) in runs {
                let response = try await client.requestToken(anyStyle: style, endpoint: base + path, credentials: ClientCredentials(clientID: id, secret: Secret(secret)))
                tokens.append(response.accessToken.value)
                errors.append("\(response)")
                // A failing call: the wrong secret's error must not echo the secret either.
                do {
                    _ = try await client.requestToken(anyStyle: style, endpoint: base + path, credentials: ClientCredentials(clientID: id, secret: Secret(secret + "-wrong")))
                } catch let error as OAuth2ClientError {
                    errors.append(error.description)
                    errors.append("\(error)")
                }
            }
            let manager = TenantTokenManager(client: client, baseURL: base,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("demo-tenant-secret")),
                                             appName: "a", appVersion: "1")
            let all = try await manager.allUsers(operatorTenant: "operator_tenant")
            tokens.append(all.operatorToken.accessToken.value)
            tokens += all.batch.tokens.map(\.token.accessToken.value)
            errors.append("\(all)")
        }
        await server.stop()
        let output = clientLog.text + "\n" + serverLog.text + "\n" + errors.joined(separator: "\n")
        #expect(clientLog.all.count > 20)
        #expect(serverLog.all.count > 10)
        #expect(output.contains("<redacted>"))
        for secret in Self.secrets {
            #expect(!output.contains(secret), "secret leaked")
            #expect(!output.contains(Base64.encode(Array("demo-tenant:\(secret)".utf8))), "basic credentials leaked")
        }
        #expect(tokens.count == 5 + 1 + 12)
        for token in tokens {
            #expect(!output.contains(token), "token leaked")
            // Not even the signature part alone.
            #expect(!output.contains(String(token.split(separator: ".").last ?? "")), "token signature leaked")
        }
    }

    @Test func secretDescriptionsAreRedacted() {
        let secret = Secret("hunter2-secret")
        var dumped = ""
        dump(secret, to: &dumped)
        let credentials = ClientCredentials(clientID: "id", secret: secret)
        var dumpedCredentials = ""
        dump(credentials, to: &dumpedCredentials)
        for text in ["\(secret)", String(reflecting: secret), dumped, "\(credentials)", String(reflecting: credentials), dumpedCredentials] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
    }

    @Test func accessTokenPrintsFingerprintOnly() {
        let token = AccessToken("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
        for text in ["\(token)", String(reflecting: token)] {
            #expect(!text.contains("eyJ"))
            #expect(text.contains("<token \(TokenFingerprint.of(token.value))>"))
        }
    }

    @Test(arguments: [
        (HTTPHeaderField("Authorization", "Basic ZGVtbzpzZWNyZXQ="), "Authorization: Basic <redacted>"),
        (HTTPHeaderField("X-SPACE-AUTH-KEY", "Basic ZGVtbzpzZWNyZXQ="), "X-SPACE-AUTH-KEY: Basic <redacted>"),
        (HTTPHeaderField("authorization", "Bearer abc.def.ghi"), "authorization: Bearer <redacted>"),
        (HTTPHeaderField("X-API-Key", "k-12345-secret"), "X-API-Key: <redacted>"),
        (HTTPHeaderField("x-api-key", "k-12345-secret"), "x-api-key: <redacted>"),
        (HTTPHeaderField("Proxy-Authorization", "Basic cDpx"), "Proxy-Authorization: Basic <redacted>"),
        (HTTPHeaderField("Content-Type", "application/json"), "Content-Type: application/json"),
    ])
    func headerRedaction(_ field: HTTPHeaderField, _ expected: String) {
        #expect(Redactor.header(field) == expected)
    }

    @Test func bodyRedaction() {
        let form = Redactor.body(Array("grant_type=client_credentials&client_id=me&client_secret=s%2Fx".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(form == "grant_type=client_credentials&client_id=me&client_secret=<redacted>")
        let json = Redactor.body(Array(#"{"client_secret":"sec-value","nested":{"access_token":"tok-value"},"list":[{"refresh_token":"ref-value"}]}"#.utf8), contentType: "application/json")
        #expect(!json.contains("sec-value") && !json.contains("tok-value") && !json.contains("ref-value"))
        #expect(json.contains("<\(TokenFingerprint.of("tok-value"))>"))
        let broken = Redactor.body(Array(#"{"access_token":"abc"#.utf8), contentType: "application/json")
        #expect(broken == "<20 bytes, not JSON: not shown>")
    }

    @Test func secretFromEnvironmentAndFile() throws {
        #expect(try Secret.environment("X", in: ["X": "v"]).value == "v")
        #expect(throws: OAuth2ClientError(.secretUnavailable, "")) { try Secret.environment("Y", in: [:]) }
        do { _ = try Secret.environment("MISSING_VAR", in: [:]) } catch { #expect(error.message.contains("MISSING_VAR")) }
        let path = "/tmp/oauth2client-secret-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = "file-secret\n".withCString { write(fd, $0, 12) }
        close(fd)
        defer { unlink(path) }
        #expect(try Secret.file(path).value == "file-secret")
        #expect(throws: OAuth2ClientError(.secretUnavailable, "")) { try Secret.file(path + ".missing") }
    }
}

#if canImport(Glibc)
import Glibc
#endif
