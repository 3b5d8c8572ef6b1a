import JOSECore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `NO_PROXY` / `no_proxy`: the hosts reached directly although a proxy is set, by curl's rules (curl(1) `--noproxy`,
/// `CURLOPT_NOPROXY`):
///
/// - comma-separated entries, spaces around them ignored, compared case-insensitively;
/// - `*` alone matches every host;
/// - `example.com` and `.example.com` both match `example.com` and every name under it (`api.example.com`), never
///   `badexample.com`; a leading `*.` is read as `.` (a common spelling curl does not know);
/// - an IP literal (`10.1.2.3`, `::1`, `[::1]`) matches that address only; a CIDR block (`10.0.0.0/8`, `fd00::/8`)
///   matches the addresses in it; names are never resolved to compare with addresses;
/// - an entry may end in `:port` (`example.com:8443`, `[::1]:8080`): then it matches only that port.
///
/// A port that is not 1–65535 or a CIDR prefix that does not fit its address is an error: a typo must not send
/// traffic through a proxy it was meant to bypass.
public struct NoProxyList: Sendable, Equatable {
    enum Entry: Sendable, Equatable {
        case all
        /// A name and every name under it.
        case domain(String, port: Int?)
        /// An address block: 4 or 16 bytes and the prefix length in bits.
        case block([UInt8], prefix: Int, port: Int?)
    }

    let entries: [Entry]

    /// The empty list: nothing bypasses the proxy.
    public static let empty = NoProxyList(entries: [])

    init(entries: [Entry]) { self.entries = entries }

    /// Parses the variable's value; `variable` names it in messages.
    public init(_ text: String, variable: String) throws(OAuth2ClientError) {
        var entries: [Entry] = []
        for raw in text.split(separator: ",") {
            let item = raw.trimmingSpaces.lowercased()
            if item.isEmpty { continue }
            if item == "*" {
                entries.append(.all)
                continue
            }
            entries.append(try Self.entry(item, variable: variable))
        }
        self.entries = entries
    }

    /// Whether `host` (as in a URL: a name, an IPv4 literal or a bracketed IPv6 literal) on `port` is reached directly.
    public func matches(host: String, port: Int) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        let address = Self.address(name)
        for entry in entries {
            switch entry {
            case .all:
                return true
            case .domain(let domain, let entryPort):
                if let entryPort, entryPort != port { continue }
                if name == domain || name.hasSuffix("." + domain) { return true }
            case .block(let bytes, let prefix, let entryPort):
                if let entryPort, entryPort != port { continue }
                if let address, Self.inBlock(address, bytes, prefix: prefix) { return true }
            }
        }
        return false
    }

    private static func entry(_ item: String, variable: String) throws(OAuth2ClientError) -> Entry {
        func fail(_ why: String) -> OAuth2ClientError {
            OAuth2ClientError(.proxyConfiguration, "\(variable): '\(item)': \(why)")
        }
        let parsed: HostPort
        do throws(HostPort.Problem) {
            parsed = try HostPort(Substring(item), bareIPv6: true)
        } catch {
            throw fail(error == .badPort ? "bad port" : "bad IPv6 literal")
        }
        let hostPart = Substring(parsed.bareHost)
        let port = parsed.port
        if let slash = hostPart.firstIndex(of: "/") {
            guard let bytes = address(String(hostPart[..<slash])) else { throw fail("a CIDR block needs an IP address before '/'") }
            guard let prefix = Int(hostPart[hostPart.index(after: slash)...]), (0...(bytes.count * 8)).contains(prefix) else {
                throw fail("bad CIDR prefix length")
            }
            return .block(bytes, prefix: prefix, port: port)
        }
        if let bytes = address(String(hostPart)) { return .block(bytes, prefix: bytes.count * 8, port: port) }
        var domain = hostPart
        if domain.hasPrefix("*.") { domain = domain.dropFirst(2) }
        while domain.hasPrefix(".") { domain = domain.dropFirst() }
        if domain.hasSuffix(".") { domain = domain.dropLast() }
        guard !domain.isEmpty, !domain.contains("*"), !domain.contains(":"), !domain.contains("/") else { throw fail("not a host name, address or CIDR block") }
        return .domain(String(domain), port: port)
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 literal (`inet_pton`); `nil` for anything else.
    static func address(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    static func inBlock(_ address: [UInt8], _ block: [UInt8], prefix: Int) -> Bool {
        guard address.count == block.count else { return false }
        var bits = prefix
        for (a, b) in zip(address, block) where bits > 0 {
            let take = min(bits, 8)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if a & mask != b & mask { return false }
            bits -= take
        }
        return true
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String { String(self).trimmed(" \t\r\n") }
}
