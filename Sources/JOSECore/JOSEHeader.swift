/// A JOSE Header (RFC 7515 §4, RFC 7516 §4): the registered parameters typed, every member kept in order.
public struct JOSEHeader: Sendable, Equatable {
    /// All members as parsed, in their original order.
    public let json: JSONObject
    /// `alg` (RFC 7515 §4.1.1): required, a string. Kept as written (case and all); see ``algorithm``.
    public let alg: String
    /// `enc` (RFC 7516 §4.1.2), JWE only.
    public let enc: String?
    public let typ: String?
    public let cty: String?
    public let kid: String?
    /// `crit` (RFC 7515 §4.1.11): when present, a non-empty array of strings.
    public let crit: [String]?
    public let jku: String?
    public let jwk: JSONObject?
    public let x5u: String?
    public let x5c: [String]?
    public let x5t: String?
    public let x5tS256: String?
    /// `b64` (RFC 7797 §3); `nil` when absent (which means `true`).
    public let b64: Bool?

    /// The registered algorithm named by `alg`, if any (exact, case-sensitive match as RFC 7515 §4.1.1 requires).
    public var algorithm: JWSAlgorithm? { JWSAlgorithm(rawValue: alg) }

    /// Header parameters that make the token name its own key source (RFC 8725 §3.10 / RFC 7515 §4.1.2–4.1.6).
    public var selfNamedKeyParameters: [String] {
        ["jwk", "jku", "x5u", "x5c"].filter { json[$0] != nil }
    }

    /// Reads a header; `requireEnc` is set for JWE protected headers.
    public init(json: JSONObject, requireEnc: Bool = false) throws(JOSEError) {
        self.json = json
        func string(_ name: String) throws(JOSEError) -> String? {
            guard let value = json[name] else { return nil }
            guard case .string(let s) = value else {
                throw JOSEError(.invalidHeader, "header: \"\(name)\" must be a string, found \(value.typeName)")
            }
            return s
        }
        guard let alg = try string("alg") else {
            throw JOSEError(.invalidHeader, "header: \"alg\" is missing (RFC 7515 §4.1.1 requires it)")
        }
        self.alg = alg
        self.enc = try string("enc")
        if requireEnc, enc == nil {
            throw JOSEError(.invalidHeader, "JWE header: \"enc\" is missing (RFC 7516 §4.1.2 requires it)")
        }
        self.typ = try string("typ")
        self.cty = try string("cty")
        self.kid = try string("kid")
        self.jku = try string("jku")
        self.x5u = try string("x5u")
        self.x5t = try string("x5t")
        self.x5tS256 = try string("x5t#S256")
        if let value = json["crit"] {
            guard case .array(let items) = value, !items.isEmpty else {
                throw JOSEError(.invalidHeader, "header: \"crit\" must be a non-empty array of strings (RFC 7515 §4.1.11)")
            }
            var names: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw JOSEError(.invalidHeader, "header: \"crit\" must hold only strings (RFC 7515 §4.1.11)")
                }
                names.append(s)
            }
            self.crit = names
        } else {
            self.crit = nil
        }
        if let value = json["jwk"] {
            guard case .object(let o) = value else {
                throw JOSEError(.invalidHeader, "header: \"jwk\" must be a JSON object (RFC 7515 §4.1.3)")
            }
            self.jwk = o
        } else {
            self.jwk = nil
        }
        if let value = json["x5c"] {
            guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) else {
                throw JOSEError(.invalidHeader, "header: \"x5c\" must be an array of strings (RFC 7515 §4.1.6)")
            }
            self.x5c = items.compactMap(\.stringValue)
        } else {
            self.x5c = nil
        }
        if let value = json["b64"] {
            guard case .bool(let b) = value else {
                throw JOSEError(.invalidHeader, "header: \"b64\" must be a boolean (RFC 7797 §3)")
            }
            self.b64 = b
        } else {
            self.b64 = nil
        }
    }
}
