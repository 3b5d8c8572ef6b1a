import COpenSSL

/// The ECDSA curves of JWS: P-256/384/521 (RFC 7518 §3.4) and secp256k1 (RFC 8812 §3.2).
struct ECCurve: Sendable, Equatable {
    /// The JWK `crv` name (RFC 7518 §6.2.1.1, RFC 8812 §3.1).
    let jwkName: String
    /// libcrypto's group name (as `OSSL_PKEY_PARAM_GROUP_NAME` reports it).
    let groupName: StaticString
    let nid: Int32
    /// Octets of a coordinate and of each of r and s: ceil(order bits / 8) (RFC 7518 §3.4, §6.2.1.2).
    let size: Int
    /// The one JWS algorithm for this curve.
    let algorithm: JWSAlgorithm
    /// The group order n, big-endian, `size` octets.
    let order: [UInt8]

    static func == (lhs: ECCurve, rhs: ECCurve) -> Bool { lhs.nid == rhs.nid }

    static let p256 = ECCurve(jwkName: "P-256", groupName: "prime256v1", nid: NID_X9_62_prime256v1, size: 32, algorithm: .ES256)
    static let p384 = ECCurve(jwkName: "P-384", groupName: "secp384r1", nid: NID_secp384r1, size: 48, algorithm: .ES384)
    static let p521 = ECCurve(jwkName: "P-521", groupName: "secp521r1", nid: NID_secp521r1, size: 66, algorithm: .ES512)
    static let secp256k1 = ECCurve(jwkName: "secp256k1", groupName: "secp256k1", nid: NID_secp256k1, size: 32, algorithm: .ES256K)

    static let all: [ECCurve] = [p256, p384, p521, secp256k1]

    static func named(jwk name: String) -> ECCurve? { all.first { $0.jwkName == name } }

    static func named(group name: String) -> ECCurve? {
        switch name {
        case "prime256v1", "P-256", "secp256r1": p256
        case "secp384r1", "P-384": p384
        case "secp521r1", "P-521": p521
        case "secp256k1": secp256k1
        default: nil
        }
    }

    static func forAlgorithm(_ algorithm: JWSAlgorithm) -> ECCurve? { all.first { $0.algorithm == algorithm } }

    var groupNamePointer: UnsafePointer<CChar> {
        UnsafeRawPointer(groupName.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    private init(jwkName: String, groupName: StaticString, nid: Int32, size: Int, algorithm: JWSAlgorithm) {
        self.jwkName = jwkName
        self.groupName = groupName
        self.nid = nid
        self.size = size
        self.algorithm = algorithm
        self.order = ECCurve.readOrder(nid: nid, size: size)
    }

    private static func readOrder(nid: Int32, size: Int) -> [UInt8] {
        guard let group = EC_GROUP_new_by_curve_name(nid) else {
            preconditionFailure("libcrypto lacks curve NID \(nid)")
        }
        defer { EC_GROUP_free(group) }
        guard let order = EC_GROUP_get0_order(group) else { preconditionFailure("curve without order") }
        var out = [UInt8](repeating: 0, count: size)
        _ = out.withUnsafeMutableBufferPointer { BN_bn2binpad(order, $0.baseAddress, Int32(size)) }
        return out
    }
}
