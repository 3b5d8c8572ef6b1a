#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client secret. Its description, debug description and mirror are redacted, so string interpolation, `print`,
/// `dump` and error messages never show it. The value is reachable only inside this module (and `@testable` tests).
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
    public var isEmpty: Bool { value.isEmpty }

    /// Reads the secret from the environment variable `name` (the variables are injected).
    public static func environment(_ name: String, in variables: [String: String]) throws(OAuth2ClientError) -> Secret {
        guard let value = variables[name], !value.isEmpty else {
            throw OAuth2ClientError(.secretUnavailable, "environment variable \(name) is not set or empty")
        }
        return Secret(value)
    }

    /// Reads the secret from a file (first line; a trailing newline is dropped). At most 64 KiB.
    public static func file(_ path: String) throws(OAuth2ClientError) -> Secret {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OAuth2ClientError(.secretUnavailable, "secret file \(path) cannot be opened") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= 65536 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
            if n < 0 { throw OAuth2ClientError(.secretUnavailable, "secret file \(path) cannot be read") }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        guard bytes.count <= 65536 else { throw OAuth2ClientError(.secretUnavailable, "secret file \(path) is larger than 64 KiB") }
        var text = String(decoding: bytes, as: UTF8.self)
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) { text = String(text[..<newline]) }
        guard !text.isEmpty else { throw OAuth2ClientError(.secretUnavailable, "secret file \(path) is empty") }
        return Secret(text)
    }
}

/// The credentials of one OAuth 2.0 client (RFC 6749 §2.3.1).
public struct ClientCredentials: Sendable, Equatable {
    public var clientID: String
    public var secret: Secret

    public init(clientID: String, secret: Secret) {
        self.clientID = clientID
        self.secret = secret
    }
}
