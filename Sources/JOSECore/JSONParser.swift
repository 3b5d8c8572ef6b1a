/// A strict JSON parser (RFC 8259) into ``JSONValue``.
///
/// - Rejects duplicate member names, naming the member (RFC 7515 §4: "The Header Parameter names within the JOSE
///   Header MUST be unique"; RFC 7519 §4: claim names "MUST be unique"). Other parsers silently keep the first or
///   the last value, which is how two parties can read one token differently.
/// - Rejects invalid UTF-8, unpaired surrogate escapes, control characters in strings, leading zeros, `NaN`, trailing
///   commas, and anything after the top-level value.
/// - Limits input size and nesting depth; both are checked before any deep work, and parsing recursion is bounded
///   by the depth limit, so hostile input ends in a ``JOSEError`` and never in a stack overflow.
public struct JSONParser: Sendable {
    public struct Limits: Sendable, Equatable {
        /// Largest document in bytes. Default 1 MiB.
        public var maxBytes: Int
        /// Deepest nesting of arrays and objects. Default 64.
        public var maxDepth: Int
        public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
        public static let `default` = Limits()
    }

    public var limits: Limits

    public init(limits: Limits = .default) { self.limits = limits }

    /// Parses `bytes`; `context` names the document in errors ("header", "claims", "JWK", …).
    public func parse(_ bytes: [UInt8], context: String = "JSON") throws(JOSEError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JOSEError) in try parse(buffer: buffer, context: context) }
    }

    /// Parses bytes the caller holds (a stack buffer, a slice of the token).
    func parse(buffer: UnsafeBufferPointer<UInt8>, context: String) throws(JOSEError) -> JSONValue {
        guard buffer.count <= limits.maxBytes else {
            throw JOSEError(.inputTooLarge, "\(context): JSON of \(buffer.count) bytes exceeds the limit of \(limits.maxBytes) bytes")
        }
        var state = State(bytes: buffer, maxDepth: limits.maxDepth, context: context)
        state.skipWhitespace()
        let value = try state.parseValue(depth: 0)
        state.skipWhitespace()
        if state.index != buffer.count {
            throw state.error("unexpected data after the JSON value")
        }
        return value
    }

    public func parse(_ text: String, context: String = "JSON") throws(JOSEError) -> JSONValue {
        try parse(Array(text.utf8), context: context)
    }
}

/// The cursor over one document. Strings are scanned eight bytes at a time (SWAR): a word without a quote, a
/// backslash, a control byte or (until one was seen) a non-ASCII byte is skipped whole; the first such byte is found
/// with a trailing-zero count, and everything after it goes through the same byte checks as before, so errors and
/// their offsets do not depend on where the word boundaries fall.
private struct State {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let context: String
    var index = 0
    /// ``JSONObject/hash(_:)-(String)`` of the last member name parsed.
    var lastHash: UInt64 = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, context: String) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.context = context
    }

    @inline(never)
    func error(_ message: String) -> JOSEError {
        JOSEError(.invalidJSON, "\(context): \(message) at byte offset \(index)")
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JOSEError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString(isName: false))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case let byte where byte >= 0x80: throw error("non-ASCII byte outside a string")
        case let byte: throw error("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    mutating func literal(_ word: StaticString) throws(JOSEError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw error("unexpected end of input") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for k in 0..<length where bytes[index + k] != expected[k] {
            throw error("invalid literal")
        }
        index += length
    }

    mutating func parseObject(depth: Int) throws(JOSEError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than the limit of \(maxDepth)") }
        index += 1
        var members: [JSONObject.Member] = []
        // Duplicate names: a linear scan while the object is small (JOSE headers, claims), a set beyond that.
        var seen: Set<String>? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        // The top level (a JOSE header, a claims set) is sized from the document, at one member per 20 bytes
        // (members are rarely shorter), 4 to 32: one allocation instead of up to six growths. Nested objects start
        // at 4.
        members.reserveCapacity(depth == 1 ? min(max(bytes.count / 20, 4), 32) : 4)
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let nameOffset = index
            let name = try parseString(isName: true)
            let nameHash = lastHash
            let duplicate: Bool
            if seen != nil {
                duplicate = !seen!.insert(name).inserted
            } else if members.count < 32 {
                // Keys first (exact for names of up to 7 bytes); whole strings only when they agree.
                duplicate = members.contains { $0.nameHash == nameHash && $0.name == name }
            } else {
                var set = Set(members.map(\.name))
                duplicate = !set.insert(name).inserted
                seen = set
            }
            if duplicate {
                index = nameOffset
                throw error("duplicate member name \"\(name)\"")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONObject.Member(name: name, value: value, nameHash: nameHash))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(JSONObject(members)) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray(depth: Int) throws(JOSEError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than the limit of \(maxDepth)") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        elements.reserveCapacity(4)
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func parseNumber() throws(JOSEError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("leading zero in a number") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid fraction in a number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid exponent in a number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return JSONNumber(text: Self.makeString(UnsafeBufferPointer(start: bytes.baseAddress! + start, count: index &- start)))
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// High bit set in each byte of `word` that is a quote, a backslash or a control byte (below 0x20). Exact for
    /// the lowest flagged byte (borrows only flag bytes above a true hit), which is the only one used.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteHit = (quote &- ones) & ~quote
        let backslashHit = (backslash &- ones) & ~backslash
        let controlHit = (word &- ones &* 0x20) & ~word
        return (quoteHit | backslashHit | controlHit) & highBits
    }

    /// A string at `index` (its opening quote). `isName` also sets ``lastHash`` and returns registered names as
    /// constants.
    mutating func parseString(isName: Bool) throws(JOSEError) -> String {
        let start = index + 1
        let count = bytes.count
        var i = start
        // Fast path: no escapes; UTF-8 is validated only when a non-ASCII byte was seen.
        var ascii = true
        while i < count {
            if i &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let hits = ascii ? Self.specialBytes(word) | (word & Self.highBits) : Self.specialBytes(word)
                if hits == 0 {
                    i &+= 8
                    continue
                }
                i &+= hits.trailingZeroBitCount &>> 3
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                index = i
                throw error("unescaped control character in a string")
            }
            if byte >= 0x80 { ascii = false }
            i &+= 1
        }
        index = i
        guard i < count else { throw error("unterminated string") }
        guard bytes[i] == UInt8(ascii: "\"") else { return try parseEscapedString(start: start, isName: isName) }
        // `bytes` is not empty here (a quote was read); built from the base address without rebasing's range checks.
        let slice = UnsafeBufferPointer(start: bytes.baseAddress! + start, count: i &- start)
        if !ascii, !UTF8Validation.isValid(slice) {
            index = start
            throw error("invalid UTF-8 in a string")
        }
        index = i + 1
        if isName {
            let length = i - start
            if length < 8 {
                let key: UInt64
                if start &+ 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: start, as: UInt64.self))
                    key = word & ((1 &<< (8 &* UInt64(length))) &- 1) | UInt64(length) &<< 56
                } else {
                    key = JSONObject.hash(slice)
                }
                lastHash = key
                if let registered = RegisteredName.lookup(key) { return registered.text }
            } else {
                lastHash = JSONObject.longHash(slice.baseAddress!, count: length)
            }
        }
        return Self.makeString(slice)
    }

    /// A `String` of already validated UTF-8. Up to 15 bytes it is built in place as a small string (the standard
    /// library then checks only its ASCII bit), which costs about a third less than `String(decoding:as:)`.
    @inline(__always)
    static func makeString(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        let count = utf8.count
        guard count <= 15 else { return String(decoding: utf8, as: UTF8.self) }
        guard count > 0, let source = utf8.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: count) { out in
            out.baseAddress!.update(from: source, count: count)
            return count
        }
    }

    /// The rest of a string from its first backslash (at `index`): unescaped into a buffer.
    mutating func parseEscapedString(start: Int, isName: Bool) throws(JOSEError) -> String {
        var scalars: [UInt8] = []
        scalars.reserveCapacity(index - start + 16)
        scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let (valid, hash) = scalars.withUnsafeBufferPointer { (UTF8Validation.isValid($0), isName ? JSONObject.hash($0) : 0) }
                guard valid else { throw error("invalid UTF-8 in a string") }
                lastHash = hash
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("unpaired surrogate escape")
                    }
                    guard Unicode.Scalar(code) != nil else { throw error("invalid unicode escape") }
                    Self.appendUTF8(code, to: &scalars)
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            default:
                if byte < 0x20 { throw error("unescaped control character in a string") }
                scalars.append(byte)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// UTF-8 of a scalar value (RFC 3629 §3).
    static func appendUTF8(_ code: UInt32, to out: inout [UInt8]) {
        switch code {
        case ..<0x80:
            out.append(UInt8(code))
        case ..<0x800:
            out.append(UInt8(0xC0 | code >> 6))
            out.append(UInt8(0x80 | code & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | code >> 12))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        default:
            out.append(UInt8(0xF0 | code >> 18))
            out.append(UInt8(0x80 | code >> 12 & 0x3F))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        }
    }

    mutating func hex4() throws(JOSEError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a unicode escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
