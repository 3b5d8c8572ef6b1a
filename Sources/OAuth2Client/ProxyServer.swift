import JOSECore

/// One HTTP proxy from `HTTPS_PROXY` / `HTTP_PROXY`: `http://[user:password@]host[:port][/]`.
///
/// AsyncHTTPClient speaks to it with `CONNECT host:port` (RFC 9110 §9.3.6) for `https` and `http` targets alike, so
/// the proxy sees the target's name and port, never a request or a token. Credentials in the URL become a
/// `Proxy-Authorization: Basic` header (RFC 9110 §11.7.2, RFC 7617) and are never printed: ``description`` is
/// `http://host:port`.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// `user:password` as given (percent-decoded), for the Basic credentials; `nil` without user info.
    let credentials: Secret?

    /// Parses a proxy URL; `variable` names where it came from, for the message. A URL without a scheme is taken as
    /// `http://` (curl's rule); `https://` and other schemes, a path, a query or a bad port are errors.
    public init(_ text: String, variable: String) throws(OAuth2ClientError) {
        func fail(_ why: String) -> OAuth2ClientError {
            OAuth2ClientError(.proxyConfiguration, "\(variable): \(why) (expected http://host:port)")
        }
        var rest = Substring(text.trimmed(" \t\r\n"))
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            let scheme = rest[..<colon].lowercased()
            guard scheme == "http" else {
                throw fail(scheme == "https" ? "an https:// proxy is not supported" : "the scheme '\(ExternalText.escaped(scheme))' is not a proxy scheme")
            }
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#"), !rest.contains(where: \.isWhitespace) else {
            throw fail("not a proxy URL")
        }
        var credentials: Secret?
        if let at = rest.lastIndex(of: "@") {
            guard let decoded = FormURLEncoding.percentDecoded(rest[..<at], plusIsSpace: false) else { throw fail("bad percent-encoding in the user info") }
            // `user` alone is `user:` with an empty password (RFC 7617 §2 needs the colon), as curl sends it.
            credentials = Secret(decoded.contains(":") ? decoded : decoded + ":")
            rest = rest[rest.index(after: at)...]
        }
        let parsed: HostPort
        do throws(HostPort.Problem) {
            parsed = try HostPort(rest)
        } catch {
            throw fail(error == .badPort ? "bad port" : "bad IPv6 literal")
        }
        let host = parsed.bareHost
        let port = parsed.port ?? 80
        guard !host.isEmpty, !host.contains(":") || parsed.host.hasPrefix("[") else { throw fail("no usable host") }
        self.host = host.lowercased()
        self.port = port
        self.credentials = credentials
    }

    public var description: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// Whether the URL carried user info (then a `Proxy-Authorization` header is sent).
    public var hasCredentials: Bool { credentials != nil }

    public static func == (a: ProxyServer, b: ProxyServer) -> Bool {
        a.host == b.host && a.port == b.port && a.credentials?.value == b.credentials?.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(host)
        hasher.combine(port)
        hasher.combine(credentials?.value)
    }
}
