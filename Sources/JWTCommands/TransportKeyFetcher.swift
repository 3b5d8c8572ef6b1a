import OAuth2Client

/// The live ``KeyFetcher``: a GET through OAuth2Client's ``OAuth2Client/AsyncHTTPTransport`` over the process's one
/// ``OAuth2Client/SharedHTTPClient`` (started only when a key source is a URL), with a deadline for the whole fetch and
/// the body capped while it streams in.
///
/// No redirect is followed — the same rule as the token client: a key document comes from the URL the user named or
/// the metadata published, not from wherever a server points. (An origin is scheme + host + port, RFC 6454 §4;
/// following only same-origin redirects would still let one service on a host hand out keys for another, so none
/// are followed.) A 3xx is reported as unreachable, naming the target.
public struct TransportKeyFetcher: KeyFetcher {
    /// Seconds for the whole fetch.
    public var timeout: Double
    let transport: any HTTPTransport

    public init(timeout: Double = 10, http: SharedHTTPClient) {
        self.timeout = timeout
        self.transport = AsyncHTTPTransport(shared: http)
    }

    public func fetch(_ url: String, limit: Int) async throws(JWTCommandsError) -> KeyFetchResponse {
        if let refusal = KeyURLPolicy.refusal(url) { throw JWTCommandsError.usage(refusal) }
        let seconds = max(timeout, 0.1)
        let response: HTTPTransportResponse
        do throws(OAuth2ClientError) {
            let request = HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Accept", "application/json")])
            response = try await transport.send(request, timeout: .milliseconds(Int64(seconds * 1000)))
        } catch where error.code == .responseTooLarge {
            throw JWTCommandsError.unreachable("\(url): body larger than \(limit) bytes")
        } catch where error.code == .timeout {
            throw JWTCommandsError.unreachable("\(url): no answer within \(Int(seconds.rounded(.up))) s")
        } catch {
            throw JWTCommandsError.unreachable("\(url): \(error.message)")
        }
        if (300...399).contains(response.status) {
            let target = response.headers.value(of: "Location").map { " to \($0)" } ?? ""
            throw JWTCommandsError.unreachable("\(url): redirect\(target) refused (HTTP \(response.status); key documents are fetched from the URL given, no redirect is followed)")
        }
        guard response.body.count <= limit else { throw JWTCommandsError.unreachable("\(url): body larger than \(limit) bytes") }
        return KeyFetchResponse(status: response.status, body: response.body)
    }
}
