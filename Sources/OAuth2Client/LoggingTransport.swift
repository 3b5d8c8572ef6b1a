/// Where `--verbose` lines go (stderr in the CLI, a buffer in tests). One call per line.
public typealias LogSink = @Sendable (String) -> Void

/// An ``HTTPTransport`` that logs each exchange through ``Redactor`` before passing it on (`--verbose`).
public struct LoggingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let sink: LogSink

    public init(base: any HTTPTransport, sink: @escaping LogSink) {
        self.base = base
        self.sink = sink
    }

    public func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        sink("> \(request.method) \(request.url)")
        for field in request.headers { sink("> " + Redactor.header(field)) }
        let requestBody = Redactor.body(request.body, contentType: request.header("Content-Type"))
        if !requestBody.isEmpty { sink("> " + requestBody) }
        do {
            let response = try await base.send(request, timeout: timeout)
            sink("< \(response.status) (\(Int((response.latency * 1000).rounded())) ms)")
            for field in response.headers { sink("< " + Redactor.header(field)) }
            let body = Redactor.body(response.body, contentType: response.header("Content-Type"))
            if !body.isEmpty { sink("< " + body) }
            return response
        } catch {
            sink("! \(error.description)")
            throw error
        }
    }
}
