@testable import JOSECore
#if canImport(Glibc)
import Glibc
#endif

// The JSON parser and base64url decoder as they were before the performance work (commit 6e6832d), kept verbatim
// (renamed) as the oracle of the differential tests in `ParserDifferentialTests.swift`: same values, same error
// codes, same messages.

enum ReferenceJSON {
    static func parse(_ bytes: [UInt8], limits: JSONParser.Limits = .default, context: String = "JSON") throws(JOSEError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw JOSEError(.inputTooLarge, "\(context): JSON of \(bytes.count) bytes exceeds the limit of \(limits.maxBytes) bytes")
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(JOSEError) in
            var state = ReferenceJSONState(bytes: buffer, maxDepth: limits.maxDepth, context: context)
            state.skipWhitespace()
            let value = try state.parseValue(depth: 0)
            state.skipWhitespace()
            if state.index != buffer.count {
                throw state.error("unexpected data after the JSON value")
            }
            return value
        }
    }
}

struct ReferenceJSONState {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let context: String
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, context: String) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.context = context
    }

    func error(_ message: String) -> JOSEError {
        JOSEError(.invalidJSON, "\(context): \(message) at byte offset \(index)")
    }

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
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
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
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let nameOffset = index
            let name = try parseString()
            let duplicate: Bool
            if seen != nil {
                duplicate = !seen!.insert(name).inserted
            } else if members.count < 32 {
                // Hashes first; whole strings only when they agree.
                duplicate = members.contains { $0.name == name }
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
            members.append(JSONObject.Member(name: name, value: value))
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
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func parseString() throws(JOSEError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes; UTF-8 is validated only when a non-ASCII byte was seen.
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if !ascii, !ReferenceUTF8.isValid(slice) {
                    index = start
                    throw error("invalid UTF-8 in a string")
                }
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character in a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string") }
        // Slow path with escapes.
        var scalars = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let valid = scalars.withUnsafeBufferPointer { ReferenceUTF8.isValid($0) }
                guard valid else { throw error("invalid UTF-8 in a string") }
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
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid unicode escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
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

enum ReferenceBase64URL {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 255 marks a byte outside the base64url alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Decodes a slice of bytes. The hot path of token parsing: no String, no Foundation, one allocation.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, segment: String = "input") throws(JOSEError) -> [UInt8] {
        let count = input.count
        if count % 4 == 1 {
            throw JOSEError(.invalidBase64URL, "\(segment): base64url length \(count) is impossible (a length of 1 mod 4 cannot encode whole bytes)")
        }
        let rest = count % 4
        let outputCount = count / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        var failure: Int? = nil
        var unusedBits = false
        let out = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
            decodeTable.withUnsafeBufferPointer { table in
                var i = 0, o = 0
                let quads = count - rest
                while i < quads {
                    let c0 = table[Int(input[i])], c1 = table[Int(input[i + 1])]
                    let c2 = table[Int(input[i + 2])], c3 = table[Int(input[i + 3])]
                    if (c0 | c1 | c2 | c3) == 255 { failure = i; break }
                    let value = UInt32(c0) << 18 | UInt32(c1) << 12 | UInt32(c2) << 6 | UInt32(c3)
                    buffer[o] = UInt8(truncatingIfNeeded: value >> 16)
                    buffer[o + 1] = UInt8(truncatingIfNeeded: value >> 8)
                    buffer[o + 2] = UInt8(truncatingIfNeeded: value)
                    i += 4
                    o += 3
                }
                if failure == nil, rest >= 2 {
                    let c0 = table[Int(input[i])], c1 = table[Int(input[i + 1])]
                    let c2 = rest == 3 ? table[Int(input[i + 2])] : 0
                    if (c0 | c1 | c2) == 255 {
                        failure = i
                    } else if rest == 2 {
                        unusedBits = c1 & 0x0F != 0
                        buffer[o] = c0 << 2 | c1 >> 4
                        o += 1
                    } else {
                        unusedBits = c2 & 0x03 != 0
                        buffer[o] = c0 << 2 | c1 >> 4
                        buffer[o + 1] = (c1 & 0x0F) << 4 | c2 >> 2
                        o += 2
                    }
                }
                initialized = failure == nil ? o : 0
            }
        }
        if let failure {
            try decodeTable.withUnsafeBufferPointer { table throws(JOSEError) in
                try fail(input, from: failure, segment: segment, table: table)
            }
        }
        if unusedBits {
            throw JOSEError(.invalidBase64URL, "\(segment): non-zero unused bits in the last character at byte offset \(count - 1) (non-canonical base64url)")
        }
        return out
    }

    private static func fail(_ input: UnsafeBufferPointer<UInt8>, from start: Int, segment: String, table: UnsafeBufferPointer<UInt8>) throws(JOSEError) -> Never {
        var offset = start
        while offset < input.count, table[Int(input[offset])] != 255 { offset += 1 }
        let byte = input[min(offset, input.count - 1)]
        let what: String
        switch byte {
        case UInt8(ascii: "="): what = "padding '=' (base64url in JOSE has no padding, RFC 7515 §2)"
        case UInt8(ascii: "+"), UInt8(ascii: "/"): what = "'\(Character(Unicode.Scalar(byte)))' (standard base64, not base64url)"
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): what = "whitespace"
        case 0x21...0x7E: what = "'\(Character(Unicode.Scalar(byte)))'"
        default: what = "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
        throw JOSEError(.invalidBase64URL, "\(segment): invalid base64url character \(what) at byte offset \(offset)")
    }
}


/// Well-formed UTF-8 per Unicode §3.9 Table 3-7 (no overlongs, no surrogates, nothing above U+10FFFF).
/// Non-generic over a buffer: the standard library's generic `String(validating:as:)` costs a metadata lookup per call.
enum ReferenceUTF8 {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
                i + k < n && bytes[i + k] >= lo && bytes[i + k] <= hi
            }
            switch b0 {
            case 0xC2...0xDF:
                guard cont(1) else { return false }
                i += 2
            case 0xE0:
                guard cont(1, 0xA0, 0xBF), cont(2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(1), cont(2) else { return false }
                i += 3
            case 0xED:
                guard cont(1, 0x80, 0x9F), cont(2) else { return false }
                i += 3
            case 0xF0:
                guard cont(1, 0x90, 0xBF), cont(2), cont(3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard cont(1), cont(2), cont(3) else { return false }
                i += 4
            case 0xF4:
                guard cont(1, 0x80, 0x8F), cont(2), cont(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}

struct ReferenceJOSEHeader: Equatable {
    /// All members as parsed, in their original order.
    let json: JSONObject
    /// `alg` (RFC 7515 §4.1.1): required, a string. Kept as written (case and all); see ``algorithm``.
    let alg: String
    /// `enc` (RFC 7516 §4.1.2), JWE only.
    let enc: String?
    let typ: String?
    let cty: String?
    let kid: String?
    /// `crit` (RFC 7515 §4.1.11): when present, a non-empty array of strings.
    let crit: [String]?
    let jku: String?
    let jwk: JSONObject?
    let x5u: String?
    let x5c: [String]?
    let x5t: String?
    let x5tS256: String?
    /// `b64` (RFC 7797 §3); `nil` when absent (which means `true`).
    let b64: Bool?

    /// The registered algorithm named by `alg`, if any (exact, case-sensitive match as RFC 7515 §4.1.1 requires).
    var algorithm: JWSAlgorithm? { JWSAlgorithm(rawValue: alg) }

    /// Header parameters that make the token name its own key source (RFC 8725 §3.10 / RFC 7515 §4.1.2–4.1.6).
    var selfNamedKeyParameters: [String] {
        ["jwk", "jku", "x5u", "x5c"].filter { json[$0] != nil }
    }

    /// Reads a header; `requireEnc` is set for JWE protected headers.
    init(json: JSONObject, requireEnc: Bool = false) throws(JOSEError) {
        self.json = json
        func string(_ name: String) throws(JOSEError) -> String? {
            guard let value = json[name] else { return nil }
            guard case .string(let s) = value else {
                throw JOSEError(.invalidHeader, "header: \"\(name)\" must be a string, found \(value.typeName)")
            }
            return s
        }
        guard let alg = try string("alg") else {
            throw JOSEError(.invalidHeader, "header: \"alg\" is missing (RFC 7515 §4.1.1 requires it)")
        }
        self.alg = alg
        self.enc = try string("enc")
        if requireEnc, enc == nil {
            throw JOSEError(.invalidHeader, "JWE header: \"enc\" is missing (RFC 7516 §4.1.2 requires it)")
        }
        self.typ = try string("typ")
        self.cty = try string("cty")
        self.kid = try string("kid")
        self.jku = try string("jku")
        self.x5u = try string("x5u")
        self.x5t = try string("x5t")
        self.x5tS256 = try string("x5t#S256")
        if let value = json["crit"] {
            guard case .array(let items) = value, !items.isEmpty else {
                throw JOSEError(.invalidHeader, "header: \"crit\" must be a non-empty array of strings (RFC 7515 §4.1.11)")
            }
            var names: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw JOSEError(.invalidHeader, "header: \"crit\" must hold only strings (RFC 7515 §4.1.11)")
                }
                names.append(s)
            }
            self.crit = names
        } else {
            self.crit = nil
        }
        if let value = json["jwk"] {
            guard case .object(let o) = value else {
                throw JOSEError(.invalidHeader, "header: \"jwk\" must be a JSON object (RFC 7515 §4.1.3)")
            }
            self.jwk = o
        } else {
            self.jwk = nil
        }
        if let value = json["x5c"] {
            guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) else {
                throw JOSEError(.invalidHeader, "header: \"x5c\" must be an array of strings (RFC 7515 §4.1.6)")
            }
            self.x5c = items.compactMap(\.stringValue)
        } else {
            self.x5c = nil
        }
        if let value = json["b64"] {
            guard case .bool(let b) = value else {
                throw JOSEError(.invalidHeader, "header: \"b64\" must be a boolean (RFC 7797 §3)")
            }
            self.b64 = b
        } else {
            self.b64 = nil
        }
    }
}

struct ReferenceJWTClaims: Equatable {
    struct TypeError: Sendable, Equatable {
        let claim: String
        let message: String
    }

    let json: JSONObject
    /// `iss` (RFC 7519 §4.1.1).
    let iss: String?
    /// `sub` (RFC 7519 §4.1.2).
    let sub: String?
    /// `aud` (RFC 7519 §4.1.3): a single string or an array of strings; always an array here.
    let aud: [String]?
    /// `exp` (RFC 7519 §4.1.4).
    let exp: NumericDate?
    /// `nbf` (RFC 7519 §4.1.5).
    let nbf: NumericDate?
    /// `iat` (RFC 7519 §4.1.6).
    let iat: NumericDate?
    /// `jti` (RFC 7519 §4.1.7).
    let jti: String?
    /// `auth_time` (OpenID Connect Core §2), a NumericDate when present.
    let authTime: NumericDate?
    let typeErrors: [TypeError]

    /// The names of claims that hold a NumericDate.
    static let dateClaims = ["exp", "nbf", "iat", "auth_time"]

    init(json: JSONObject) {
        self.json = json
        var errors: [TypeError] = []
        var iss: String?, sub: String?, aud: [String]?, jti: String?
        var exp: NumericDate?, nbf: NumericDate?, iat: NumericDate?, authTime: NumericDate?
        func string(_ member: JSONObject.Member, _ section: String) -> String? {
            if case .string(let s) = member.value { return s }
            errors.append(TypeError(claim: member.name, message: "\"\(member.name)\" must be a string (RFC 7519 \(section)), found \(member.value.typeName)"))
            return nil
        }
        func date(_ member: JSONObject.Member, _ section: String) -> NumericDate? {
            if case .number(let n) = member.value, let seconds = Double(n.text), seconds.isFinite {
                return NumericDate(seconds: seconds, text: n.text)
            }
            errors.append(TypeError(claim: member.name, message: "\"\(member.name)\" must be a NumericDate, a JSON number (RFC 7519 \(section)), found \(member.value.typeName)"))
            return nil
        }
        // One pass over the members (names are unique: the parser guarantees it).
        for member in json.members {
            switch member.name {
            case "iss": iss = string(member, "§4.1.1")
            case "sub": sub = string(member, "§4.1.2")
            case "aud":
                switch member.value {
                case .string(let s): aud = [s]
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): aud = items.compactMap(\.stringValue)
                default:
                    errors.append(TypeError(claim: "aud", message: "\"aud\" must be a string or an array of strings (RFC 7519 §4.1.3), found \(member.value.typeName)"))
                }
            case "exp": exp = date(member, "§4.1.4")
            case "nbf": nbf = date(member, "§4.1.5")
            case "iat": iat = date(member, "§4.1.6")
            case "jti": jti = string(member, "§4.1.7")
            case "auth_time": authTime = date(member, "§2 of OpenID Connect Core")
            default: break
            }
        }
        // Report type errors in a stable order (registered-claim order), whatever the token's member order.
        let order = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time"]
        self.typeErrors = errors.sorted { (order.firstIndex(of: $0.claim) ?? 99) < (order.firstIndex(of: $1.claim) ?? 99) }
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.nbf = nbf
        self.iat = iat
        self.jti = jti
        self.authTime = authTime
    }

    /// The date claim named `name` (`exp`, `nbf`, `iat`, `auth_time`).
    func date(_ name: String) -> NumericDate? {
        switch name {
        case "exp": exp
        case "nbf": nbf
        case "iat": iat
        case "auth_time": authTime
        default: nil
        }
    }
}

extension ReferenceJOSEHeader {
    /// Every stored field equal to the optimized header's.
    func matches(_ h: JOSEHeader) -> Bool {
        json == h.json && alg == h.alg && enc == h.enc && typ == h.typ && cty == h.cty && kid == h.kid && crit == h.crit
            && jku == h.jku && jwk == h.jwk && x5u == h.x5u && x5c == h.x5c && x5t == h.x5t && x5tS256 == h.x5tS256 && b64 == h.b64
    }
}

extension ReferenceJWTClaims {
    func matches(_ c: JWTClaims) -> Bool {
        json == c.json && iss == c.iss && sub == c.sub && aud == c.aud && exp == c.exp && nbf == c.nbf && iat == c.iat
            && jti == c.jti && authTime == c.authTime && typeErrors.map(\.claim) == c.typeErrors.map(\.claim)
            && typeErrors.map(\.message) == c.typeErrors.map(\.message)
            && [exp, nbf, iat, authTime].map { $0?.seconds.bitPattern } == [c.exp, c.nbf, c.iat, c.authTime].map { $0?.seconds.bitPattern }
    }
}

/// A token in JOSE compact serialization, classified (RFC 7515 §7.1, RFC 7516 §7.1, RFC 7519 §6).
enum ReferenceCompactToken: Equatable {
    /// Three segments: a JWS. ``JWSToken/isUnsecured`` marks `alg: none` with an empty signature.
    case jws(ReferenceJWSToken)
    /// Five segments: a JWE. Only its protected header is readable without the key.
    case jwe(ReferenceJWEToken)

    typealias Limits = CompactToken.Limits

    /// Parses and classifies `text` (already trimmed of whitespace and `Bearer` prefixes by the caller).
    static func parse(_ text: String, limits: Limits = .default) throws(JOSEError) -> ReferenceCompactToken {
        let bytes = Array(text.utf8)
        return try parse(bytes: bytes, limits: limits)
    }

    static func parse(bytes: [UInt8], limits: Limits = .default) throws(JOSEError) -> ReferenceCompactToken {
        guard !bytes.isEmpty else { throw JOSEError(.malformedCompact, "empty input: no token given") }
        guard bytes.count <= limits.maxTokenBytes else {
            throw JOSEError(.inputTooLarge, "token of \(bytes.count) bytes exceeds the limit of \(limits.maxTokenBytes) bytes")
        }
        if bytes[0] == UInt8(ascii: "{") {
            throw JOSEError(.malformedCompact, "input is JSON, not a compact token: the JWS/JWE JSON serializations are not supported (compact only)")
        }
        // Find the dots with memchr; the bytes between them are checked by the strict base64url decoder, and only
        // when that fails is the token scanned again for the friendlier "whitespace / non-ASCII" message.
        var dots = (0, 0, 0, 0)
        var dotCount = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            while from < buffer.count, let hit = memchr(base + from, Int32(UInt8(ascii: ".")), buffer.count - from) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                switch dotCount {
                case 0: dots.0 = offset
                case 1: dots.1 = offset
                case 2: dots.2 = offset
                case 3: dots.3 = offset
                default: break
                }
                dotCount += 1
                from = offset + 1
            }
        }
        if dotCount != 2, dotCount != 4 { try diagnoseBytes(bytes) }
        do throws(JOSEError) {
            switch dotCount {
            case 2: return .jws(try ReferenceJWSToken(bytes: bytes, dots: (dots.0, dots.1), limits: limits))
            case 4: return .jwe(try ReferenceJWEToken(bytes: bytes, firstDot: dots.0, limits: limits))
            default: break
            }
        } catch {
            if error.code == .invalidBase64URL { try diagnoseBytes(bytes) }
            throw error
        }
        do {
            let segments = dotCount > 4 ? "more than 5" : "\(dotCount + 1)"
            throw JOSEError(.malformedCompact, "\(segments) segment\(dotCount == 0 ? "" : "s") separated by '.': a JWS has 3 and a JWE 5")
        }
    }

    /// Throws when the token holds a byte that can never be in a compact token (whitespace, control, non-ASCII).
    static func diagnoseBytes(_ bytes: [UInt8]) throws(JOSEError) {
        guard let offset = bytes.firstIndex(where: { $0 >= 0x80 || $0 < 0x21 }) else { return }
        let byte = bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        let what = byte >= 0x80 ? "non-ASCII byte 0x\(hex)" : "whitespace or control byte 0x\(hex)"
        throw JOSEError(.malformedCompact, "\(what) at byte offset \(offset): a compact token holds only base64url segments and dots")
    }

    static func decodeObject(_ bytes: ArraySlice<UInt8>, segment: String, limits: Limits) throws(JOSEError) -> JSONObject {
        let raw = try bytes.withUnsafeBufferPointer { buffer throws(JOSEError) in
            try ReferenceBase64URL.decode(buffer, segment: segment)
        }
        let value = try ReferenceJSON.parse(raw, limits: limits.json, context: segment)
        guard case .object(let object) = value else {
            throw JOSEError(segment == "header" ? .invalidHeader : .invalidClaims, "\(segment): must be a JSON object, found \(value.typeName)")
        }
        return object
    }
}

/// A compact JWS (RFC 7515 §7.1): `BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature)`.
struct ReferenceJWSToken: Equatable {
    let header: ReferenceJOSEHeader
    /// The payload octets (base64url-decoded unless the header says `b64: false`, RFC 7797).
    let payload: [UInt8]
    let signature: [UInt8]
    /// Why the signature segment is not a signature for this header (kept, not thrown: header and claims stay readable).
    let signatureDefect: JOSEError?
    /// The JWS Signing Input: `ASCII(header segment . payload segment)` (RFC 7515 §5.1 step 6).
    let signingInput: ArraySlice<UInt8>
    /// The payload as a claims set, or why it is not one.
    let claims: Result<ReferenceJWTClaims, JOSEError>

    /// `alg: none` with an empty signature: an Unsecured JWS (RFC 7515 §A.5, RFC 7519 §6).
    var isUnsecured: Bool { header.alg == "none" && signature.isEmpty && signatureDefect == nil }

    init(bytes: [UInt8], dots: (Int, Int), limits: ReferenceCompactToken.Limits) throws(JOSEError) {
        let headerPart = bytes[..<dots.0]
        let payloadPart = bytes[(dots.0 + 1)..<dots.1]
        let signaturePart = bytes[(dots.1 + 1)...]
        guard !headerPart.isEmpty else { throw JOSEError(.malformedCompact, "header segment is empty") }
        header = try ReferenceJOSEHeader(json: ReferenceCompactToken.decodeObject(headerPart, segment: "header", limits: limits))
        var decoded: [UInt8] = []
        var defect: JOSEError?
        do throws(JOSEError) {
            decoded = try signaturePart.withUnsafeBufferPointer { buffer throws(JOSEError) in
                try ReferenceBase64URL.decode(buffer, segment: "signature")
            }
        } catch {
            if signaturePart.contains(where: { $0 < 0x21 || $0 > 0x7E }) { throw error }
            defect = error
        }
        if defect == nil, header.alg == "none", !signaturePart.isEmpty {
            defect = JOSEError(.malformedCompact, "alg is \"none\" but the signature segment is not empty (RFC 7518 §3.6 requires an empty signature)")
        }
        if defect == nil, signaturePart.isEmpty, header.alg != "none" {
            defect = JOSEError(.malformedCompact, "signature segment is empty but alg is \"\(header.alg)\"")
        }
        signature = defect == nil ? decoded : []
        signatureDefect = defect
        if header.b64 == false {
            payload = Array(payloadPart)
        } else {
            payload = try payloadPart.withUnsafeBufferPointer { buffer throws(JOSEError) in
                try ReferenceBase64URL.decode(buffer, segment: "payload")
            }
        }
        signingInput = bytes[..<dots.1]
        // A payload that opens with '{' is a claims set and must be valid JSON (duplicates, depth and size included);
        // anything else is a plain JWS payload (RFC 7515 A.4 signs the text "Payload"), shown but not a JWT.
        if payload.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "{") {
            let value = try ReferenceJSON.parse(payload, limits: limits.json, context: "claims")
            guard case .object(let object) = value else {
                throw JOSEError(.invalidClaims, "claims: must be a JSON object, found \(value.typeName)")
            }
            claims = .success(ReferenceJWTClaims(json: object))
        } else {
            claims = .failure(JOSEError(.invalidClaims, "payload is not a JSON object, so this JWS is not a JWT (RFC 7519 §7.2 step 10)"))
        }
    }
}

/// A compact JWE (RFC 7516 §7.1): five segments. Nothing is decrypted; only the protected header is read.
struct ReferenceJWEToken: Equatable {
    let header: ReferenceJOSEHeader

    init(bytes: [UInt8], firstDot: Int, limits: ReferenceCompactToken.Limits) throws(JOSEError) {
        let headerPart = bytes[..<firstDot]
        guard !headerPart.isEmpty else { throw JOSEError(.malformedCompact, "JWE protected header segment is empty") }
        header = try ReferenceJOSEHeader(json: ReferenceCompactToken.decodeObject(headerPart, segment: "header", limits: limits), requireEnc: true)
    }
}
