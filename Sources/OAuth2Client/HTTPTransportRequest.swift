/// One HTTP request as a value: what a token-endpoint style builds and an ``HTTPTransport`` sends.
public struct HTTPTransportRequest: Sendable, Equatable {
    public var method: String
    /// Absolute URL (`https://host/path?query`).
    public var url: String
    /// Header fields in order; names compare case-insensitively (RFC 9110 §5.1).
    public var headers: [HTTPHeaderField]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [HTTPHeaderField] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of the named header, case-insensitive.
    public func header(_ name: String) -> String? { headers.value(of: name) }
}

/// One header field.
public struct HTTPHeaderField: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [HTTPHeaderField] {
    /// The first value of the named header, case-insensitive.
    public func value(of name: String) -> String? {
        let lower = name.lowercased()
        return first { $0.name.lowercased() == lower }?.value
    }

    /// Every value of the named header, case-insensitive.
    public func values(of name: String) -> [String] {
        let lower = name.lowercased()
        return filter { $0.name.lowercased() == lower }.map(\.value)
    }
}
