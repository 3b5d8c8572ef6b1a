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
    /// follows when a check warned (a `scope` array, SCOPE-03), `"error"` when the line is not a token.
    static func batchLine(line: Int, verdict: String, failed: [String], scopes: [String], warned: [String] = [], error: String? = nil) -> String {
        var out = "{\"line\":\(line),\"verdict\":\"\(verdict)\",\"failed\":["
        for (k, id) in failed.enumerated() {
            if k > 0 { out += "," }
            quote(id, to: &out)
        }
        out += "],\"scopes\":["
        for (k, scope) in scopes.enumerated() {
            if k > 0 { out += "," }
            quote(scope, to: &out)
        }
        out += "]"
        if !warned.isEmpty {
            out += ",\"warned\":["
            for (k, id) in warned.enumerated() {
                if k > 0 { out += "," }
                quote(id, to: &out)
            }
            out += "]"
        }
        if let error {
            out += ",\"error\":"
            JSONValue.writeString(error, to: &out)
        }
        out += "}\n"
        return out
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
