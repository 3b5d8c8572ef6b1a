#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing report files with POSIX calls: parent folders created, content replaced atomically (temp file + rename),
/// or appended (`GITHUB_STEP_SUMMARY`).
public struct ReportFiles: Sendable {
    public var write: @Sendable (_ path: String, _ text: String) throws(JWTCommandsError) -> Void
    public var append: @Sendable (_ path: String, _ text: String) throws(JWTCommandsError) -> Void

    public init(write: @escaping @Sendable (String, String) throws(JWTCommandsError) -> Void,
                append: @escaping @Sendable (String, String) throws(JWTCommandsError) -> Void) {
        self.write = write
        self.append = append
    }

    public static let live = ReportFiles(
        write: { path, text throws(JWTCommandsError) in
            try makeParents(of: path)
            let temporary = path + ".tmp-\(getpid())"
            try writeAll(temporary, text, flags: O_WRONLY | O_CREAT | O_TRUNC)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw JWTCommandsError.cannotWrite("cannot write \(path): \(reason)")
            }
        },
        append: { path, text throws(JWTCommandsError) in
            try writeAll(path, text, flags: O_WRONLY | O_CREAT | O_APPEND)
        }
    )

    static func writeAll(_ path: String, _ text: String, flags: Int32) throws(JWTCommandsError) {
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw JWTCommandsError.cannotWrite("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = Array(text.utf8)
        var offset = 0
        let failed: Bool = bytes.withUnsafeMutableBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return true }
                offset += n
            }
            return false
        }
        if failed { throw JWTCommandsError.cannotWrite("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    static func makeParents(of path: String) throws(JWTCommandsError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var current = ""
        for part in path[..<slash].split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && part.isEmpty) ? "/" : (current.isEmpty || current == "/" ? "" : "/") + part
            if part.isEmpty { continue }
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw JWTCommandsError.cannotWrite("cannot create folder \(current): \(String(cString: strerror(errno)))")
            }
        }
    }
}
