/// An ``HTTPTransport`` that applies a ``RetryPolicy`` around another transport.
///
/// The sleep is injected so tests observe the delays without waiting for them. A response still retryable after
/// the last attempt is returned as it is (the caller sees the 5xx/429); a final network error is rethrown with
/// ``OAuth2ClientError/attempts`` set and the tries named in its message ("3 tries in 0.6 s").
public struct RetryingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let policy: RetryPolicy
    public let sleep: @Sendable (Duration) async -> Void

    public init(
        base: any HTTPTransport,
        policy: RetryPolicy = RetryPolicy(),
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.base = base
        self.policy = policy
        self.sleep = sleep
    }

    public func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        var attempt = 1
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            let outcome: Result<HTTPTransportResponse, OAuth2ClientError>
            do throws(OAuth2ClientError) {
                outcome = .success(try await base.send(request, timeout: timeout))
            } catch {
                outcome = .failure(error)
            }
            switch policy.decide(attempt: attempt, outcome: outcome) {
            case .stop:
                switch outcome {
                case .success(let response): return response
                case .failure(let error):
                    // Shown, not hidden: "127.0.0.1: connection refused (3 tries in 0.6 s)".
                    let tries = attempt == 1 ? error.message : "\(error.message) (\(attempt) tries in \(ConnectionFailure.seconds(clock.now - start)) s)"
                    throw OAuth2ClientError(error.code, tries, status: error.status, endpointError: error.endpointError, attempts: attempt)
                }
            case .retry(let delay):
                await sleep(delay)
                attempt += 1
            }
        }
    }
}
