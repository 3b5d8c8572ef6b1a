/// `host[:port]` as in a URL's authority (RFC 3986 §3.2.2–3.2.3): a name, an IPv4 literal or a bracketed IPv6
/// literal, then an optional `:port` of 1–65535. The one parser of it for ``EndpointURL``, ``ProxyServer`` and
/// ``NoProxyList``.
struct HostPort {
    enum Problem: Error {
        case badIPv6Literal
        case badPort
    }

    /// The host as written (lower-casing is the caller's); an IPv6 literal keeps its brackets.
    let host: String
    /// The port, when one was given.
    let port: Int?

    /// - Parameter bareIPv6: read text with two or more colons and no brackets as an IPv6 literal without a port
    ///   (`NO_PROXY` entries such as `::1`), instead of splitting at the last colon.
    init(_ text: Substring, bareIPv6: Bool = false) throws(Problem) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .badIPv6Literal }
            let after = text[text.index(after: close)...]
            if after.isEmpty {
                port = nil
            } else {
                guard after.hasPrefix(":") else { throw .badPort }
                port = try Self.port(after.dropFirst())
            }
            host = String(text[...close])
        } else if bareIPv6, text.filter({ $0 == ":" }).count > 1 {
            host = String(text)
            port = nil
        } else if let colon = text.lastIndex(of: ":") {
            port = try Self.port(text[text.index(after: colon)...])
            host = String(text[..<colon])
        } else {
            host = String(text)
            port = nil
        }
    }

    /// The host without IPv6 brackets.
    var bareHost: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func port(_ digits: Substring) throws(Problem) -> Int {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(digits), (1...65535).contains(p) else { throw .badPort }
        return p
    }
}
