extension TokenResponseDeviation: CustomStringConvertible {
    /// A short, stable phrase for reports (never contains the token).
    public var description: String {
        switch self {
        case .expiresInString(let s): "expires_in is a string (\"\(s.prefix(20))\"), RFC 6749 §5.1 wants a number"
        case .expiresInMissing: "expires_in is missing (RFC 6749 §5.1: RECOMMENDED)"
        case .expiresInInvalid(let s): "expires_in is not a non-negative integer (\(s.prefix(20)))"
        case .tokenTypeCase(let t): "token_type is \"\(t.prefix(20))\", not \"Bearer\" (case differs; RFC 6749 §7.1 compares case-insensitively)"
        case .tokenTypeNotBearer(let t): "token_type is \"\(t.prefix(20))\", not Bearer (RFC 6750)"
        case .tokenTypeMissing: "token_type is missing (RFC 6749 §5.1: REQUIRED)"
        case .cacheControlMissing: "no Cache-Control: no-store (RFC 6749 §5.1: MUST)"
        case .contentTypeNotJSON(let c): "Content-Type is \(c.map { "\"\($0.prefix(60))\"" } ?? "missing"), not application/json (RFC 6749 §5.1)"
        case .extraFields(let names): "extra members: \(names.prefix(20).joined(separator: ", "))"
        }
    }
}
