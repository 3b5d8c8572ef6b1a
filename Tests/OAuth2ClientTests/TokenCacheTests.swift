import Testing
@testable import OAuth2Client

#if canImport(Glibc)
import Glibc
#endif

final class FakeClock: @unchecked Sendable {
    var now: Double
    init(_ now: Double) { self.now = now }
}

@Suite("Token cache: reuse until shortly before expiry; 0600 file without the secret")
struct TokenCacheTests {
    static func response(_ token: String, expiresIn: Int) throws(OAuth2ClientError) -> TokenResponse {
        try TokenResponse.parse(HTTPTransportResponse(status: 200, headers: jsonHeaders,
            body: Array(#"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(expiresIn)}"#.utf8)))
    }

    @Test func reusesUntilMarginThenRefreshes() async throws {
        let clock = FakeClock(1_000_000)
        let cache = try TokenCache(refreshMargin: 60, now: { clock.now })
        let key = TokenCache.Key(endpoint: "https://as.example/token", clientID: "c")
        let counter = FetchCounter()
        let first = try await cache.token(for: key) { () throws(OAuth2ClientError) in counter.bump(); return try Self.response("t1", expiresIn: 600) }
        #expect(!first.fromCache)
        clock.now += 500
        let second = try await cache.token(for: key) { () throws(OAuth2ClientError) in counter.bump(); return try Self.response("t2", expiresIn: 600) }
        #expect(second.fromCache && second.accessToken.value == "t1")
        clock.now += 45  // 55 s left < 60 s margin
        let third = try await cache.token(for: key) { () throws(OAuth2ClientError) in counter.bump(); return try Self.response("t3", expiresIn: 600) }
        #expect(!third.fromCache && third.accessToken.value == "t3")
        #expect(counter.count == 2)
    }

    @Test func separateKeysPerClientAndScope() async throws {
        let cache = try TokenCache(now: { 0 })
        let a = try await cache.token(for: .init(endpoint: "e", clientID: "a")) { () throws(OAuth2ClientError) in try Self.response("ta", expiresIn: 600) }
        let b = try await cache.token(for: .init(endpoint: "e", clientID: "a", scope: "x")) { () throws(OAuth2ClientError) in try Self.response("tb", expiresIn: 600) }
        #expect(a.accessToken != b.accessToken)
    }

    @Test func fileHasMode0600AndNoSecretAndReloads() async throws {
        let path = "/tmp/oauth2-token-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        defer { unlink(path) }
        let secret = Secret("the-client-secret-value")
        let cache = try TokenCache(path: path, now: { 100 })
        let key = TokenCache.Key(endpoint: "https://as.example/token", clientID: "client-1")
        _ = try await cache.token(for: key) { () throws(OAuth2ClientError) in
            _ = secret
            return try Self.response("cached-token", expiresIn: 3600)
        }
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let fd = open(path, O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(fd, &buffer, buffer.count)
        close(fd)
        let text = String(decoding: buffer[0..<max(0, n)], as: UTF8.self)
        #expect(text.contains("cached-token"))
        #expect(text.contains("client-1"))
        #expect(!text.contains(secret.value))
        let reloaded = try TokenCache(path: path, now: { 200 })
        let hit = try await reloaded.token(for: key) { () throws(OAuth2ClientError) in throw OAuth2ClientError(.network, "must not fetch") }
        #expect(hit.fromCache && hit.accessToken.value == "cached-token")
    }

    /// The temporary file was `path.tmp<pid>` opened with `O_CREAT|O_TRUNC`: a symbolic link planted at that
    /// predictable name made the cache overwrite (truncate, then fill with tokens) whatever the link pointed at.
    @Test func plantedSymlinkAtTheOldTemporaryNameIsNotFollowed() async throws {
        let base = "/tmp/oauth2-token-cache-link-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let path = base + ".json"
        let victim = base + ".victim"
        let planted = path + ".tmp\(getpid())"
        let fd = open(victim, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = "precious".withCString { write(fd, $0, 8) }
        close(fd)
        #expect(symlink(victim, planted) == 0)
        defer { unlink(path); unlink(victim); unlink(planted) }

        let cache = try TokenCache(path: path, now: { 100 })
        _ = try await cache.token(for: .init(endpoint: "e", clientID: "c")) { () throws(OAuth2ClientError) in
            try Self.response("cached-token", expiresIn: 3600)
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        let vfd = open(victim, O_RDONLY)
        let n = read(vfd, &buffer, buffer.count)
        close(vfd)
        #expect(String(decoding: buffer[0..<max(0, n)], as: UTF8.self) == "precious")
        var info = stat()
        #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_mode & 0o777 == 0o600)
        // No temporary file is left behind beside the cache.
        let name = String(path.split(separator: "/").last!)
        #expect(Self.entries(in: "/tmp").filter { $0.hasPrefix(name + ".tmp-") }.isEmpty)
    }

    static func entries(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
        }
        return names
    }

    @Test func corruptFileIsATypedError() throws {
        let path = "/tmp/oauth2-token-cache-bad-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = "not json".withCString { write(fd, $0, 8) }
        close(fd)
        defer { unlink(path) }
        #expect(throws: OAuth2ClientError(.cacheIO, "")) { try TokenCache(path: path, now: { 0 }) }
    }
}

final class FetchCounter: @unchecked Sendable {
    var count = 0
    func bump() { count += 1 }
}
