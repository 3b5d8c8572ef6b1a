/// Strict base64url without padding (RFC 7515 §2, RFC 4648 §5).
///
/// "Base64url Encoding … with all trailing '=' characters omitted … and without the inclusion of any line breaks,
/// whitespace, or other additional characters." Decoding therefore rejects `=`, whitespace, `+`, `/`, any other
/// byte, a length of 1 mod 4, and non-zero unused bits in the last character (a non-canonical encoding).
public enum Base64URL {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 255 marks a byte outside the base64url alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Encodes without padding.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let b0 = iterator.next() {
            let b1 = iterator.next()
            let b2 = iterator.next()
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | (b1 ?? 0) >> 4)])
            if let b1 {
                out.append(alphabet[Int((b1 & 0x0F) << 2 | (b2 ?? 0) >> 6)])
                if let b2 { out.append(alphabet[Int(b2 & 0x3F)]) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `text`; `segment` names the part in error messages ("header", "payload", "signature", "JWK n", …).
    public static func decode(_ text: some StringProtocol, segment: String = "input") throws(JOSEError) -> [UInt8] {
        var utf8 = Array(text.utf8)
        return try utf8.withUnsafeMutableBufferPointer { buffer throws(JOSEError) in
            try decode(UnsafeBufferPointer(buffer), segment: segment)
        }
    }

    /// Decodes a slice of bytes. The hot path of token parsing: no String, no Foundation, one allocation.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, segment: String = "input") throws(JOSEError) -> [UInt8] {
        let count = input.count
        if count % 4 == 1 {
            throw JOSEError(.invalidBase64URL, "\(segment): base64url length \(count) is impossible (a length of 1 mod 4 cannot encode whole bytes)")
        }
        let rest = count % 4
        let outputCount = count / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        // Where decoding stopped on a bad character, or at the non-canonical last character; nil when all is well.
        var invalidAt: Int? = nil
        var unusedBitsAt: Int? = nil
        let out = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
                var index = 0
                var written = 0
                // Whole quads.
                while index + 4 <= count {
                    let c0 = table[Int(input[index])], c1 = table[Int(input[index + 1])]
                    let c2 = table[Int(input[index + 2])], c3 = table[Int(input[index + 3])]
                    if (c0 | c1 | c2 | c3) == 255 {
                        invalidAt = index
                        break
                    }
                    let value = UInt32(c0) << 18 | UInt32(c1) << 12 | UInt32(c2) << 6 | UInt32(c3)
                    buffer[written] = UInt8(truncatingIfNeeded: value >> 16)
                    buffer[written + 1] = UInt8(truncatingIfNeeded: value >> 8)
                    buffer[written + 2] = UInt8(truncatingIfNeeded: value)
                    written += 3
                    index += 4
                }
                if invalidAt == nil, rest >= 2 {
                    let v0 = table[Int(input[index])], v1 = table[Int(input[index + 1])]
                    let v2 = rest == 3 ? table[Int(input[index + 2])] : 0
                    if (v0 | v1 | v2) == 255 {
                        invalidAt = index
                    } else if rest == 2 {
                        if v1 & 0x0F != 0 { unusedBitsAt = index + 1 }
                        buffer[written] = v0 << 2 | v1 >> 4
                        written += 1
                    } else {
                        if v2 & 0x03 != 0 { unusedBitsAt = index + 2 }
                        buffer[written] = v0 << 2 | v1 >> 4
                        buffer[written + 1] = (v1 & 0x0F) << 4 | v2 >> 2
                        written += 2
                    }
                }
                initialized = written
            }
        }
        if let invalidAt {
            try decodeTable.withUnsafeBufferPointer { table throws(JOSEError) in
                try fail(input, from: invalidAt, segment: segment, table: table)
            }
        }
        if let unusedBitsAt {
            throw JOSEError(.invalidBase64URL, "\(segment): non-zero unused bits in the last character at byte offset \(unusedBitsAt) (non-canonical base64url)")
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
