import JOSECore

/// A short SHA-256 fingerprint (`sha256:` + 12 hex digits) that names a token in logs and reports without revealing it.
public enum Fingerprint {
    public static func of(_ text: String) -> String {
        "sha256:" + String(Digest.hex(Digest.sha256(Array(text.utf8))).prefix(12))
    }
}
