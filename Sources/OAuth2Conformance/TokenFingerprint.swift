import JOSECore

/// How a token appears anywhere in output: `sha256:` and the first 12 hex digits of its SHA-256, never the token.
public enum TokenFingerprint {
    public static func of(_ token: String) -> String {
        "sha256:" + String(Digest.hex(Digest.sha256(Array(token.utf8))).prefix(12))
    }
}
