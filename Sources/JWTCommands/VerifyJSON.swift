import JOSECore
import JWTValidation

/// The `--json` object of `jwt verify` and the per-line object of `--batch`.
enum VerifyJSON {
    static func object(_ report: ValidationReport, token: JWSToken, fingerprint: String, now: Double, warnings: [String] = []) -> JSONValue {
        var object = JSONObject()
        object["verdict"] = .string(report.verdict.rawValue)
        object["token"] = .string(fingerprint)
        object["failed"] = .array(report.failedIDs.map { .string($0) })
        object["findings"] = .array(report.findings.map { finding in
            ["id": .string(finding.id), "status": .string(finding.status.rawValue),
             "message": .string(VerifyFlagHint.message(finding)), "section": .string(finding.section)]
        })
        object["scopes"] = [
            "granted": .array(report.grantedScopes.map { .string($0) }),
            "missing": .array(report.missingScopes.map { .string($0) }),
            "excess": .array(report.excessScopes.map { .string($0) }),
        ]
        if report.verifiedKeyThumbprint != nil || report.verifiedKeyID != nil {
            var key = JSONObject()
            if let kid = report.verifiedKeyID { key["kid"] = .string(kid) }
            if let thumbprint = report.verifiedKeyThumbprint { key["thumbprint"] = .string(thumbprint) }
            object["key"] = .object(key)
        }
        if !warnings.isEmpty { object["warnings"] = .array(warnings.map { .string($0) }) }
        object["header"] = .object(token.header.json)
        if case .success(let claims) = token.claims { object["claims"] = .object(claims.json) }
        object["now"] = .string(UTCTime.format(now))
        return .object(object)
    }

    /// One `--batch` line: `{"line":N,"verdict":"pass","failed":[…],"scopes":[…]}`, never the token; `"warned":[…]`
    /// follows when a check warned (a `scope` array, SCOPE-03), `"error"` when the line is not a token, `"findings"`
    /// (id, status, message) with `--explain`.
    static func batchLine(line: Int, verdict: String, failed: [String], scopes: [String], warned: [String] = [], error: String? = nil,
                          findings: [Finding]? = nil) -> String {
        var out = ""
        writeBatchLine(line: line, verdict: verdict, failed: failed, scopes: scopes, warned: warned, error: error, findings: findings, to: &out)
        return out
    }

    /// ``batchLine(line:verdict:failed:scopes:warned:error:findings:)`` appended to a buffer the caller reuses.
    static func writeBatchLine(line: Int, verdict: String, failed: [String], scopes: [String], warned: [String] = [], error: String? = nil,
                               findings: [Finding]? = nil, to out: inout String) {
        out += "{\"line\":"
        out += String(line)
        out += ",\"verdict\":\""
        out += verdict
        out += "\",\"failed\":"
        list(failed, to: &out)
        out += ",\"scopes\":"
        list(scopes, to: &out)
        if !warned.isEmpty {
            out += ",\"warned\":"
            list(warned, to: &out)
        }
        if let error {
            out += ",\"error\":"
            JSONValue.writeString(error, to: &out)
        }
        if let findings {
            out += ",\"findings\":["
            for (k, finding) in findings.enumerated() {
                if k > 0 { out += "," }
                out += "{\"id\":"
                quote(finding.id, to: &out)
                out += ",\"status\":\""
                out += finding.status.rawValue
                out += "\",\"message\":"
                JSONValue.writeString(VerifyFlagHint.message(finding), to: &out)
                out += "}"
            }
            out += "]"
        }
        out += "}\n"
    }

    /// A JSON array of strings.
    static func list(_ items: [String], to out: inout String) {
        out += "["
        for (k, item) in items.enumerated() {
            if k > 0 { out += "," }
            quote(item, to: &out)
        }
        out += "]"
    }

    /// A JSON string: printable ASCII without `"` or `\` is copied as is; anything else goes through the escaper.
    static func quote(_ text: String, to out: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += "\""
            out += text
            out += "\""
        } else {
            JSONValue.writeString(text, to: &out)
        }
    }
}
