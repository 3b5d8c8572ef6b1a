import COpenSSL

/// Message digests through libcrypto's EVP interface.
public enum Digest {
    public enum Algorithm: Sendable {
        case sha256, sha384, sha512

        var evp: OpaquePointer? {
            switch self {
            case .sha256: EVP_sha256()
            case .sha384: EVP_sha384()
            case .sha512: EVP_sha512()
            }
        }
    }

    /// One-shot digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>, _ algorithm: Algorithm = .sha256) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = Array(bytes).withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, algorithm.evp, nil)
            }
        }
        precondition(ok == 1, "EVP_Digest failed: libcrypto cannot hash")
        return Array(out.prefix(Int(length)))
    }

    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(bytes, .sha256) }

    /// Lower-case hex.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
