/// A JSON value that keeps what inspection needs: member order and the exact text of numbers.
///
/// Produced by ``JSONParser`` (strict: RFC 8259, UTF-8 only, duplicate member names rejected as RFC 7515 §4 and
/// RFC 7519 §4 require of JOSE headers and claims sets) and printed back by ``JSONValue/compact`` and
/// ``JSONValue/pretty(indent:)``.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written (`1300819380`, `1.5e3`, `123456789012345678901234567890`).
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// The JSON type's name, for error messages ("string", "number", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// Sets a member when this value is an object; otherwise does nothing.
    public mutating func setMember(_ name: String, _ value: JSONValue) {
        guard case .object(var object) = self else { return }
        object[name] = value
        self = .object(object)
    }
}

/// A JSON number kept as its source text; conversions are on demand.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The exact text, validated against the RFC 8259 §6 grammar.
    public let text: String

    public init(text: String) { self.text = text }
    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { self.text = String(Int64(value)) } else { self.text = "\(value)" }
    }

    public var doubleValue: Double? {
        // An integer of up to 15 digits (every NumericDate in practice) is exact in a Double: no strtod.
        if let exact = text.utf8.withContiguousStorageIfAvailable({ Self.exactSmallInteger($0) }), let exact {
            return exact
        }
        return Double(text)
    }

    /// `-?[0-9]{1,15}` as a Double, except `-0` (which must stay negative zero): `nil` for anything else.
    static func exactSmallInteger(_ utf8: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { i = 1 }
        let digits = utf8.count - i
        guard digits >= 1, digits <= 15 else { return nil }
        var value: Int64 = 0
        while i < utf8.count {
            let digit = utf8[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            i += 1
        }
        if negative {
            guard value != 0 else { return nil }
            return Double(-value)
        }
        return Double(value)
    }
    /// The value as an integer when the text is an integer that fits.
    public var intValue: Int? { Int(text) }
    public var description: String { text }
}

/// A JSON object whose members keep their original order. Names are unique (the parser enforces it).
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Equatable {
        public let name: String
        public let value: JSONValue
        /// ``JSONObject/hash(_:)-(String)`` of the name: lookups and duplicate checks compare it before comparing strings.
        let nameHash: UInt64

        public init(name: String, value: JSONValue) {
            self.init(name: name, value: value, nameHash: JSONObject.hash(name))
        }

        init(name: String, value: JSONValue, nameHash: UInt64) {
            self.name = name
            self.value = value
            self.nameHash = nameHash
        }
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The name's key: for names of up to 7 UTF-8 bytes the bytes themselves (little-endian) with the length in the
    /// top byte, so equal keys mean equal names and registered names can be matched as integer constants (see
    /// ``RegisteredName``); for longer names a hash with the top bit set (compare the names when the keys agree).
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        if count < 8 {
            var key: UInt64 = 0
            var i = 0
            while i < count {
                key |= UInt64(base[i]) &<< (8 &* UInt64(i))
                i += 1
            }
            return key | UInt64(count) &<< 56
        }
        return longHash(base, count: count)
    }

    /// The key of a name of 8 bytes or more.
    @inline(never)
    static func longHash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var hash = hashSeed ^ UInt64(truncatingIfNeeded: count)
        var i = 0
        while i + 8 <= count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* hashPrime
            hash ^= hash >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(base[i]) &<< shift
                shift += 8
                i += 1
            }
            hash = (hash ^ tail) &* hashPrime
            hash ^= hash >> 29
        }
        return hash | 1 << 63
    }

    /// The member named `name`, comparing hashes first.
    func member(named name: String) -> Member? {
        let hash = Self.hash(name)
        return members.first { $0.nameHash == hash && $0.name == name }
    }

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = elements.map { Member(name: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var names: [String] { members.map(\.name) }

    public subscript(name: String) -> JSONValue? {
        get { member(named: name)?.value }
        set {
            if let index = members.firstIndex(where: { $0.name == name }) {
                if let newValue { members[index] = Member(name: name, value: newValue) } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(name: name, value: newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(name: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
