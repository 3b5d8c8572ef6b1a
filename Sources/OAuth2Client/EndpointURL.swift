/// The parts of an absolute `http`/`https` URL that the client needs: scheme, host, port, path and query.
///
/// Deliberately small (RFC 3986 §3 subset): no user-info, no fragment. Used to refuse `insecure` for non-loopback
/// hosts, to key the token cache, and for the kit's one URL policy (``checked(_:insecureHTTP:)``).
public struct EndpointURL: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int
    /// Path plus query, starting with `/`.
    public let pathAndQuery: String

    public init(_ text: String) throws(OAuth2ClientError) {
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https" } else if lower.hasPrefix("http://") { scheme = "http" } else {
            throw OAuth2ClientError(.invalidURL, "endpoint URL must start with http:// or https://")
        }
        let rest = text.dropFirst(scheme.count + 3)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[rest.startIndex..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if path.isEmpty || path.first == "?" { path = "/" + path }
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains(" ") else {
            throw OAuth2ClientError(.invalidURL, "endpoint URL has no usable host")
        }
        let parsed: HostPort
        do throws(HostPort.Problem) {
            parsed = try HostPort(authority)
        } catch {
            throw OAuth2ClientError(.invalidURL, error == .badPort ? "bad port in URL" : "bad IPv6 literal in URL")
        }
        let host = parsed.host
        let port = parsed.port ?? (scheme == "https" ? 443 : 80)
        guard !host.isEmpty else { throw OAuth2ClientError(.invalidURL, "endpoint URL has no host") }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.pathAndQuery = path
    }

    /// Whether the host is loopback: see ``isLoopbackHost(_:)``.
    public var isLoopback: Bool { Self.isLoopbackHost(host) }

    /// `http` to a host that is not loopback: whatever is sent (client credentials, bearer tokens) can be read and
    /// changed on the way (RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3).
    public var isCleartext: Bool { scheme == "http" && !isLoopback }

    /// The kit's one definition of loopback, for every decision that depends on it (plain `http` allowed, TLS
    /// verification switched off, key URLs): exactly `127.0.0.1`, `[::1]` (or `::1`) and `localhost`, compared
    /// case-insensitively. Not the rest of `127.0.0.0/8` and not `*.localhost`: RFC 6761 §6.3 only asks resolvers
    /// to keep `localhost` names local, which a misconfigured resolver or proxy need not honour, and a name or
    /// address that merely looks local is not worth sending a secret in clear for.
    public static func isLoopbackHost(_ host: String) -> Bool {
        switch host.lowercased() {
        case "127.0.0.1", "[::1]", "::1", "localhost": true
        default: false
        }
    }

    /// `scheme://host[:port]` without a default port.
    public var origin: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }

    public var description: String { origin + pathAndQuery }

    /// Resolves an absolute path (`/x`) or absolute URL against this URL.
    public func resolving(_ reference: String) -> String {
        if reference.hasPrefix("http://") || reference.hasPrefix("https://") { return reference }
        return origin + (reference.hasPrefix("/") ? reference : "/" + reference)
    }
}
