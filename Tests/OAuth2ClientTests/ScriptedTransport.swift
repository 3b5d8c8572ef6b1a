import OAuth2Client

#if canImport(Glibc)
import Glibc
#endif

/// A transport that answers from a script, recording every request: for retry tests without sockets.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private var script: [Result<HTTPTransportResponse, OAuth2ClientError>]
    private(set) var requests: [HTTPTransportRequest] = []
    private var lock = pthread_mutex_t()

    init(_ script: [Result<HTTPTransportResponse, OAuth2ClientError>]) {
        self.script = script
        pthread_mutex_init(&lock, nil)
    }

    var calls: Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return requests.count
    }

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        pthread_mutex_lock(&lock)
        requests.append(request)
        let next = script.isEmpty ? .success(HTTPTransportResponse(status: 599)) : script.removeFirst()
        pthread_mutex_unlock(&lock)
        return try next.get()
    }
}

/// Records requested sleeps instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private(set) var delays: [Duration] = []
    private var lock = pthread_mutex_t()
    init() { pthread_mutex_init(&lock, nil) }
    func record(_ d: Duration) {
        pthread_mutex_lock(&lock)
        delays.append(d)
        pthread_mutex_unlock(&lock)
    }
}

let okTokenBody = Array(#"{"access_token":"abc.def.ghi","token_type":"Bearer","expires_in":60}"#.utf8)
let jsonHeaders = [HTTPHeaderField("Content-Type", "application/json"), HTTPHeaderField("Cache-Control", "no-store")]

import JWTTestSupport
import OAuth2MockServer

/// A real transport for the body, always shut down afterwards.
@discardableResult
func withHTTP<T: Sendable>(_ configuration: TransportConfiguration = TransportConfiguration(), _ body: (AsyncHTTPTransport) async throws -> T) async throws -> T {
    let http = AsyncHTTPTransport(configuration: configuration)
    do {
        let result = try await body(http)
        await http.shutdown()
        return result
    } catch {
        await http.shutdown()
        throw error
    }
}

/// A mock server plus a real transport.
@discardableResult
func withMockAndHTTP<T: Sendable>(
    _ configuration: MockConfiguration = .demo, transport: TransportConfiguration = TransportConfiguration(),
    _ body: (RunningMockServer, AsyncHTTPTransport) async throws -> T
) async throws -> T {
    try await MockHarness.withMock(configuration) { server, _ in
        try await withHTTP(transport) { http in try await body(server, http) }
    }
}
