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
    /// `aud` (RFC 7519 §4.1.3): a single string or an array of strings; always an array here.
    public let aud: [String]?
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
        func string(_ name: String, _ section: String) -> String? {
            guard let value = json[name] else { return nil }
            if case .string(let s) = value { return s }
            errors.append(TypeError(claim: name, message: "\"\(name)\" must be a string (RFC 7519 \(section)), found \(value.typeName)"))
            return nil
        }
        func date(_ name: String, _ section: String) -> NumericDate? {
            guard let value = json[name] else { return nil }
            if case .number(let n) = value, let seconds = n.doubleValue, seconds.isFinite {
                return NumericDate(seconds: seconds, text: n.text)
            }
            errors.append(TypeError(claim: name, message: "\"\(name)\" must be a NumericDate, a JSON number (RFC 7519 \(section)), found \(value.typeName)"))
            return nil
        }
        iss = string("iss", "§4.1.1")
        sub = string("sub", "§4.1.2")
        switch json["aud"] {
        case nil: aud = nil
        case .string(let s)?: aud = [s]
        case .array(let items)? where items.allSatisfy({ $0.stringValue != nil }): aud = items.compactMap(\.stringValue)
        case let other?:
            errors.append(TypeError(claim: "aud", message: "\"aud\" must be a string or an array of strings (RFC 7519 §4.1.3), found \(other.typeName)"))
            aud = nil
        }
        exp = date("exp", "§4.1.4")
        nbf = date("nbf", "§4.1.5")
        iat = date("iat", "§4.1.6")
        jti = string("jti", "§4.1.7")
        authTime = date("auth_time", "§2 of OpenID Connect Core")
        typeErrors = errors
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
