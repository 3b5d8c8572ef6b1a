import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Retry policy: network, 5xx, 429 only; Retry-After honoured and bounded")
struct RetryPolicyTests {
    let request = HTTPTransportRequest(method: "POST", url: "http://127.0.0.1:9/token")

    @Test func serviceUnavailableThenOKSucceeds() async throws {
        let script = ScriptedTransport([.success(HTTPTransportResponse(status: 503)), .success(HTTPTransportResponse(status: 200, headers: jsonHeaders, body: okTokenBody))])
        let sleeps = SleepRecorder()
        let transport = RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 3), sleep: { sleeps.record($0) })
        let response = try await transport.send(request)
        #expect(response.status == 200)
        #expect(script.calls == 2)
        #expect(sleeps.delays == [.milliseconds(200)])
    }

    @Test(arguments: [400, 401, 403, 404])
    func clientErrorsAreNotRetried(_ status: Int) async throws {
        let script = ScriptedTransport([.success(HTTPTransportResponse(status: status)), .success(HTTPTransportResponse(status: 200))])
        let transport = RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 5), sleep: { _ in })
        let response = try await transport.send(request)
        #expect(response.status == status)
        #expect(script.calls == 1)
    }

    @Test func retryAfterIsHonoured() async throws {
        let script = ScriptedTransport([
            .success(HTTPTransportResponse(status: 429, headers: [HTTPHeaderField("Retry-After", "2")])),
            .success(HTTPTransportResponse(status: 200)),
        ])
        let sleeps = SleepRecorder()
        _ = try await RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 3, maxDelay: .seconds(5)), sleep: { sleeps.record($0) }).send(request)
        #expect(sleeps.delays == [.seconds(2)])
    }

    @Test func retryAfterIsBoundedByMaxDelay() async throws {
        let script = ScriptedTransport([
            .success(HTTPTransportResponse(status: 429, headers: [HTTPHeaderField("Retry-After", "86400")])),
            .success(HTTPTransportResponse(status: 200)),
        ])
        let sleeps = SleepRecorder()
        _ = try await RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 3, maxDelay: .seconds(5)), sleep: { sleeps.record($0) }).send(request)
        #expect(sleeps.delays == [.seconds(5)])
    }

    @Test func attemptsAreBounded() async throws {
        let script = ScriptedTransport(Array(repeating: .success(HTTPTransportResponse(status: 500)), count: 10))
        let sleeps = SleepRecorder()
        let response = try await RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 3), sleep: { sleeps.record($0) }).send(request)
        #expect(response.status == 500)
        #expect(script.calls == 3)
        #expect(sleeps.delays == [.milliseconds(200), .milliseconds(400)])
    }

    @Test func networkErrorsAreRetriedAndReportAttempts() async throws {
        let script = ScriptedTransport(Array(repeating: .failure(OAuth2ClientError(.network, "refused")), count: 4))
        let transport = RetryingTransport(base: script, policy: RetryPolicy(maxAttempts: 4), sleep: { _ in })
        await #expect(throws: OAuth2ClientError(.network, "")) { try await transport.send(request) }
        #expect(script.calls == 4)
        do { _ = try await transport.send(request) } catch { #expect(error.attempts == 1 || error.attempts == 4) }
    }

    @Test(arguments: [("3", 3), (" 7 ", 7), ("Wed, 21 Oct 2015 07:28:00 GMT", nil), ("-1", nil), ("", nil)] as [(String, Int?)])
    func retryAfterParsing(_ header: String, _ seconds: Int?) {
        #expect(RetryPolicy.retryAfterSeconds(header) == seconds)
    }

    /// Over a real socket: the mock answers 503 once, then a token.
    @Test func loopback503ThenToken() async throws {
        try await withMockAndHTTP { server, http in
            let sleeps = SleepRecorder()
            let transport = RetryingTransport(base: FaultHeaderTransport(base: http, fault: "503:1"), policy: RetryPolicy(maxAttempts: 3), sleep: { sleeps.record($0) })
            let client = TokenClient(transport: transport, timeout: .seconds(5))
            let token = try await client.requestToken(
                style: JSONClientCredentialsStyle(audience: "https://api.mock.example"), endpoint: server.baseURL + "/oauth/token",
                credentials: ClientCredentials(clientID: "demo-json", secret: Secret("demo-json-secret")))
            #expect(token.status == 200)
            #expect(sleeps.delays.count == 1)
        }
    }

    /// Over a real socket: 401 from bad credentials is not retried.
    @Test func loopback401NotRetried() async throws {
        try await withMockAndHTTP { server, http in
            let sleeps = SleepRecorder()
            let transport = RetryingTransport(base: http, policy: RetryPolicy(maxAttempts: 3), sleep: { sleeps.record($0) })
            let client = TokenClient(transport: transport, timeout: .seconds(5))
            do {
                _ = try await client.requestToken(
                    style: ClientSecretBasicStyle.rfc6749(), endpoint: server.baseURL + "/oauth/token",
                    credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("wrong")))
                Issue.record("expected invalid_client")
            } catch let error as OAuth2ClientError {
                #expect(error.code == .endpointError)
                #expect(error.status == 401)
                #expect(error.endpointError?.error == "invalid_client")
                #expect(error.endpointError?.wwwAuthenticate?.hasPrefix("Basic") == true)
            }
            #expect(sleeps.delays.isEmpty)
        }
    }
}

/// Adds `X-Mock-Fault` to every request.
struct FaultHeaderTransport: HTTPTransport {
    let base: any HTTPTransport
    let fault: String
    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        var r = request
        r.headers.append(HTTPHeaderField("X-Mock-Fault", fault))
        return try await base.send(r, timeout: timeout)
    }
}
