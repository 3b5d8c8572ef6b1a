import COpenSSL

extension JWSKey {
    /// SPKI "PUBLIC KEY" PEM (RFC 7468 §13).
    public func publicPEM() throws(JOSEError) -> String {
        guard case .asymmetric(let key) = material else {
            throw JOSEError(.invalidKey, "an HMAC (oct) key has no public PEM form")
        }
        return try JWSKey.writePEM("public key") { PEM_write_bio_PUBKEY($0, key.key.pointer) }
    }

    /// PKCS#8 "PRIVATE KEY" PEM (RFC 7468 §10); nil for a public key. An HMAC key has no PEM form (throws).
    public func privatePEM() throws(JOSEError) -> String? {
        guard case .asymmetric(let key) = material else {
            throw JOSEError(.invalidKey, "an HMAC (oct) key has no PEM form")
        }
        guard key.hasPrivate else { return nil }
        return try JWSKey.writePEM("private key") { shim_PEM_write_bio_PKCS8PrivateKey($0, key.key.pointer) }
    }

    private static func writePEM(_ what: String, _ write: (OpaquePointer) -> Int32) throws(JOSEError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLError.failure("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw OpenSSLError.failure("PEM export of the \(what)") }
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = shim_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else { throw OpenSSLError.failure("PEM export of the \(what)") }
        return UnsafeRawBufferPointer(start: data, count: length).withMemoryRebound(to: UInt8.self) {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
