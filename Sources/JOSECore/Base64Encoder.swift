/// The one base64 encoder of the kit (RFC 4648 §4 and §5): ``Base64URL`` (JOSE, no padding) and ``Base64``
/// (HTTP Basic, padded) differ only in the alphabet and the padding.
///
/// Writes straight into the string's storage: one allocation, no per-byte appends (the token route of the mock
/// encodes every payload and signature through it).
enum Base64Encoder {
    /// RFC 4648 §4 Table 1.
    static let standardAlphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// RFC 4648 §5 Table 2: `-` and `_` for `+` and `/`.
    static let urlAlphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The encoded length of `count` bytes: whole groups of four, the last one cut short (RFC 4648 §5 as JOSE uses
    /// it, RFC 7515 §2) or filled with `=` (RFC 4648 §4).
    @inline(__always)
    static func encodedCount(_ count: Int, padding: Bool) -> Int {
        let rest = count % 3
        return count / 3 * 4 + (rest == 0 ? 0 : padding ? 4 : rest + 1)
    }

    static func encode(_ input: UnsafeBufferPointer<UInt8>, alphabet: [UInt8], padding: Bool) -> String {
        let count = encodedCount(input.count, padding: padding)
        if count == 0 { return "" }
        return alphabet.withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: count) { out in
                let n = input.count
                var i = 0, o = 0
                while i &+ 3 <= n {
                    let v = UInt32(input[i]) << 16 | UInt32(input[i &+ 1]) << 8 | UInt32(input[i &+ 2])
                    out[o] = table[Int(v >> 18 & 63)]
                    out[o &+ 1] = table[Int(v >> 12 & 63)]
                    out[o &+ 2] = table[Int(v >> 6 & 63)]
                    out[o &+ 3] = table[Int(v & 63)]
                    i &+= 3
                    o &+= 4
                }
                let rest = n &- i
                if rest > 0 {
                    let v = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i &+ 1]) << 8 : 0)
                    out[o] = table[Int(v >> 18 & 63)]
                    out[o &+ 1] = table[Int(v >> 12 & 63)]
                    if rest == 2 {
                        out[o &+ 2] = table[Int(v >> 6 & 63)]
                    } else if padding {
                        out[o &+ 2] = UInt8(ascii: "=")
                    }
                    if padding { out[o &+ 3] = UInt8(ascii: "=") }
                }
                return count
            }
        }
    }

    /// Any byte collection: contiguous storage directly, anything else copied once.
    @inline(__always)
    static func encode<Bytes: Collection>(_ bytes: Bytes, alphabet: [UInt8], padding: Bool) -> String where Bytes.Element == UInt8 {
        if let text = bytes.withContiguousStorageIfAvailable({ encode($0, alphabet: alphabet, padding: padding) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { encode($0, alphabet: alphabet, padding: padding) }
    }
}
