#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JOSECore

/// Reuses a token until shortly before it expires (seed 001, "Best Practices": cache tokens, issue a new one only
/// when they expire). Keyed by endpoint, client id and scope — never by or with the secret.
///
/// Optionally persisted to a JSON file created with mode 0600 (written to a temporary file, then renamed). The file
/// holds access tokens and expiry times only.
public actor TokenCache {
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        public let endpoint: String
        public let clientID: String
        public let scope: String?
        public init(endpoint: String, clientID: String, scope: String? = nil) {
            self.endpoint = endpoint
            self.clientID = clientID
            self.scope = scope
        }
        public var description: String { endpoint + " " + clientID + (scope.map { " " + $0 } ?? "") }
    }

    public struct Entry: Sendable, Equatable {
        public let accessToken: AccessToken
        /// Seconds since the epoch.
        public let expiresAt: Double
    }

    /// A token handed out, and whether it came from the cache.
    public struct Lookup: Sendable, Equatable {
        public let accessToken: AccessToken
        public let expiresAt: Double
        public let fromCache: Bool
    }

    private var entries: [Key: Entry] = [:]
    private let now: @Sendable () -> Double
    /// A cached token is reused while more than this many seconds of its lifetime remain.
    public let refreshMargin: Double
    /// Tokens without `expires_in` are cached for this long.
    public let defaultLifetime: Double
    public let path: String?

    public init(path: String? = nil, refreshMargin: Double = 60, defaultLifetime: Double = 300, now: @escaping @Sendable () -> Double) throws(OAuth2ClientError) {
        self.path = path
        self.refreshMargin = refreshMargin
        self.defaultLifetime = defaultLifetime
        self.now = now
        if let path { self.entries = try Self.load(path) }
    }

    /// The cached token for `key` if still fresh, else the result of `fetch` (stored, and written to disk if set).
    public func token(for key: Key, fetch: @Sendable () async throws(OAuth2ClientError) -> TokenResponse) async throws(OAuth2ClientError) -> Lookup {
        let current = now()
        if let entry = entries[key], entry.expiresAt - refreshMargin > current {
            return Lookup(accessToken: entry.accessToken, expiresAt: entry.expiresAt, fromCache: true)
        }
        let response = try await fetch()
        let expiresAt = current + (response.expiresIn.map(Double.init) ?? defaultLifetime)
        let entry = Entry(accessToken: response.accessToken, expiresAt: expiresAt)
        entries[key] = entry
        if let path { try Self.save(entries, to: path) }
        return Lookup(accessToken: entry.accessToken, expiresAt: expiresAt, fromCache: false)
    }

    public func entry(for key: Key) -> Entry? { entries[key] }

    public func remove(_ key: Key) throws(OAuth2ClientError) {
        entries[key] = nil
        if let path { try Self.save(entries, to: path) }
    }

    // MARK: file

    static func load(_ path: String) throws(OAuth2ClientError) -> [Key: Entry] {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { return [:] }
            throw OAuth2ClientError(.cacheIO, "token cache \(path) cannot be opened")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n < 0 { throw OAuth2ClientError(.cacheIO, "token cache \(path) cannot be read") }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > 16 << 20 { throw OAuth2ClientError(.cacheIO, "token cache \(path) is larger than 16 MiB") }
        }
        guard let root = try? JSONParser(limits: .init(maxBytes: 16 << 20)).parse(bytes, context: "token cache"),
            let list = root["entries"]?.arrayValue
        else { throw OAuth2ClientError(.cacheIO, "token cache \(path) is not a token cache file") }
        var entries: [Key: Entry] = [:]
        for item in list {
            guard let endpoint = item["endpoint"]?.stringValue, let client = item["client_id"]?.stringValue,
                let token = item["access_token"]?.stringValue, let exp = item["expires_at"]?.numberValue?.doubleValue
            else { continue }
            entries[Key(endpoint: endpoint, clientID: client, scope: item["scope"]?.stringValue)] = Entry(accessToken: AccessToken(token), expiresAt: exp)
        }
        return entries
    }

    static func save(_ entries: [Key: Entry], to path: String) throws(OAuth2ClientError) {
        let sorted = entries.sorted { $0.key.description < $1.key.description }
        let list: [JSONValue] = sorted.map { key, entry in
            var object: JSONObject = ["endpoint": .string(key.endpoint), "client_id": .string(key.clientID)]
            if let scope = key.scope { object["scope"] = .string(scope) }
            object["access_token"] = .string(entry.accessToken.value)
            object["expires_at"] = .number(JSONNumber(entry.expiresAt))
            return .object(object)
        }
        let text = JSONValue.object(["version": 1, "entries": .array(list)]).pretty() + "\n"
        let temporary = path + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw OAuth2ClientError(.cacheIO, "token cache \(path) cannot be written") }
        _ = fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                close(fd)
                unlink(temporary)
                throw OAuth2ClientError(.cacheIO, "token cache \(path) cannot be written")
            }
            written += n
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OAuth2ClientError(.cacheIO, "token cache \(path) cannot be replaced")
        }
    }
}
