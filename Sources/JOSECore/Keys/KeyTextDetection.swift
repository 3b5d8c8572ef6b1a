/// Recognises key documents handed over where a shared secret is expected. Using public-key bytes as an HMAC
/// secret is the algorithm-confusion attack (RFC 8725 §2.1, §3.1; RFC 7518 §3.2 wants a random secret), so a
/// "secret" that is a PEM block, a JWK / JWK Set, certificate text or an OpenSSH public key is refused. Detection
/// looks past any byte order marks and whitespace first, so a BOM cannot hide the document.
public enum KeyTextDetection {
    /// What kind of key document `bytes` is ("a PEM block", "a JWK or JWK Set", …), or `nil` for anything else.
    public static func keyDocumentKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            // UTF-16 text with a BOM: look at it as UTF-8.
            return keyDocumentKind(utf16ToUTF8(bytes))
        }
        let text = trimmed(bytes[...])
        if text.starts(with: Array("-----BEGIN".utf8)) { return "a PEM block" }
        if text.first == UInt8(ascii: "{"),
           PEMReader.firstIndex(of: Array("\"kty\"".utf8), in: text) != nil || PEMReader.firstIndex(of: Array("\"keys\"".utf8), in: text) != nil {
            return "a JWK or JWK Set"
        }
        for prefix in ["Certificate:", "ssh-rsa ", "ssh-ed25519 ", "ssh-dss ", "ecdsa-sha2-"] where text.starts(with: Array(prefix.utf8)) {
            return prefix == "Certificate:" ? "certificate text" : "an OpenSSH public key"
        }
        return nil
    }

    /// `bytes` without leading UTF-8 byte order marks (EF BB BF, as often as they repeat) and ASCII whitespace,
    /// in any interleaving.
    public static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = bytes
        while true {
            if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3); continue }
            if let first = rest.first, first == 0x20 || (0x09...0x0D).contains(first) { rest = rest.dropFirst(); continue }
            return rest
        }
    }

    private static func utf16ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
