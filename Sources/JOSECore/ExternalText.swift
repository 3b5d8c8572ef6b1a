/// Text that came from outside the process — a token, a key, a token server, a suite file — made safe for a
/// terminal, a log line or a CI console.
///
/// ``escaped(_:)`` is the one function every human-facing sink (the text renderers, the stderr error printers, the
/// `jwt conform` console) applies to such text. Machine formats keep the raw string and escape it for their own
/// syntax instead (JSON: ``JSONValue/writeString(_:to:)``; the report writers: Markdown, XML).
///
/// Escaped, as `\u001b`-style sequences (four lower-case hex digits), so that a token can neither drive the terminal
/// (ECMA-48 §5: C0 and C1 control functions, ESC/CSI sequences) nor forge a line or reorder what is shown:
/// - C0 `U+0000–U+001F` (ESC, BEL, CR, LF, TAB included: the result is always one line), DEL `U+007F`,
///   C1 `U+0080–U+009F` (CSI `U+009B` among them);
/// - the line and paragraph separators `U+2028`, `U+2029`;
/// - the bidirectional formatting characters `U+061C`, `U+200E`, `U+200F`, `U+202A–U+202E`, `U+2066–U+2069`
///   (Unicode UAX #9 §2; "Trojan Source", CVE-2021-42574).
///
/// The backslash itself becomes `\\`, so the output is unambiguous: `\u001b` in the output is always an escaped ESC,
/// never a token that spelled it out.
public enum ExternalText {
    /// `text` with every character of ``needsEscaping(_:)`` shown as `\uXXXX` and `\` as `\\`; one line.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || needsEscaping($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                out += "\\\\"
            } else if needsEscaping(scalar) {
                out += hexEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` may not reach a terminal raw: see the type's documentation.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u001b` for ESC: `\u` and four lower-case hex digits (every escaped scalar is in the BMP).
    public static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// One non-empty line of printable ASCII (`0x20–0x7E`): the only text that may be written into a CI workflow
    /// command such as `::add-mask::`, and the shape of an OAuth 2.0 access token (RFC 6749 §A.12:
    /// `access-token = 1*VSCHAR`, `VSCHAR = %x20-7E`).
    public static func isPrintableASCII(_ text: String) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// At most `limit` characters of `text`, with `…` when cut (for values quoted inside a message).
    public static func truncated(_ text: String, limit: Int = 64) -> String {
        text.unicodeScalars.count > limit ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "…" : text
    }
}
