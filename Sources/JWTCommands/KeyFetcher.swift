import OAuth2Client

/// Fetches a key source document over HTTP(S): a JWKS (RFC 7517 §5) or authorization server metadata
/// (RFC 8414 §3). Injected, so tests never touch the network; the live one is ``TransportKeyFetcher``.
public protocol KeyFetcher: Sendable {
    /// GETs `url`; at most `limit` body bytes. Throws ``JWTCommandsError/unreachable(_:)`` when the server cannot be
    /// reached, times out, answers with a redirect (none is followed), or the body is larger than `limit`.
    func fetch(_ url: String, limit: Int) async throws(JWTCommandsError) -> KeyFetchResponse
}

public struct KeyFetchResponse: Sendable, Equatable {
    public let status: Int
    public let body: [UInt8]
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Which URLs may be fetched: `https`, or plain `http` only to a loopback host (tests, local development).
public enum KeyURLPolicy {
    /// Largest key document accepted: 1 MiB.
    public static let maxBodyBytes = 1 << 20

    public struct Parts: Sendable, Equatable {
        public let scheme: String
        /// Host as written, lower-cased (brackets kept for IPv6).
        public let host: String
        /// `:port`, or empty.
        public let port: String
        /// The path (and query), `""` when absent.
        public let path: String
    }

    /// Splits an absolute http(s) URL without Foundation. `nil` when it is not one.
    public static func parts(_ url: String) -> Parts? {
        let lower = url.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https" } else if lower.hasPrefix("http://") { scheme = "http" } else { return nil }
        let rest = url.dropFirst(scheme.count + 3)
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = Substring(authority)
        var port = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            port = String(authority[authority.index(after: close)...])
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = String(authority[colon...])
        }
        guard !host.isEmpty else { return nil }
        let path = String(rest[authorityEnd...].prefix { $0 != "#" })
        return Parts(scheme: scheme, host: host.lowercased(), port: port, path: path)
    }

    /// The kit's one loopback definition: ``EndpointURL/isLoopbackHost(_:)``.
    public static func isLoopback(_ host: String) -> Bool { EndpointURL.isLoopbackHost(host) }

    /// Why `url` may not be fetched, or `nil` when it may.
    public static func refusal(_ url: String) -> String? {
        guard let parts = parts(url) else { return "'\(url)' is not an absolute http(s) URL" }
        if parts.scheme == "http", !isLoopback(parts.host) {
            return "'\(url)' uses plain http: only https is allowed (http only for a loopback host)"
        }
        return nil
    }
}
