/// Standard base64 with padding (RFC 4648 §4), as HTTP Basic credentials carry it (RFC 7617 §2): the one codec for
/// the client that sends them and the mock that reads them.
public enum Base64 {
    /// Encodes with `=` padding to a multiple of four characters (RFC 4648 §4), through ``Base64Encoder``.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { Base64Encoder.encode($0, alphabet: Base64Encoder.standardAlphabet, padding: true) }
    }

    /// Encodes any byte collection with padding (RFC 4648 §4).
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64Encoder.encode(bytes, alphabet: Base64Encoder.standardAlphabet, padding: true)
    }

    /// 255 marks a byte outside the RFC 4648 §4 alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in Base64Encoder.standardAlphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Decodes padded standard base64; `nil` for anything malformed: a length that is not a multiple of four, a
    /// character outside the alphabet (including whitespace and the base64url `-` `_`), more than two `=` or an `=`
    /// before the end (RFC 4648 §3.3, §4). Non-zero pad bits are accepted (RFC 4648 §3.5 leaves rejecting them to
    /// the decoder; HTTP Basic does not ask for it).
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        var padding = 0
        while padding < 2, padding < input.count, input[input.count - 1 - padding] == UInt8(ascii: "=") { padding += 1 }
        let characters = input.count - padding
        var out: [UInt8] = []
        out.reserveCapacity(characters * 3 / 4)
        return decodeTable.withUnsafeBufferPointer { table -> [UInt8]? in
            var accumulator: UInt32 = 0
            var bits = 0
            for index in 0..<characters {
                let value = table[Int(input[index])]
                if value == 255 { return nil }
                accumulator = accumulator << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                }
            }
            // With the length a multiple of four and at most two `=`, the last group keeps two to four characters:
            // "A===" fails above on its third `=`.
            return out
        }
    }
}
