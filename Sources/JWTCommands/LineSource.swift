#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of bytes, one at a time (streamed: memory does not grow with the input).
public protocol LineSource {
    /// The next line without its `\n` (and `\r`), or `nil` at the end.
    mutating func nextLine() throws(JWTCommandsError) -> [UInt8]?
}

/// Lines from a file descriptor through a fixed buffer (grown only for a long line, up to ``maxLineBytes``).
public final class FDLineReader: LineSource {
    /// A line longer than this is not a token line: the input is not line-oriented text.
    public static let maxLineBytes = 1 << 20
    private let fd: Int32
    private let ownsFD: Bool
    private let name: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEOF = false

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.ownsFD = false
        self.name = name
    }

    /// Opens `path`: missing or a directory → ``JWTCommandsError/noInput(_:)`` (exit 66).
    public init(path: String) throws(JWTCommandsError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw JWTCommandsError.noInput("cannot open \(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw JWTCommandsError.noInput("cannot read \(path): it is a directory")
        }
        self.fd = fd
        self.ownsFD = true
        self.name = path
    }

    deinit { if ownsFD { close(fd) } }

    public func nextLine() throws(JWTCommandsError) -> [UInt8]? {
        while true {
            if let newline = firstNewline() {
                var stop = newline
                if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
                let line = Array(buffer[start..<stop])
                start = newline + 1
                return line
            }
            if atEOF {
                guard start < end else { return nil }
                let line = Array(buffer[start..<end])
                start = end
                return line
            }
            try fill()
        }
    }

    private func firstNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let found = memchr(pointer.baseAddress! + start, 0x0A, end - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(pointer.baseAddress!)
        }
    }

    private func fill() throws(JWTCommandsError) {
        if start > 0 {
            let count = end - start
            buffer.withUnsafeMutableBufferPointer { pointer in
                _ = memmove(pointer.baseAddress!, pointer.baseAddress! + start, count)
            }
            start = 0
            end = count
        }
        if end == buffer.count {
            guard buffer.count < Self.maxLineBytes else {
                throw JWTCommandsError.unreadableLines("\(name): a line is longer than \(Self.maxLineBytes) bytes: not one token per line")
            }
            buffer += [UInt8](repeating: 0, count: buffer.count)
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { pointer in
                read(fd, pointer.baseAddress! + end, pointer.count - end)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw JWTCommandsError.unreadableLines("cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEOF = true } else { end += n }
            return
        }
    }
}

/// Lines from bytes in memory (tests, small inputs).
public struct BytesLineSource: LineSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func nextLine() throws(JWTCommandsError) -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        let newline = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        var stop = newline
        if stop > offset, bytes[stop - 1] == 0x0D { stop -= 1 }
        let line = Array(bytes[offset..<stop])
        offset = newline + 1
        return line
    }
}
