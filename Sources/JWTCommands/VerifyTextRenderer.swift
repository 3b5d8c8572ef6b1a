import JOSECore
import JWTValidation

/// Human output of `jwt verify`: one line per check (✓ pass, ✗ fail, ! warn, · skip), the verdict, the scopes,
/// then the decoded header and claims. Token text (in messages, scopes, `kid`) goes through
/// ``ExternalText/escaped(_:)``; header and claims through JSON escaping.
struct VerifyTextRenderer {
    let style: TerminalStyle

    /// `warnings`: keys skipped from a set (RFC 7517 §5), an `x5c` key used without chain validation, … — each on
    /// a `! warning:` line after the checks; they never change the verdict.
    func render(_ report: ValidationReport, token: JWSToken, fingerprint: String, warnings: [String] = []) -> String {
        var out = ""
        let width = report.findings.map(\.id.count).max() ?? 0
        for finding in report.findings {
            let id = finding.id + String(repeating: " ", count: width - finding.id.count)
            let mark: String
            switch finding.status {
            case .pass: mark = style.green("✓")
            case .fail: mark = style.red("✗")
            case .warn: mark = style.yellow("!")
            case .skip: mark = style.dim("·")
            }
            let message = ExternalText.escaped(VerifyFlagHint.message(finding))
            let text = finding.status == .skip ? style.dim(message) : message
            out += "\(mark) \(id)  \(text)  \(style.dim("(\(finding.section))"))\n"
        }
        for warning in warnings { out += "\(style.yellow("!")) warning: \(warning)\n" }
        out += "\n"
        if report.passed {
            out += style.bold(style.green("VALID")) + "  token \(fingerprint)"
        } else {
            let failed = report.failedIDs
            out += style.bold(style.red("INVALID")) + "  \(failed.count) check\(failed.count == 1 ? "" : "s") failed: \(failed.joined(separator: ", "))  token \(fingerprint)"
        }
        if let kid = report.verifiedKeyID { out += "  key kid \"\(ExternalText.escaped(kid))\"" }
        out += "\n"
        out += "scopes: granted \(Self.list(report.grantedScopes))"
        if !report.missingScopes.isEmpty { out += " · missing \(Self.list(report.missingScopes))" }
        if !report.excessScopes.isEmpty { out += " · excess \(Self.list(report.excessScopes))" }
        out += "\n\n"
        out += style.bold("Header") + "\n" + JSONValue.object(token.header.json).pretty() + "\n"
        switch token.claims {
        case .success(let claims): out += style.bold("Claims") + "\n" + JSONValue.object(claims.json).pretty() + "\n"
        case .failure(let error): out += style.bold("Payload") + "\n" + ExternalText.escaped(error.message) + "\n"
        }
        return out
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "—" : items.map(ExternalText.escaped).joined(separator: " ") }
}
