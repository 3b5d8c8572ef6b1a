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
        // The names live in a static array: a header that names none (read once a token) allocates nothing.
        var named: [String] = []
        for name in Self.keyParameterNames where json[name] != nil { named.append(name) }
        return named
    }

    /// The parameters by which a header can name its own key, in the order they are reported.
    static let keyParameterNames = ["jwk", "jku", "x5u", "x5c"]

    /// Reads a header; `requireEnc` is set for JWE protected headers.
    public init(json: JSONObject, requireEnc: Bool = false) throws(JOSEError) {
        // One pass finds the registered parameters (the first of a name, as a lookup would find it) by index, so
        // nothing is copied until it is read; the checks below then run in their documented order.
        let members = json.members
        var alg = -1, enc = -1, typ = -1, cty = -1, kid = -1, jku = -1, x5u = -1, x5t = -1, x5tS256 = -1
        var crit = -1, jwk = -1, x5c = -1, b64 = -1
        for i in members.indices {
            let key = members[i].nameHash
            guard let name = RegisteredName.lookup(key) else {
                if key >= 1 << 63, x5tS256 < 0, members[i].name == "x5t#S256" { x5tS256 = i }
                continue
            }
            switch name {
            case .alg: if alg < 0 { alg = i }
            case .enc: if enc < 0 { enc = i }
            case .typ: if typ < 0 { typ = i }
            case .cty: if cty < 0 { cty = i }
            case .kid: if kid < 0 { kid = i }
            case .jku: if jku < 0 { jku = i }
            case .x5u: if x5u < 0 { x5u = i }
            case .x5t: if x5t < 0 { x5t = i }
            case .crit: if crit < 0 { crit = i }
            case .jwk: if jwk < 0 { jwk = i }
            case .x5c: if x5c < 0 { x5c = i }
            case .b64: if b64 < 0 { b64 = i }
            default: break
            }
        }
        func string(_ name: String, _ index: Int) throws(JOSEError) -> String? {
            guard index >= 0 else { return nil }
            guard case .string(let s) = members[index].value else {
                throw JOSEError(.invalidHeader, "header: \"\(name)\" must be a string, found \(members[index].value.typeName)")
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
        if crit >= 0 {
            let value = members[crit].value
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
        if jwk >= 0 {
            let value = members[jwk].value
            guard case .object(let o) = value else {
                throw JOSEError(.invalidHeader, "header: \"jwk\" must be a JSON object (RFC 7515 §4.1.3)")
            }
            jwkObject = o
        }
        var x5cStrings: [String]? = nil
        if x5c >= 0 {
            let value = members[x5c].value
            guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) else {
                throw JOSEError(.invalidHeader, "header: \"x5c\" must be an array of strings (RFC 7515 §4.1.6)")
            }
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for case .string(let s) in items { strings.append(s) }
            x5cStrings = strings
        }
        var b64Flag: Bool? = nil
        if b64 >= 0 {
            let value = members[b64].value
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
