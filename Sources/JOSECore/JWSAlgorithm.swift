/// The JWS `alg` values this kit knows (RFC 7518 §3.1, RFC 8812 §3.2, RFC 8037 §3.1, RFC 9864 fully-specified
/// EdDSA names). Matching is exact and case-sensitive (RFC 7515 §4.1.1): `"none"` is ``none``, `"NONE"` is unknown.
public enum JWSAlgorithm: String, Sendable, CaseIterable, Hashable {
    case HS256, HS384, HS512
    case RS256, RS384, RS512
    case PS256, PS384, PS512
    case ES256, ES384, ES512
    case ES256K
    case EdDSA
    case Ed25519
    case Ed448
    case none

    /// The family that decides which key type fits.
    public enum Family: String, Sendable {
        case hmac = "HMAC"
        case rsaPKCS1 = "RSASSA-PKCS1-v1_5"
        case rsaPSS = "RSASSA-PSS"
        case ecdsa = "ECDSA"
        case eddsa = "EdDSA"
        case unsecured = "none"
    }

    public var family: Family {
        switch self {
        case .HS256, .HS384, .HS512: .hmac
        case .RS256, .RS384, .RS512: .rsaPKCS1
        case .PS256, .PS384, .PS512: .rsaPSS
        case .ES256, .ES384, .ES512, .ES256K: .ecdsa
        case .EdDSA, .Ed25519, .Ed448: .eddsa
        case .none: .unsecured
        }
    }

    /// Output size of the hash in bytes (0 where the algorithm has no separate hash: EdDSA, none).
    public var hashLength: Int {
        switch self {
        case .HS256, .RS256, .PS256, .ES256, .ES256K: 32
        case .HS384, .RS384, .PS384, .ES384: 48
        case .HS512, .RS512, .PS512, .ES512: 64
        case .EdDSA, .Ed25519, .Ed448, .none: 0
        }
    }

    /// The signature length when it is fixed by the algorithm alone (HMAC, ECDSA r‖s per RFC 7518 §3.4, EdDSA).
    public var fixedSignatureLength: Int? {
        switch self {
        case .HS256: 32
        case .HS384: 48
        case .HS512: 64
        case .ES256, .ES256K: 64
        case .ES384: 96
        case .ES512: 132
        case .Ed25519: 64
        case .Ed448: 114
        default: nil
        }
    }
}
