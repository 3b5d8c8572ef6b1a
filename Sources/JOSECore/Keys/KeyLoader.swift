/// Reads keys from bytes: PEM (SPKI, PKCS#1 RSA public, SEC1 EC private, PKCS#8 private, X.509 certificate), a JWK
/// object (RFC 7517 §4) or a JWK Set (RFC 7517 §5). The format is detected. Errors are
/// `JOSEError(.invalidKey, …)` and never echo key bytes.
public enum KeyLoader {
    /// Largest key file accepted (a JWKS of a few hundred keys fits easily).
    public static let maxBytes = 1 << 20

    public static func load(_ bytes: [UInt8]) throws(JOSEError) -> [JWSKey] {
        try loadReport(bytes).keys
    }

    /// Keys read from `bytes`, and a warning for each key of a JWK Set that was skipped as unusable (RFC 7517 §5).
    public struct Loaded: Sendable {
        public let keys: [JWSKey]
        public let warnings: [String]
    }

    /// As ``load(_:)``, keeping the warnings about skipped JWK Set members.
    public static func loadReport(_ bytes: [UInt8]) throws(JOSEError) -> Loaded {
        guard bytes.count <= maxBytes else {
            throw JOSEError(.inputTooLarge, "key input of \(bytes.count) bytes exceeds the limit of \(maxBytes) bytes")
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // UTF-8 byte order mark
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { throw JOSEError(.invalidKey, "key input is empty") }
        if bytes[start] == UInt8(ascii: "{") {
            let value = try JSONParser().parse(Array(bytes[start...]), context: "JWK")
            guard case .object(let object) = value else { throw JOSEError(.invalidKey, "JWK: not a JSON object") }
            if object["keys"] != nil { return try jwkSetLoaded(object) }
            return Loaded(keys: [try jwk(object)], warnings: [])
        }
        if PEMReader.containsPEM(bytes) { return Loaded(keys: try PEMReader.keys(from: bytes), warnings: []) }
        throw JOSEError(.invalidKey, "key input is neither PEM (-----BEGIN …-----) nor a JWK / JWK Set (JSON object)")
    }

    /// One JWK (RFC 7517 §4; members per RFC 7518 §6 and RFC 8037 §2).
    public static func jwk(_ object: JSONObject) throws(JOSEError) -> JWSKey {
        try JWKReader.key(object)
    }

    /// A JWK Set (RFC 7517 §5). Keys of an unknown `kty` or an unsupported curve (e.g. an X25519 encryption key) are
    /// skipped, as RFC 7517 §5 asks ("implementations SHOULD ignore JWKs within a JWK Set that use "kty" values that
    /// are not understood"); so is a malformed key of a known type (a broken `n`, a point off its curve): one bad
    /// key must not make every token unverifiable. ``jwkSetReport(_:)`` lists both kinds; a set with no usable key
    /// is an error.
    public static func jwkSet(_ object: JSONObject) throws(JOSEError) -> [JWSKey] {
        try jwkSetLoaded(object).keys
    }

    /// As ``jwkSet(_:)`` with a warning per unusable key (kid and reason).
    public static func jwkSetLoaded(_ object: JSONObject) throws(JOSEError) -> Loaded {
        let report = try jwkSetReport(object)
        guard !report.keys.isEmpty else {
            let reasons = report.skipped.map { "key \($0.index): \($0.reason)" } + report.unusable.map { "key \($0.index): \($0.reason)" }
            let why = reasons.isEmpty ? "it is empty" : reasons.joined(separator: "; ")
            throw JOSEError(.invalidKey, "JWK Set: no usable key (\(why))")
        }
        return Loaded(keys: report.keys, warnings: report.unusable.map(\.warning))
    }

    /// The keys of a JWK Set with the entries that were skipped and why (for reports).
    public struct JWKSetReport: Sendable {
        public let keys: [JWSKey]
        /// Entries of a kind this kit does not use (unknown `kty`, an encryption curve): ignored silently.
        public let skipped: [(index: Int, reason: String)]
        /// Entries of a known kind that cannot be used (malformed, off-curve, …): skipped, to be reported as
        /// warnings naming the key.
        public let unusable: [UnusableKey]
    }

    /// A key of a JWK Set that was skipped because it cannot be used (RFC 7517 §5).
    public struct UnusableKey: Sendable, Equatable {
        /// Position in `keys`.
        public let index: Int
        /// The key's `kid` when it has a string one.
        public let kid: String?
        public let reason: String

        /// "JWK Set key 1 (kid "k1") skipped: RSA modulus …".
        public var warning: String {
            let name = kid.map { "kid \(JSONValue.quoted($0))" } ?? "no kid"
            return "JWK Set key \(index) (\(name)) skipped, it cannot be used: \(reason) (RFC 7517 §5)"
        }
    }

    public static func jwkSetReport(_ object: JSONObject) throws(JOSEError) -> JWKSetReport {
        guard let value = object["keys"] else { throw JOSEError(.invalidKey, "JWK Set: \"keys\" member is missing (RFC 7517 §5.1)") }
        guard case .array(let items) = value else {
            throw JOSEError(.invalidKey, "JWK Set: \"keys\" must be an array, found \(value.typeName) (RFC 7517 §5.1)")
        }
        var keys: [JWSKey] = []
        var skipped: [(index: Int, reason: String)] = []
        var unusable: [UnusableKey] = []
        var indices: [Int] = []   // indices[i]: position in `keys` (the JSON array) of keys[i]
        for (index, item) in items.enumerated() {
            guard case .object(let jwkObject) = item else {
                throw JOSEError(.invalidKey, "JWK Set: key \(index) is not a JSON object")
            }
            if let reason = JWKReader.unsupportedReason(jwkObject) {
                skipped.append((index, reason))
                continue
            }
            do {
                keys.append(try JWKReader.key(jwkObject))
                indices.append(index)
            } catch {
                unusable.append(UnusableKey(index: index, kid: jwkObject["kid"]?.stringValue, reason: error.message))
            }
        }
        // A usable key that shares its kid with an unusable one is ambiguous: the kid no longer names one key
        // (RFC 7517 §4.5), so it is skipped too rather than silently chosen.
        let badKids = unusable.compactMap(\.kid)
        if !badKids.isEmpty {
            var kept: [JWSKey] = []
            for (position, key) in keys.enumerated() {
                if let kid = key.kid, let bad = unusable.first(where: { $0.kid.map { ExactText.equal($0, kid) } ?? false }) {
                    unusable.append(UnusableKey(index: indices[position], kid: kid,
                                                reason: "shares its kid with key \(bad.index), which cannot be used, so the kid names no single key (RFC 7517 §4.5)"))
                } else {
                    kept.append(key)
                }
            }
            keys = kept
            unusable.sort { $0.index < $1.index }
        }
        return JWKSetReport(keys: keys, skipped: skipped, unusable: unusable)
    }
}
