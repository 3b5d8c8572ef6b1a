import JOSECore

/// The two encoders on the token route's hot path, specialised for the mock (profiling showed the generic ones
/// at ~10 % of a token request): compact JSON of a flat object, and base64url (RFC 4648 §5, no padding).
enum FastEncoding {
    /// Compact JSON, identical to ``JSONValue/compact`` for any object; strings of plain printable ASCII are copied
    /// without the per-scalar escaping walk.
    static func compact(_ object: JSONObject) -> String {
        var out = "{"
        out.reserveCapacity(256)
        var first = true
        for member in object {
            if !first { out += "," }
            first = false
            appendString(member.name, to: &out)
            out += ":"
            switch member.value {
            case .string(let s): appendString(s, to: &out)
            case .number(let n): out += n.text
            default: out += member.value.compact
            }
        }
        out += "}"
        return out
    }

    static func appendString(_ s: String, to out: inout String) {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += "\""
            out += s
            out += "\""
        } else {
            out += JSONValue.quoted(s)
        }
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func base64URL(_ bytes: [UInt8]) -> String {
        let table = alphabet
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        let n = bytes.count
        while i + 3 <= n {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(table[Int(v >> 18 & 63)])
            out.append(table[Int(v >> 12 & 63)])
            out.append(table[Int(v >> 6 & 63)])
            out.append(table[Int(v & 63)])
            i += 3
        }
        if n - i == 1 {
            let v = UInt32(bytes[i]) << 16
            out.append(table[Int(v >> 18 & 63)])
            out.append(table[Int(v >> 12 & 63)])
        } else if n - i == 2 {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(table[Int(v >> 18 & 63)])
            out.append(table[Int(v >> 12 & 63)])
            out.append(table[Int(v >> 6 & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
