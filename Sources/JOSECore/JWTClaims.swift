/// A JWT Claims Set (RFC 7519 §4): the registered claims typed, every member kept in order.
///
/// Reading never coerces: a registered claim of the wrong JSON type (for instance `"exp": "1700000000"`) is left
/// `nil` and reported in ``typeErrors``, so a validator can fail it and `decode` can show it.
public struct JWTClaims: Sendable, Equatable {
    public struct TypeError: Sendable, Equatable {
        public let claim: String
        public let message: String
    }

    public let json: JSONObject
    /// `iss` (RFC 7519 §4.1.1).
    public let iss: String?
    /// `sub` (RFC 7519 §4.1.2).
    public let sub: String?
    /// `aud` (RFC 7519 §4.1.3): a single string or an array of strings; always an array here. Built on access from
    /// the member in ``json`` (checked when the claims are read), so reading a claims set allocates no array for it.
    public var aud: [String]? {
        guard audIndex >= 0 else { return nil }
        switch json.members[audIndex].value {
        case .string(let s): return [s]
        case .array(let items):
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for case .string(let s) in items { strings.append(s) }
            return strings
        default: return nil
        }
    }
    /// The index in `json.members` of an `aud` of the right type, or -1.
    private let audIndex: Int
    /// `exp` (RFC 7519 §4.1.4).
    public let exp: NumericDate?
    /// `nbf` (RFC 7519 §4.1.5).
    public let nbf: NumericDate?
    /// `iat` (RFC 7519 §4.1.6).
    public let iat: NumericDate?
    /// `jti` (RFC 7519 §4.1.7).
    public let jti: String?
    /// `auth_time` (OpenID Connect Core §2), a NumericDate when present.
    public let authTime: NumericDate?
    public let typeErrors: [TypeError]

    /// The names of claims that hold a NumericDate.
    public static let dateClaims = ["exp", "nbf", "iat", "auth_time"]

    public init(json: JSONObject) {
        self.json = json
        var errors: [TypeError] = []
        var iss: String?, sub: String?, audIndex = -1, jti: String?
        var exp: NumericDate?, nbf: NumericDate?, iat: NumericDate?, authTime: NumericDate?
        // Members are read in place by index (no copy of each member); names are unique (the parser guarantees
        // it) and matched by their keys.
        let members = json.members
        func string(_ i: Int, _ section: String) -> String? {
            if case .string(let s) = members[i].value { return s }
            errors.append(TypeError(claim: members[i].name, message: "\"\(members[i].name)\" must be a string (RFC 7519 \(section)), found \(members[i].value.typeName)"))
            return nil
        }
        func date(_ i: Int, _ section: String) -> NumericDate? {
            if case .number(let n) = members[i].value, let seconds = n.doubleValue {
                if seconds.isFinite { return NumericDate(seconds: seconds, text: n.text) }
                // A JSON number too large for a Double (e.g. 1e400): well-formed JSON, but out of range (RFC 8259 §6).
                let problem = NumericDate.rangeProblem(members[i].name, seconds: seconds, text: n.text) ?? "\(members[i].name) \(n.text) is out of range"
                errors.append(TypeError(claim: members[i].name, message: "\(problem): not a usable NumericDate (RFC 7519 \(section))"))
                return nil
            }
            errors.append(TypeError(claim: members[i].name, message: "\"\(members[i].name)\" must be a NumericDate, a JSON number (RFC 7519 \(section)), found \(members[i].value.typeName)"))
            return nil
        }
        for i in members.indices {
            let key = members[i].nameHash
            guard let name = RegisteredName.lookup(key) else {
                if key >= 1 << 63, members[i].name == "auth_time" {
                    authTime = date(i, "§2 of OpenID Connect Core")
                }
                continue
            }
            switch name {
            case .iss: iss = string(i, "§4.1.1")
            case .sub: sub = string(i, "§4.1.2")
            case .aud:
                switch members[i].value {
                case .string: audIndex = i
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): audIndex = i
                default:
                    errors.append(TypeError(claim: "aud", message: "\"aud\" must be a string or an array of strings (RFC 7519 §4.1.3), found \(members[i].value.typeName)"))
                }
            case .exp: exp = date(i, "§4.1.4")
            case .nbf: nbf = date(i, "§4.1.5")
            case .iat: iat = date(i, "§4.1.6")
            case .jti: jti = string(i, "§4.1.7")
            default: break
            }
        }
        // Report type errors in a stable order (registered-claim order), whatever the token's member order.
        if errors.count > 1 {
            let order = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time"]
            errors.sort { (order.firstIndex(of: $0.claim) ?? 99) < (order.firstIndex(of: $1.claim) ?? 99) }
        }
        self.typeErrors = errors
        self.iss = iss
        self.sub = sub
        self.audIndex = audIndex
        self.exp = exp
        self.nbf = nbf
        self.iat = iat
        self.jti = jti
        self.authTime = authTime
    }

    /// The date claim named `name` (`exp`, `nbf`, `iat`, `auth_time`).
    public func date(_ name: String) -> NumericDate? {
        switch name {
        case "exp": exp
        case "nbf": nbf
        case "iat": iat
        case "auth_time": authTime
        default: nil
        }
    }
}
