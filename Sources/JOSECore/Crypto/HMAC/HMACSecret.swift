import COpenSSL

/// An HMAC secret (RFC 7518 §3.2) with pre-keyed `EVP_MAC_CTX`s per hash: the key schedule (ipad/opad blocks) is
/// computed once, and each token only re-initialises a pooled context (notes §3: pre-key HMAC).
final class HMACSecret: @unchecked Sendable {
    let bytes: [UInt8]
    nonisolated(unsafe) private static let mac: OpaquePointer = {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { preconditionFailure("libcrypto has no HMAC") }
        return mac
    }()
    /// Pre-keyed contexts for SHA-256, SHA-384, SHA-512 (index 0, 1, 2): an array, not a dictionary, so the
    /// per-token lookup does no hashing.
    private let pools: [ContextPool]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var pools: [ContextPool] = []
        for length in [32, 48, 64] {
            pools.append(ContextPool(
                make: {
                    guard let ctx = EVP_MAC_CTX_new(HMACSecret.mac) else { return nil }
                    let ok = bytes.withUnsafeBufferPointer { shim_hmac_init(ctx, $0.baseAddress, $0.count, Int32(length)) }
                    guard ok == 1 else { OpenSSLError.clear(); EVP_MAC_CTX_free(ctx); return nil }
                    return ctx
                },
                destroy: { EVP_MAC_CTX_free($0) }))
        }
        self.pools = pools
    }

    @inline(__always)
    private func pool(_ hashLength: Int) -> ContextPool? {
        switch hashLength {
        case 32: pools[0]
        case 48: pools[1]
        case 64: pools[2]
        default: nil
        }
    }

    /// HMAC-SHA-`hashLength*8` of `input`; `nil` only when libcrypto fails. No key-length policy here (primitive).
    func mac(_ input: UnsafeRawBufferPointer, hashLength: Int) -> [UInt8]? {
        guard let pool = pool(hashLength) else { return nil }
        let result: [UInt8]?? = pool.withContext { ctx -> [UInt8]? in
            var out = [UInt8](repeating: 0, count: 64)
            var length = 0
            let ok = out.withUnsafeMutableBufferPointer { buffer -> Bool in
                EVP_MAC_init(ctx, nil, 0, nil) == 1
                    && EVP_MAC_update(ctx, input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count) == 1
                    && EVP_MAC_final(ctx, buffer.baseAddress, &length, 64) == 1
            }
            guard ok, length == hashLength else { OpenSSLError.clear(); return nil }
            out.removeSubrange(length...)
            return out
        }
        return result ?? nil
    }

    /// Constant-time comparison of the expected tag with `tag` (`CRYPTO_memcmp`); wrong length is false.
    func verify(_ input: UnsafeRawBufferPointer, tag: [UInt8], hashLength: Int) -> Bool {
        guard tag.count == hashLength, let pool = pool(hashLength) else { return false }
        let result: Bool? = pool.withContext { ctx -> Bool in
            var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            return withUnsafeMutableBytes(of: &out) { buffer -> Bool in
                let expected = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var length = 0
                guard EVP_MAC_init(ctx, nil, 0, nil) == 1,
                      EVP_MAC_update(ctx, input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count) == 1,
                      EVP_MAC_final(ctx, expected, &length, 64) == 1, length == hashLength else {
                    OpenSSLError.clear()
                    return false
                }
                return tag.withUnsafeBufferPointer { CRYPTO_memcmp(expected, $0.baseAddress, length) } == 0
            }
        }
        return result ?? false
    }
}
