/// One HTTP request the runner sends (built from the endpoint's style).
public struct ProbeRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [ProbeHeader]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [ProbeHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct ProbeHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One HTTP response as the runner judges it.
public struct ProbeResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [ProbeHeader]
    public var body: [UInt8]
    /// Seconds from sending to the whole body.
    public var latency: Double

    public init(status: Int, headers: [ProbeHeader] = [], body: [UInt8] = [], latency: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.latency = latency
    }

    /// First value of a header, case-insensitive (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    public func headerValues(_ name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.name.lowercased() == lower }.map(\.value)
    }
}

/// Why an exchange produced no HTTP response: the text is for reports and never holds a secret or token.
public struct ProbeFailure: Error, Sendable, Equatable {
    public var reason: String
    /// Seconds spent before giving up.
    public var latency: Double
    public init(reason: String, latency: Double = 0) {
        self.reason = reason
        self.latency = latency
    }
}

/// The runner's view of HTTP: an adapter over `OAuth2Client`'s transport in the product, a fake in tests.
public protocol ProbeTransport: Sendable {
    /// Sends one request with a deadline in seconds; throws ``ProbeFailure`` when no response arrives.
    func send(_ request: ProbeRequest, timeout: Double) async throws(ProbeFailure) -> ProbeResponse
}
