import JOSECore

import OAuth2Client

/// ``ProbeTransport`` over `OAuth2Client`'s ``HTTPTransport`` (AsyncHTTPClient in the product). No retry policy:
/// the runner judges what the endpoint answers first, so a 503 or 429 is reported, not hidden by a retry.
public struct ClientTransportAdapter: ProbeTransport {
    public let transport: any HTTPTransport

    public init(transport: any HTTPTransport) { self.transport = transport }

    public func send(_ request: ProbeRequest, timeout: Double) async throws(ProbeFailure) -> ProbeResponse {
        let outgoing = HTTPTransportRequest(method: request.method, url: request.url,
                                            headers: request.headers.map { HTTPHeaderField($0.name, $0.value) }, body: request.body)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            // The suite loader bounds timeouts; the conversion is total anyway (NaN or ∞ becomes 1 ms, never a trap).
            let millis = CheckedInteger.int64(timeout * 1000, rounding: .up).map { max(1, $0) } ?? 1
            let response = try await transport.send(outgoing, timeout: .milliseconds(millis))
            return ProbeResponse(status: response.status, headers: response.headers.map { ProbeHeader($0.name, $0.value) },
                                 body: response.body, latency: response.latency)
        } catch {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let reason: String = switch error.code {
            case .timeout: "timed out after \(Self.format(timeout)) s (\(error.message))"
            default: "\(error.message) (\(error.code.rawValue))"
            }
            throw ProbeFailure(reason: reason, latency: seconds)
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? CheckedInteger.text(seconds) : String((seconds * 10).rounded() / 10)
    }
}
