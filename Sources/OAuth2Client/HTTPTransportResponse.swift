/// One HTTP response as a value, with what the runner needs to judge it: status, headers, body and latency.
public struct HTTPTransportResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeaderField]
    public var body: [UInt8]
    /// Seconds from sending the request to having the whole body.
    public var latency: Double

    public init(status: Int, headers: [HTTPHeaderField] = [], body: [UInt8] = [], latency: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.latency = latency
    }

    public func header(_ name: String) -> String? { headers.value(of: name) }

    /// The body as UTF-8 text (lossy), for error bodies and logs.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
