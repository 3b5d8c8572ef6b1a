import COpenSSL

/// PEM blocks (RFC 7468) → keys: "PUBLIC KEY" (SPKI), "RSA PUBLIC KEY" (PKCS#1), "EC PRIVATE KEY" (SEC1),
/// "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" (PKCS#1) and "CERTIFICATE" (its subject public key). Encrypted private
/// keys are refused (never a password prompt). Other blocks (parameters, CSRs) are ignored; no key at all is an error.
enum PEMReader {
    static func containsPEM(_ bytes: [UInt8]) -> Bool { firstIndex(of: beginMarker, in: bytes[...]) != nil }

    private static let beginMarker = Array("-----BEGIN ".utf8)
    private static let endMarker = Array("-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    static func keys(from bytes: [UInt8]) throws(JOSEError) -> [JWSKey] {
        var keys: [JWSKey] = []
        var ignored: [String] = []
        var rest = bytes[...]
        var blockNumber = 0
        while let begin = firstIndex(of: beginMarker, in: rest) {
            let labelStart = begin + beginMarker.count
            guard let labelEnd = firstIndex(of: dashes, in: rest[labelStart...]) else {
                throw JOSEError(.invalidKey, "PEM: unterminated BEGIN line")
            }
            let label = String(decoding: rest[labelStart..<labelEnd], as: UTF8.self)
            let end = Array("-----END \(label)-----".utf8)
            guard let endStart = firstIndex(of: end, in: rest[labelEnd...]) else {
                throw JOSEError(.invalidKey, "PEM: \"\(label)\" block has no matching END line")
            }
            let block = Array(rest[begin..<(endStart + end.count)])
            blockNumber += 1
            if let key = try read(block: block, label: label, number: blockNumber) {
                keys.append(key)
            } else {
                ignored.append(label)
            }
            rest = rest[(endStart + end.count)...]
        }
        guard !keys.isEmpty else {
            let what = ignored.isEmpty ? "no PEM block" : "only \(ignored.map { "\"\($0)\"" }.joined(separator: ", ")) blocks"
            throw JOSEError(.invalidKey, "PEM: no key found (\(what)); expected PUBLIC KEY, RSA PUBLIC KEY, EC PRIVATE KEY, PRIVATE KEY or CERTIFICATE")
        }
        return keys
    }

    private static func read(block: [UInt8], label: String, number: Int) throws(JOSEError) -> JWSKey? {
        let isEncrypted = label == "ENCRYPTED PRIVATE KEY" || firstIndex(of: Array("Proc-Type: 4,ENCRYPTED".utf8), in: block[...]) != nil
        if isEncrypted {
            throw JOSEError(.invalidKey, "PEM block \(number) (\(label)) is encrypted: decrypt it first (no password prompts here)")
        }
        let pkey: OpaquePointer?
        let hasPrivate: Bool
        switch label {
        case "PUBLIC KEY":
            pkey = withBIO(block) { shim_PEM_read_bio_PUBKEY($0) }
            hasPrivate = false
        case "RSA PUBLIC KEY":
            pkey = withBIO(block) { bio -> OpaquePointer? in
                var name: UnsafeMutablePointer<CChar>? = nil
                var header: UnsafeMutablePointer<CChar>? = nil
                var data: UnsafeMutablePointer<UInt8>? = nil
                var length = 0
                guard PEM_read_bio(bio, &name, &header, &data, &length) == 1 else { return nil }
                defer {
                    CRYPTO_free(name, #fileID, #line)
                    CRYPTO_free(header, #fileID, #line)
                    CRYPTO_free(data, #fileID, #line)
                }
                return shim_d2i_RSAPublicKey(data, length)
            }
            hasPrivate = false
        case "EC PRIVATE KEY", "PRIVATE KEY", "RSA PRIVATE KEY":
            pkey = withBIO(block) { shim_PEM_read_bio_PrivateKey($0) }
            hasPrivate = true
        case "CERTIFICATE":
            pkey = withBIO(block) { bio -> OpaquePointer? in
                guard let certificate = shim_PEM_read_bio_X509(bio) else { return nil }
                defer { X509_free(certificate) }
                return X509_get_pubkey(certificate)
            }
            hasPrivate = false
        default:
            return nil
        }
        guard let pkey else {
            let reason = OpenSSLError.drain()
            throw JOSEError(.invalidKey, "PEM block \(number) (\(label)) could not be read: \(reason)")
        }
        do {
            return try JWSKey(material: .asymmetric(AsymmetricKey(EVPKey(taking: pkey), hasPrivate: hasPrivate)),
                              kid: nil, alg: nil, use: nil, keyOps: nil)
        } catch {
            throw JOSEError(error.code, "PEM block \(number) (\(label)): \(error.message)")
        }
    }

    private static func withBIO<R>(_ block: [UInt8], _ body: (OpaquePointer) -> R?) -> R? {
        block.withUnsafeBytes { raw -> R? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
