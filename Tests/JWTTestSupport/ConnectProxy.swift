import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP proxy on 127.0.0.1 (an ephemeral port) that answers `CONNECT host:port` (RFC 9110 §9.3.6) with
/// `200` and relays bytes both ways — AsyncHTTPClient tunnels `http` and `https` targets alike through CONNECT. It
/// records each tunnel's target and `Proxy-Authorization` header and counts tunnels relayed. Only loopback targets
/// (`127.0.0.1`, `localhost`, `::1`) are connected: anything else is answered `403`, so nothing leaves loopback.
/// Anything but CONNECT is answered `405`. Blocking sockets, one thread per direction: a test helper, not a server.
public final class ConnectProxy: @unchecked Sendable {
    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let state = NIOLockedValueBox(State())

    private struct State {
        var targets: [String] = []
        var authorizations: [String?] = []
        var relayed = 0
        var refused = 0
        var stopped = false
        var open: Set<Int32> = []
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Binds and starts accepting before it returns.
    public init() throws {
        let (fd, port) = try Self.listen()
        self.listener = fd
        self.port = port
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `host:port` of each CONNECT, in order (also those refused).
    public var targets: [String] { state.withLockedValue { $0.targets } }
    /// The `Proxy-Authorization` value of each CONNECT (`nil`: none sent).
    public var authorizations: [String?] { state.withLockedValue { $0.authorizations } }
    /// Tunnels established to a loopback target.
    public var relayed: Int { state.withLockedValue { $0.relayed } }
    /// Requests answered 403 or 405.
    public var refused: Int { state.withLockedValue { $0.refused } }

    /// Stops accepting and closes every open connection (idempotent).
    public func stop() {
        let open: Set<Int32>? = state.withLockedValue { s in
            guard !s.stopped else { return nil }
            s.stopped = true
            return s.open
        }
        guard let open else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            guard track(client) else {
                close(client)
                return
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    /// Remembers an open descriptor; false once stopped.
    private func track(_ fd: Int32) -> Bool {
        state.withLockedValue { s in
            guard !s.stopped else { return false }
            s.open.insert(fd)
            return true
        }
    }

    private func finish(_ fds: Int32...) {
        state.withLockedValue { s in for fd in fds { s.open.remove(fd) } }
        for fd in fds { close(fd) }
    }

    private func serve(_ client: Int32) {
        guard let head = Self.readHead(client) else { return finish(client) }
        let lines = head.components(separatedBy: "\r\n")
        let words = lines.first?.split(separator: " ").map(String.init) ?? []
        let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        guard words.count == 3, words[0] == "CONNECT" else {
            state.withLockedValue { $0.refused += 1 }
            Self.send(client, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return finish(client)
        }
        let target = words[1]
        state.withLockedValue {
            $0.targets.append(target)
            $0.authorizations.append(authorization)
        }
        guard let (host, port) = Self.loopbackTarget(target), let upstream = Self.connect(host: host, port: port), track(upstream) else {
            state.withLockedValue { $0.refused += 1 }
            Self.send(client, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return finish(client)
        }
        state.withLockedValue { $0.relayed += 1 }
        Self.send(client, "HTTP/1.1 200 Connection established\r\n\r\n")
        let done = NIOLockedValueBox(0)
        let pump: @Sendable (Int32, Int32) -> Void = { [self] from, to in
            Self.relay(from: from, to: to)
            let both = done.withLockedValue { n in
                n += 1
                return n == 2
            }
            if both { finish(client, upstream) }
        }
        Thread.detachNewThread { pump(upstream, client) }
        pump(client, upstream)
    }

    /// `host:port` when the host is loopback: `127.0.0.1`, `localhost`, `[::1]`.
    static func loopbackTarget(_ target: String) -> (String, Int)? {
        guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        switch target[..<colon].lowercased() {
        case "127.0.0.1", "localhost": return ("127.0.0.1", port)
        case "[::1]": return ("::1", port)
        default: return nil
        }
    }

    /// Copies bytes until `from` ends, then ends the write side of `to`.
    static func relay(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(from, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            guard writeAll(to, Array(buffer[0..<n])) else { break }
        }
        shutdown(to, Int32(SHUT_WR))
    }

    /// Reads up to the blank line that ends a request head (at most 16 KiB), one byte at a time so nothing after it
    /// is consumed.
    static func readHead(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 16384 {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            bytes.append(byte)
            if bytes.count >= 4, bytes.suffix(4) == [13, 10, 13, 10] { return String(decoding: bytes.dropLast(4), as: UTF8.self) }
        }
        return nil
    }

    static func send(_ fd: Int32, _ text: String) { _ = writeAll(fd, Array(text.utf8)) }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func connect(host: String, port: Int) -> Int32? {
        if host == "::1" {
            #if canImport(Glibc)
            let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let fd = socket(AF_INET6, SOCK_STREAM, 0)
            #endif
            guard fd >= 0 else { return nil }
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            address.sin6_addr = in6addr_loopback
            let ok = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
            if ok != 0 { close(fd); return nil }
            return fd
        }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let ok = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if ok != 0 { close(fd); return nil }
        return fd
    }

    static func listen() throws -> (Int32, Int) {
        try ListeningSocket.bindLoopback(backlog: 64)
    }
}
