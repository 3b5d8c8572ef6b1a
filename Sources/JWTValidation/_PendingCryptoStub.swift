// TEMPORARY: stands in for the crypto-api.md contract until branch `crypto` is merged. Delete on merge.
import JOSECore

public final class JWSKey: @unchecked Sendable {
    public enum KeyType: Sendable, Equatable {
        case rsa(bits: Int)
        case ec(curve: String)
        case okp(curve: String)
        case oct(bytes: Int)
    }
    public let type: KeyType
    public let kid: String?
    public let alg: String?
    public let use: String?
    public let keyOps: [String]?
    let secret: [UInt8]
    init(type: KeyType, kid: String?, secret: [UInt8] = []) {
        self.type = type; self.kid = kid; self.alg = nil; self.use = nil; self.keyOps = nil; self.secret = secret
    }
    public var isPrivate: Bool { true }
    public var thumbprint: String { "stub" }
    public var compatibleAlgorithms: [JWSAlgorithm] {
        switch type {
        case .rsa: [.RS256, .RS384, .RS512, .PS256, .PS384, .PS512]
        case .ec(let c): c == "P-256" ? [.ES256] : c == "P-384" ? [.ES384] : c == "P-521" ? [.ES512] : [.ES256K]
        case .okp(let c): c == "Ed25519" ? [.EdDSA, .Ed25519] : [.EdDSA, .Ed448]
        case .oct(let n): [.HS256, .HS384, .HS512].filter { $0.hashLength <= n }
        }
    }
    public var publicJWK: JSONObject { [:] }
    public var privateJWK: JSONObject? { nil }
    public static func hmac(secret: [UInt8], kid: String? = nil) throws(JOSEError) -> JWSKey {
        JWSKey(type: .oct(bytes: secret.count), kid: kid, secret: secret)
    }
    public static func generate(for algorithm: JWSAlgorithm, kid: String? = nil) throws(JOSEError) -> JWSKey {
        throw JOSEError(.unsupportedAlgorithm, "stub")
    }
    public func publicPEM() throws(JOSEError) -> String { throw JOSEError(.invalidKey, "stub") }
    public func privatePEM() throws(JOSEError) -> String? { nil }
}

public enum KeyLoader {
    public static func load(_ bytes: [UInt8]) throws(JOSEError) -> [JWSKey] { throw JOSEError(.invalidKey, "stub") }
    public static func jwk(_ object: JSONObject) throws(JOSEError) -> JWSKey { throw JOSEError(.invalidKey, "stub") }
    public static func jwkSet(_ object: JSONObject) throws(JOSEError) -> [JWSKey] { throw JOSEError(.invalidKey, "stub") }
}

public enum JWSVerifier {
    public static func verify(_ jws: JWSToken, key: JWSKey) throws(JOSEError) -> Bool {
        guard let alg = jws.header.algorithm, key.compatibleAlgorithms.contains(alg) else { throw JOSEError(.keyMismatch, "stub mismatch") }
        return jws.signature == Array("sig:\(key.secret.count)".utf8)
    }
}

public enum JWSSigner {
    public static func sign(header: JSONObject, payload: [UInt8], key: JWSKey) throws(JOSEError) -> String {
        let input = Base64URL.encode(Array(JSONValue.object(header).compact.utf8)) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(Array("sig:\(key.secret.count)".utf8))
    }
}
