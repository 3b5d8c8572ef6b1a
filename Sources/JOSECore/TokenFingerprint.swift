/// How a token (or any credential-bearing text) appears in output: `sha256:` and the first 16 hex digits (64 bits)
/// of the SHA-256 of its UTF-8 bytes — the same name for the same token in `verify`, `conform`, every report and
/// the client's logs, never the token itself (RFC 6750 §5.3: "safeguard bearer tokens", never leak them).
public enum TokenFingerprint {
    /// The number of hex digits kept.
    public static let hexDigits = 16

    public static func of(_ token: String) -> String {
        "sha256:" + String(Digest.hex(Digest.sha256(Array(token.utf8))).prefix(hexDigits))
    }
}
