/// Strict base64url without padding (RFC 7515 §2, RFC 4648 §5).
///
/// "Base64url Encoding … with all trailing '=' characters omitted … and without the inclusion of any line breaks,
/// whitespace, or other additional characters." Decoding therefore rejects `=`, whitespace, `+`, `/`, any other
/// byte, a length of 1 mod 4, and non-zero unused bits in the last character (a non-canonical encoding).
public enum Base64URL {
    private static var alphabet: [UInt8] { Base64Encoder.urlAlphabet }

    /// 255 marks a byte outside the base64url alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Encodes without padding (RFC 7515 §2), through the one encoder ``Base64Encoder``.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { Base64Encoder.encode($0, alphabet: alphabet, padding: false) }
    }

    /// Encodes any byte collection without padding (RFC 7515 §2).
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64Encoder.encode(bytes, alphabet: alphabet, padding: false)
    }

    /// Decodes `text`; `segment` names the part in error messages ("header", "payload", "signature", "JWK n", …).
    public static func decode(_ text: some StringProtocol, segment: String = "input") throws(JOSEError) -> [UInt8] {
        var utf8 = Array(text.utf8)
        return try utf8.withUnsafeMutableBufferPointer { buffer throws(JOSEError) in
            try decode(UnsafeBufferPointer(buffer), segment: segment)
        }
    }

    /// Four tables, one per position in a group of four characters, each giving the character's six bits already
    /// placed in the three output bytes (little-endian word order); 0xFF00_0000 marks a byte outside the alphabet,
    /// so one OR of four lookups yields both the output word and the validity check.
    private static let quadTables: [UInt32] = {
        var tables = [UInt32](repeating: 0xFF00_0000, count: 1024)
        for (index, byte) in alphabet.enumerated() {
            let v = UInt32(index)
            tables[Int(byte)] = v << 2
            tables[256 + Int(byte)] = v >> 4 | (v & 0x0F) << 12
            tables[512 + Int(byte)] = (v >> 2) << 8 | (v & 0x03) << 22
            tables[768 + Int(byte)] = v << 16
        }
        return tables
    }()

    /// The decoded length of `count` characters, or `nil` when `count` is 1 mod 4.
    @inline(__always)
    static func decodedCount(_ count: Int) -> Int? {
        let rest = count % 4
        if rest == 1 { return nil }
        return count / 4 * 3 + (rest == 0 ? 0 : rest - 1)
    }

    /// What ``decode(_:into:)`` found: `failure` is the offset of the group holding the first invalid character.
    struct Outcome {
        var failure: Int?
        var unusedBits: Bool
    }

    /// Decodes `input` (whose length is not 1 mod 4) into `output`, which has room for ``decodedCount(_:)`` bytes.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Outcome {
        let count = input.count
        let rest = count % 4
        let outputCount = count / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        var outcome = Outcome(failure: nil, unusedBits: false)
        quadTables.withUnsafeBufferPointer { tables in
            let t = tables.baseAddress!
            let out = UnsafeMutableRawPointer(output)
            var i = 0, o = 0
            let quads = count - rest
            // Four groups at a time, stored as two 8-byte words (the last two bytes of each are overwritten next),
            // while 16 characters remain in the whole groups and the output has room for the spare bytes.
            let iterations = quads >= 16 ? min(quads / 16, (outputCount - 2) / 12) : 0
            for _ in 0..<iterations {
                let a = t[Int(input[i])] | t[256 &+ Int(input[i &+ 1])] | t[512 &+ Int(input[i &+ 2])] | t[768 &+ Int(input[i &+ 3])]
                let b = t[Int(input[i &+ 4])] | t[256 &+ Int(input[i &+ 5])] | t[512 &+ Int(input[i &+ 6])] | t[768 &+ Int(input[i &+ 7])]
                let c = t[Int(input[i &+ 8])] | t[256 &+ Int(input[i &+ 9])] | t[512 &+ Int(input[i &+ 10])] | t[768 &+ Int(input[i &+ 11])]
                let d = t[Int(input[i &+ 12])] | t[256 &+ Int(input[i &+ 13])] | t[512 &+ Int(input[i &+ 14])] | t[768 &+ Int(input[i &+ 15])]
                if (a | b | c | d) >= 0x0100_0000 {
                    outcome.failure = a >= 0x0100_0000 ? i : b >= 0x0100_0000 ? i &+ 4 : c >= 0x0100_0000 ? i &+ 8 : i &+ 12
                    return
                }
                out.storeBytes(of: (UInt64(a) | UInt64(b) &<< 24).littleEndian, toByteOffset: o, as: UInt64.self)
                out.storeBytes(of: (UInt64(c) | UInt64(d) &<< 24).littleEndian, toByteOffset: o &+ 6, as: UInt64.self)
                i &+= 16
                o &+= 12
            }
            // Whole groups, each stored as a 4-byte word (the fourth byte is overwritten by the next group), while
            // the output has room for the spare byte.
            while i < quads, o &+ 4 <= outputCount {
                let word = t[Int(input[i])] | t[256 &+ Int(input[i &+ 1])] | t[512 &+ Int(input[i &+ 2])] | t[768 &+ Int(input[i &+ 3])]
                if word >= 0x0100_0000 {
                    outcome.failure = i
                    return
                }
                out.storeBytes(of: word.littleEndian, toByteOffset: o, as: UInt32.self)
                i &+= 4
                o &+= 3
            }
            while i < quads {
                let word = t[Int(input[i])] | t[256 &+ Int(input[i &+ 1])] | t[512 &+ Int(input[i &+ 2])] | t[768 &+ Int(input[i &+ 3])]
                if word >= 0x0100_0000 {
                    outcome.failure = i
                    return
                }
                output[o] = UInt8(truncatingIfNeeded: word)
                output[o &+ 1] = UInt8(truncatingIfNeeded: word >> 8)
                output[o &+ 2] = UInt8(truncatingIfNeeded: word >> 16)
                i &+= 4
                o &+= 3
            }
            if rest >= 2 {
                // The last two or three characters: their unused low bits must be zero (canonical encoding).
                let c0 = t[768 &+ Int(input[i])], c1 = t[768 &+ Int(input[i &+ 1])]
                let c2 = rest == 3 ? t[768 &+ Int(input[i &+ 2])] : 0
                if (c0 | c1 | c2) >= 0x0100_0000 {
                    outcome.failure = i
                    return
                }
                let v0 = UInt8(truncatingIfNeeded: c0 >> 16), v1 = UInt8(truncatingIfNeeded: c1 >> 16), v2 = UInt8(truncatingIfNeeded: c2 >> 16)
                output[o] = v0 << 2 | v1 >> 4
                if rest == 2 {
                    outcome.unusedBits = v1 & 0x0F != 0
                } else {
                    outcome.unusedBits = v2 & 0x03 != 0
                    output[o &+ 1] = (v1 & 0x0F) << 4 | v2 >> 2
                }
            }
        }
        return outcome
    }

    /// Decodes a slice of bytes. The hot path of token parsing: no String, no Foundation, one heap allocation.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, segment: String = "input") throws(JOSEError) -> [UInt8] {
        // Decoded into a temporary buffer, then appended to an array whose storage comes from `reserveCapacity`:
        // that path is specialized for UInt8 in this module, while `Array(unsafeUninitializedCapacity:)` and
        // `Array(repeating:count:)` allocate through the standard library's unspecialized buffer initializer, which
        // looks up the storage class's generic metadata at run time on every call (~500 instructions, more than the
        // extra copy costs).
        return try withDecoded(input, segment: segment) { decoded in
            var out: [UInt8] = []
            out.reserveCapacity(decoded.count)
            out.append(contentsOf: decoded)
            return out
        }
    }

    /// Decodes into a temporary buffer (on the stack when small) and hands it to `body`: for segments that are
    /// parsed and dropped, like the JOSE header.
    static func withDecoded<R>(_ input: UnsafeBufferPointer<UInt8>, segment: String, _ body: (UnsafeBufferPointer<UInt8>) throws(JOSEError) -> R) throws(JOSEError) -> R {
        guard let outputCount = decodedCount(input.count) else { throw impossibleLength(input.count, segment: segment) }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(outputCount, 1)) { buffer throws(JOSEError) in
            let outcome = outputCount > 0 ? decode(input, into: buffer.baseAddress!) : Outcome(failure: nil, unusedBits: false)
            try check(outcome, input, segment: segment)
            return try body(UnsafeBufferPointer(rebasing: buffer[..<outputCount]))
        }
    }

    static func impossibleLength(_ count: Int, segment: String) -> JOSEError {
        JOSEError(.invalidBase64URL, "\(segment): base64url length \(count) is impossible (a length of 1 mod 4 cannot encode whole bytes)")
    }

    @inline(__always)
    static func check(_ outcome: Outcome, _ input: UnsafeBufferPointer<UInt8>, segment: String) throws(JOSEError) {
        if let failure = outcome.failure {
            try decodeTable.withUnsafeBufferPointer { table throws(JOSEError) in
                try fail(input, from: failure, segment: segment, table: table)
            }
        }
        if outcome.unusedBits {
            throw JOSEError(.invalidBase64URL, "\(segment): non-zero unused bits in the last character at byte offset \(input.count - 1) (non-canonical base64url)")
        }
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
