import JOSECore

/// SCP-01…SCP-03: the scope audit (RFC 6749 §3.3; scope tokens compared exactly and case-sensitively).
enum ScopeChecks {
    static func run(_ c: CheckContext) -> (findings: [CheckFinding], audit: ScopeAudit?) {
        typealias K = CheckCatalogue
        let expect = c.endpoint.expect
        guard let granted = c.grantedScopes else {
            let checks = [K.requiredScopes, K.allowedScopes, K.forbiddenScopes]
            if c.accessToken == nil { return (checks.map { .notRun($0, .noAccessToken) }, nil) }
            return (checks.map { .skip($0, "granted scopes could not be read") }, nil)
        }
        // Byte-exact sets: Swift String hashing would merge NFC and NFD spellings (RFC 6749 §3.3 compares as-is).
        let have = Set(granted.map(ExactString.init))
        let missing = expect.requiredScopes.filter { !have.contains(ExactString($0)) }.sorted()
        var excess: [String] = []
        if let allowed = expect.allowedScopes {
            let permitted = Set(allowed.map(ExactString.init))
            excess = granted.filter { !permitted.contains(ExactString($0)) }.sorted()
        }
        let forbidden = expect.forbiddenScopes.filter { have.contains(ExactString($0)) }.sorted()
        let audit = ScopeAudit(granted: granted.sorted(), missing: missing, excess: excess, forbidden: forbidden)
        let grantedText = granted.isEmpty ? "none" : granted.sorted().joined(separator: " ")
        var out: [CheckFinding] = []
        if expect.requiredScopes.isEmpty {
            out.append(.skip(K.requiredScopes, "no required scopes configured"))
        } else {
            out.append(CheckFinding(K.requiredScopes, missing.isEmpty ? .pass : .fail, expected: expect.requiredScopes.joined(separator: " "),
                                    actual: missing.isEmpty ? "granted: \(grantedText)" : "missing: \(missing.joined(separator: " "))"))
        }
        if let allowed = expect.allowedScopes {
            out.append(CheckFinding(K.allowedScopes, excess.isEmpty ? .pass : .fail, expected: "only: \(allowed.isEmpty ? "none" : allowed.joined(separator: " "))",
                                    actual: excess.isEmpty ? "granted: \(grantedText)" : "excess: \(excess.joined(separator: " "))"))
        } else {
            out.append(.skip(K.allowedScopes, "no allowed scope list configured"))
        }
        if expect.forbiddenScopes.isEmpty {
            out.append(.skip(K.forbiddenScopes, "no forbidden scopes configured"))
        } else {
            out.append(CheckFinding(K.forbiddenScopes, forbidden.isEmpty ? .pass : .fail, expected: "none of: \(expect.forbiddenScopes.joined(separator: " "))",
                                    actual: forbidden.isEmpty ? "none granted" : "granted: \(forbidden.joined(separator: " "))"))
        }
        return (out, audit)
    }
}
