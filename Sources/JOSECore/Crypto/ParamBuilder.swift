import COpenSSL

/// Builds `OSSL_PARAM`s for `EVP_PKEY_fromdata` (RFC 7518 §6 JWK members → libcrypto key). `OSSL_PARAM_BLD` keeps
/// the pointers it is given until `OSSL_PARAM_BLD_to_param`, so every value is owned here until ``makeKey``
/// returns (notes §1 gotcha 2); names come from the shim as stable C strings.
final class ParamBuilder {
    private let builder: OpaquePointer
    private var numbers: [OpaquePointer] = []
    private var buffers: [UnsafeMutableRawBufferPointer] = []

    init() throws(JOSEError) {
        guard let builder = OSSL_PARAM_BLD_new() else { throw OpenSSLError.failure("OSSL_PARAM_BLD_new") }
        self.builder = builder
    }

    deinit {
        OSSL_PARAM_BLD_free(builder)
        for bn in numbers { BN_clear_free(bn) }
        for buffer in buffers {
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer.deallocate()
        }
    }

    /// An unsigned big-endian integer.
    func number(_ name: UnsafePointer<CChar>, _ bytes: [UInt8]) throws(JOSEError) {
        guard let bn = bytes.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, Int32($0.count), nil) }) else {
            throw OpenSSLError.failure("BN_bin2bn")
        }
        numbers.append(bn)
        guard OSSL_PARAM_BLD_push_BN(builder, name, bn) == 1 else { throw OpenSSLError.failure("OSSL_PARAM_BLD_push_BN") }
    }

    func octets(_ name: UnsafePointer<CChar>, _ bytes: [UInt8]) throws(JOSEError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        buffer.copyBytes(from: bytes)
        buffers.append(buffer)
        guard OSSL_PARAM_BLD_push_octet_string(builder, name, buffer.baseAddress, bytes.count) == 1 else {
            throw OpenSSLError.failure("OSSL_PARAM_BLD_push_octet_string")
        }
    }

    func utf8(_ name: UnsafePointer<CChar>, _ value: UnsafePointer<CChar>) throws(JOSEError) {
        guard OSSL_PARAM_BLD_push_utf8_string(builder, name, value, 0) == 1 else {
            throw OpenSSLError.failure("OSSL_PARAM_BLD_push_utf8_string")
        }
    }

    /// `EVP_PKEY_fromdata` for key type `type` ("RSA", "EC"); `privateKey` selects the key pair.
    func makeKey(type: String, privateKey: Bool) throws(JOSEError) -> EVPKey {
        guard let params = OSSL_PARAM_BLD_to_param(builder) else { throw OpenSSLError.failure("OSSL_PARAM_BLD_to_param") }
        defer { OSSL_PARAM_free(params) }
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, type, nil) else { throw OpenSSLError.failure("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var pkey: OpaquePointer? = nil
        guard EVP_PKEY_fromdata_init(ctx) == 1,
              EVP_PKEY_fromdata(ctx, &pkey, privateKey ? shim_EVP_PKEY_KEYPAIR : shim_EVP_PKEY_PUBLIC_KEY, params) == 1,
              let pkey else {
            let reason = OpenSSLError.drain()
            throw JOSEError(.invalidKey, "JWK: libcrypto refused the \(type) key parameters (\(reason))")
        }
        return EVPKey(taking: pkey)
    }
}
