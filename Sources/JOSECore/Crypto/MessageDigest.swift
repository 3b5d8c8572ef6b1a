import COpenSSL

/// The SHA-2 digests of JWS (RFC 7518 §3.1), fetched once (notes §1 gotcha 8, §3 "parse once").
enum MessageDigest {
    nonisolated(unsafe) static let sha256: OpaquePointer = fetch("SHA256")
    nonisolated(unsafe) static let sha384: OpaquePointer = fetch("SHA384")
    nonisolated(unsafe) static let sha512: OpaquePointer = fetch("SHA512")

    private static func fetch(_ name: String) -> OpaquePointer {
        guard let md = EVP_MD_fetch(nil, name, nil) else {
            preconditionFailure("libcrypto has no \(name): the OpenSSL installation is broken")
        }
        return md
    }

    /// The digest for a hash length in bytes (32, 48, 64).
    static func forLength(_ length: Int) -> OpaquePointer? {
        switch length {
        case 32: sha256
        case 48: sha384
        case 64: sha512
        default: nil
        }
    }

    /// One-shot digest into `out` (at least 64 bytes); returns the digest length, 0 on failure.
    @inline(__always)
    static func digest(_ md: OpaquePointer, _ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var length: UInt32 = 0
        guard EVP_Digest(input.baseAddress, input.count, out, &length, md, nil) == 1 else {
            OpenSSLError.clear()
            return 0
        }
        return Int(length)
    }
}
