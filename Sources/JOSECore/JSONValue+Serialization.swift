/// Printing ``JSONValue`` back: compact (no whitespace) or pretty (indented), numbers exactly as parsed,
/// members in their original order.
extension JSONValue {
    /// Compact JSON, e.g. `{"alg":"HS256","typ":"JWT"}`.
    public var compact: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON with `"name": value` members.
    public func pretty(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    func write(to out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (k, element) in elements.enumerated() {
                if k > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                element.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            for (k, member) in object.members.enumerated() {
                if k > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                JSONValue.writeString(member.name, to: &out)
                out += indent == nil ? ":" : ": "
                member.value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    /// Escapes per RFC 8259 §7: quote, backslash and control characters; also, as `\uXXXX`, every character
    /// ``ExternalText/needsEscaping(_:)`` names (DEL, C1, U+2028/2029, bidi formatting), so JSON output shown on a
    /// terminal or embedded in JavaScript cannot carry them raw. The string's value is unchanged.
    public static func writeString(_ s: String, to out: inout String) {
        // Printable ASCII without `"` and `\` (most claims, every compact JWS) needs no escaping: copied whole,
        // without the per-scalar walk below (the mock's token route writes every token answer through here).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where ExternalText.needsEscaping(c):
                out += ExternalText.hexEscape(c)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, to: &out)
        return out
    }
}
