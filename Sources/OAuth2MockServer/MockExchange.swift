/// A request as the mock's logic sees it, independent of the HTTP server library (so routes are testable directly).
public struct MockRequest: Sendable {
    public var method: String
    public var path: String
    /// Query parameters in order.
    public var query: [(String, String)]
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: [(String, String)] = [], headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    public func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }
}

/// What the mock answers, plus the two misbehaviours that are not a plain response.
public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Wait this long before answering (`slow`).
    public var delay: Duration?
    /// Send the head and the first bytes of the body, then close the connection (`connection-closed`).
    public var closeMidBody: Bool
    /// For `--verbose` request logs: the client id and fault, never credentials.
    public var logNote: String

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: Duration? = nil, closeMidBody: Bool = false, logNote: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.closeMidBody = closeMidBody
        self.logNote = logNote
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    static func json(_ status: Int, _ text: String, noStore: Bool = true, extra: [(String, String)] = []) -> MockResponse {
        var headers = [("Content-Type", "application/json")]
        if noStore { headers += [("Cache-Control", "no-store"), ("Pragma", "no-cache")] }
        return MockResponse(status: status, headers: headers + extra, body: Array(text.utf8))
    }
}
