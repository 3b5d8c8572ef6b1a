import JOSECore

/// Where a token comes from: the argument, `-`/nothing for stdin, `@path` for a file. Surrounding whitespace, a
/// `Bearer ` prefix (RFC 6750 §2.1) and a whole `Authorization: Bearer …` header line are accepted.
enum TokenInput {
    /// Reads and normalizes the token text.
    static func read(_ argument: String?, environment: CommandEnvironment, limit: Int) throws(JWTCommandsError) -> String {
        let raw: [UInt8]
        let source: String
        switch argument {
        case nil, "-"?:
            raw = try environment.readStdin(limit)
            source = "stdin"
        case let value? where value.hasPrefix("@"):
            let path = String(value.dropFirst())
            guard !path.isEmpty else { throw JWTCommandsError.usage("'@' must be followed by a file path") }
            raw = try environment.readFile(path, limit)
            source = path
        case let value?:
            raw = Array(value.utf8)
            source = "the argument"
        }
        guard raw.count <= limit else {
            throw JWTCommandsError(JOSEError(.inputTooLarge, "input from \(source) is larger than the limit of \(limit) bytes"))
        }
        return normalize(String(decoding: raw, as: UTF8.self))
    }

    /// Strips whitespace, `Authorization:` and `Bearer` (both case-insensitive).
    static func normalize(_ text: String) -> String {
        var s = Substring(text).trimmingWhitespace()
        if s.lowercased().hasPrefix("authorization:") {
            s = s.dropFirst("authorization:".count).trimmingWhitespace()
        }
        if s.count > 7, s.prefix(7).lowercased() == "bearer ", true {
            s = s.dropFirst(7).trimmingWhitespace()
        }
        return String(s)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
