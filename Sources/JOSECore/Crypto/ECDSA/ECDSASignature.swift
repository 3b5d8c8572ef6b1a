import COpenSSL

/// ECDSA in JWS form (RFC 7518 §3.4): the signature is `r || s`, each exactly `curve.size` octets, big-endian.
enum ECDSASignature {
    /// Verifies a raw `r || s` signature. Wrong length (including DER), r or s equal to 0 or not below the order
    /// n are rejected here, before libcrypto sees them ("psychic signatures", CVE-2022-21449).
    static func verify(key: AsymmetricKey, curve: ECCurve, input: UnsafeRawBufferPointer, signature: [UInt8]) -> Bool {
        let size = curve.size
        guard signature.count == 2 * size else { return false }
        guard inRange(signature[0..<size], order: curve.order), inRange(signature[size...], order: curve.order) else {
            return false
        }
        let der = derEncode(r: signature[0..<size], s: signature[size...])
        guard let pool = key.verifyPool(curve.algorithm) else { return false }
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &digest) { buffer -> Bool in
            let out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let length = MessageDigest.digest(digestFor(curve), input, into: out)
            guard length > 0 else { return false }
            let ok = pool.withContext { ctx in
                der.withUnsafeBufferPointer { EVP_PKEY_verify(ctx, $0.baseAddress, $0.count, out, length) }
            }
            if ok != 1 { OpenSSLError.clear() }
            return ok == 1
        }
    }

    static func digestFor(_ curve: ECCurve) -> OpaquePointer {
        switch curve.algorithm {
        case .ES384: MessageDigest.sha384
        case .ES512: MessageDigest.sha512
        default: MessageDigest.sha256
        }
    }

    /// 0 < value < order, both big-endian of the same length.
    static func inRange(_ value: ArraySlice<UInt8>, order: [UInt8]) -> Bool {
        guard value.contains(where: { $0 != 0 }) else { return false }
        for (a, b) in zip(value, order) where a != b { return a < b }
        return false  // equal to the order
    }

    /// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3) from unsigned big-endian r, s.
    static func derEncode(r: ArraySlice<UInt8>, s: ArraySlice<UInt8>) -> [UInt8] {
        func integer(_ value: ArraySlice<UInt8>) -> [UInt8] {
            var bytes = Array(value.drop(while: { $0 == 0 }))
            if bytes.isEmpty { bytes = [0] }
            if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
            return [0x02] + length(bytes.count) + bytes
        }
        func length(_ count: Int) -> [UInt8] {
            count < 0x80 ? [UInt8(count)] : [0x81, UInt8(count)]
        }
        let body = integer(r) + integer(s)
        return [0x30] + length(body.count) + body
    }

    /// DER signature from libcrypto → JWS `r || s` of `size` octets each.
    static func rawFromDER(_ der: [UInt8], size: Int) -> [UInt8]? {
        der.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var cursor = buffer.baseAddress
            guard let sig = d2i_ECDSA_SIG(nil, &cursor, buffer.count) else { OpenSSLError.clear(); return nil }
            defer { ECDSA_SIG_free(sig) }
            guard let r = ECDSA_SIG_get0_r(sig), let s = ECDSA_SIG_get0_s(sig) else { return nil }
            var out = [UInt8](repeating: 0, count: 2 * size)
            let ok = out.withUnsafeMutableBufferPointer { raw -> Bool in
                BN_bn2binpad(r, raw.baseAddress, Int32(size)) == Int32(size)
                    && BN_bn2binpad(s, raw.baseAddress! + size, Int32(size)) == Int32(size)
            }
            return ok ? out : nil
        }
    }
}
