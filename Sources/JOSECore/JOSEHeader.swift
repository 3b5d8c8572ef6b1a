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
        // One pass collects the registered parameters (the first of a name, as a lookup would find it); the checks
        // below then run in their documented order.
        var alg, enc, typ, cty, kid, jku, x5u, x5t, x5tS256, crit, jwk, x5c, b64: JSONValue?
        for member in json.members {
            guard let name = RegisteredName(rawValue: member.nameHash) else {
                if member.nameHash >= 1 << 63, x5tS256 == nil, member.name == "x5t#S256" { x5tS256 = member.value }
                continue
            }
            switch name {
            case .alg: if alg == nil { alg = member.value }
            case .enc: if enc == nil { enc = member.value }
            case .typ: if typ == nil { typ = member.value }
            case .cty: if cty == nil { cty = member.value }
            case .kid: if kid == nil { kid = member.value }
            case .jku: if jku == nil { jku = member.value }
            case .x5u: if x5u == nil { x5u = member.value }
            case .x5t: if x5t == nil { x5t = member.value }
            case .crit: if crit == nil { crit = member.value }
            case .jwk: if jwk == nil { jwk = member.value }
            case .x5c: if x5c == nil { x5c = member.value }
            case .b64: if b64 == nil { b64 = member.value }
            default: break
            }
        }
        func string(_ name: String, _ value: JSONValue?) throws(JOSEError) -> String? {
            guard let value else { return nil }
            guard case .string(let s) = value else {
                throw JOSEError(.invalidHeader, "header: \"\(name)\" must be a string, found \(value.typeName)")
            }
            return s
        }
        guard let algText = try string("alg", alg) else {
            throw JOSEError(.invalidHeader, "header: \"alg\" is missing (RFC 7515 §4.1.1 requires it)")
        }
        let encText = try string("enc", enc)
        if requireEnc, encText == nil {
            throw JOSEError(.invalidHeader, "JWE header: \"enc\" is missing (RFC 7516 §4.1.2 requires it)")
        }
        let typText = try string("typ", typ)
        let ctyText = try string("cty", cty)
        let kidText = try string("kid", kid)
        let jkuText = try string("jku", jku)
        let x5uText = try string("x5u", x5u)
        let x5tText = try string("x5t", x5t)
        let x5tS256Text = try string("x5t#S256", x5tS256)
        var critNames: [String]? = nil
        if let value = crit {
            guard case .array(let items) = value, !items.isEmpty else {
                throw JOSEError(.invalidHeader, "header: \"crit\" must be a non-empty array of strings (RFC 7515 §4.1.11)")
            }
            var names: [String] = []
            names.reserveCapacity(items.count)
            for item in items {
                guard case .string(let s) = item else {
                    throw JOSEError(.invalidHeader, "header: \"crit\" must hold only strings (RFC 7515 §4.1.11)")
                }
                names.append(s)
            }
            critNames = names
        }
        var jwkObject: JSONObject? = nil
        if let value = jwk {
            guard case .object(let o) = value else {
                throw JOSEError(.invalidHeader, "header: \"jwk\" must be a JSON object (RFC 7515 §4.1.3)")
            }
            jwkObject = o
        }
        var x5cStrings: [String]? = nil
        if let value = x5c {
            guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) else {
                throw JOSEError(.invalidHeader, "header: \"x5c\" must be an array of strings (RFC 7515 §4.1.6)")
            }
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for case .string(let s) in items { strings.append(s) }
            x5cStrings = strings
        }
        var b64Flag: Bool? = nil
        if let value = b64 {
            guard case .bool(let b) = value else {
                throw JOSEError(.invalidHeader, "header: \"b64\" must be a boolean (RFC 7797 §3)")
            }
            b64Flag = b
        }
        // Stored properties set once, at the end (see JWSToken.init).
        self.json = json
        self.alg = algText
        self.enc = encText
        self.typ = typText
        self.cty = ctyText
        self.kid = kidText
        self.jku = jkuText
        self.x5u = x5uText
        self.x5t = x5tText
        self.x5tS256 = x5tS256Text
        self.crit = critNames
        self.jwk = jwkObject
        self.x5c = x5cStrings
        self.b64 = b64Flag
    }
}
