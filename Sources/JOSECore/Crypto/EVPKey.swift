import COpenSSL

/// Owns one `EVP_PKEY*` (notes §1 gotcha 1: every OpenSSL type imports as `OpaquePointer`, so each gets a class).
/// An `EVP_PKEY` is immutable after creation and safe to share between threads for verify and sign.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    var baseID: Int32 { EVP_PKEY_get_base_id(pointer) }
    var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// A big-number parameter (`n`, `e`, `d`, …) as unsigned big-endian bytes, left-padded to `width` if given.
    func bigNumber(_ name: UnsafePointer<CChar>, width: Int? = nil) -> [UInt8]? {
        var bn: OpaquePointer? = nil
        guard EVP_PKEY_get_bn_param(pointer, name, &bn) == 1, let bn else {
            OpenSSLError.clear()
            return nil
        }
        defer { BN_clear_free(bn) }
        let natural = Int((BN_num_bits(bn) + 7) / 8)
        let size = max(width ?? natural, natural)
        var out = [UInt8](repeating: 0, count: size)
        let written = out.withUnsafeMutableBufferPointer { BN_bn2binpad(bn, $0.baseAddress, Int32(size)) }
        return written == Int32(size) ? out : nil
    }

    /// A UTF-8 string parameter (e.g. the EC group name).
    func utf8String(_ name: UnsafePointer<CChar>) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        let ok = buffer.withUnsafeMutableBufferPointer {
            EVP_PKEY_get_utf8_string_param(pointer, name, $0.baseAddress, $0.count, &length)
        }
        guard ok == 1 else { OpenSSLError.clear(); return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The raw public key of an EdDSA key (RFC 8032 encoding).
    func rawPublicKey() -> [UInt8]? {
        var length = 0
        guard EVP_PKEY_get_raw_public_key(pointer, nil, &length) == 1 else { OpenSSLError.clear(); return nil }
        var out = [UInt8](repeating: 0, count: length)
        guard out.withUnsafeMutableBufferPointer({ EVP_PKEY_get_raw_public_key(pointer, $0.baseAddress, &length) }) == 1 else {
            OpenSSLError.clear()
            return nil
        }
        return Array(out.prefix(length))
    }

    /// The raw private key of an EdDSA key (the RFC 8032 seed).
    func rawPrivateKey() -> [UInt8]? {
        var length = 0
        guard EVP_PKEY_get_raw_private_key(pointer, nil, &length) == 1 else { OpenSSLError.clear(); return nil }
        var out = [UInt8](repeating: 0, count: length)
        guard out.withUnsafeMutableBufferPointer({ EVP_PKEY_get_raw_private_key(pointer, $0.baseAddress, &length) }) == 1 else {
            OpenSSLError.clear()
            return nil
        }
        return Array(out.prefix(length))
    }
}
