import COpenSSL

/// The libcrypto this process runs with and the one it was compiled against (they differ when the shared library
/// is upgraded under an installed binary). `jwt version` prints both.
public enum OpenSSLVersion {
    /// `OpenSSL_version(OPENSSL_VERSION)`: the library loaded at run time, e.g. "OpenSSL 3.0.13 30 Jan 2024".
    public static var runtime: String { OpenSSL_version(OPENSSL_VERSION).map { String(cString: $0) } ?? "unknown" }
    /// `OPENSSL_VERSION_TEXT`: the headers the kit was compiled against.
    public static var compiled: String { OPENSSL_VERSION_TEXT }
}
