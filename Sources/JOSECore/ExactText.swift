#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact comparison of identifiers from tokens and keys. RFC 7519 §2 (StringOrURI) and §4.1.1: values are
/// compared as case-sensitive strings with no transformation, so no Unicode normalization either. Swift's
/// `String ==` (and `String` hashing in `Set` and `Dictionary`) equates canonically equivalent text (`é`
/// U+00E9 and `e` + U+0301); these compare the UTF-8 bytes.
public enum ExactText {
    /// Byte-for-byte equality of the UTF-8 forms (RFC 7519 §4.1.1).
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // Native strings are contiguous UTF-8: one memcmp. Bridged or other strings take the element walk.
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Equality ignoring ASCII case only (for media types such as `typ`, RFC 7515 §4.1.9, RFC 2045 §5.1); any
    /// non-ASCII byte must match exactly.
    public static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) { lowered($0) == lowered($1) }
    }

    /// `text` with ASCII `A`–`Z` lowered and every other byte unchanged.
    public static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map(lowered), as: UTF8.self)
    }

    /// Whether `list` holds `value` exactly.
    public static func contains(_ list: some Sequence<String>, _ value: String) -> Bool {
        list.contains { equal($0, value) }
    }

    /// Whether `list` holds `value` exactly (the array form: a plain loop, no generic dispatch per element).
    public static func contains(_ list: [String], _ value: String) -> Bool {
        for item in list where equal(item, value) { return true }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// A `String` whose equality and hash are its UTF-8 bytes, for `Set` and `Dictionary` keys that must not
/// merge canonically equivalent text (RFC 7519 §4.1.1; scopes, RFC 6749 §3.3, are case-sensitive strings too).
public struct ExactString: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public static func == (lhs: ExactString, rhs: ExactString) -> Bool { ExactText.equal(lhs.value, rhs.value) }

    public func hash(into hasher: inout Hasher) {
        for byte in value.utf8 { hasher.combine(byte) }
        hasher.combine(0xFF as UInt8)   // never a UTF-8 byte: ends the key
    }

    /// Byte order, so sorted output is stable whatever the normalization.
    public static func < (lhs: ExactString, rhs: ExactString) -> Bool { lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }

    public var description: String { value }
}
