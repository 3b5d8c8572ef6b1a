import JOSECore
import JWTValidation

/// Human output of `jwt decode`. Token text reaches the terminal only through ``ExternalText/escaped(_:)`` (`alg`,
/// `enc`, warnings, a payload that is not JSON); header and claims through ``JSONValue/pretty(indent:)``, whose
/// strings escape the same characters.
struct DecodeTextRenderer {
    let style: TerminalStyle

    func render(_ report: DecodeReport) -> String {
        var out = ""
        switch report.token {
        case .jwe(let jwe):
            out += style.bold("JWE") + " (compact, 5 segments): alg \(ExternalText.escaped(jwe.header.alg)), enc \(ExternalText.escaped(jwe.header.enc ?? "?"))\n"
            out += style.yellow("The payload is encrypted; it was not decrypted.") + "\n\n"
            out += style.cyan("Protected header") + "\n" + JSONValue.object(jwe.header.json).pretty() + "\n"
            return out
        case .jws(let jws):
            let sig = jws.isUnsecured ? "no signature (unsecured)"
                : jws.signatureDefect != nil ? "signature \(ExternalText.escaped(jws.header.alg)), unreadable (see warnings)"
                : "signature \(ExternalText.escaped(jws.header.alg)), \(jws.signature.count) bytes"
            out += style.bold(report.kind) + " · " + sig + " · " + style.yellow("NOT VERIFIED") + ": decode checks no signature\n\n"
            out += style.cyan("Header") + "\n" + JSONValue.object(jws.header.json).pretty() + "\n\n"
            switch jws.claims {
            case .success(let claims):
                out += style.cyan("Claims") + "\n" + JSONValue.object(claims.json).pretty() + "\n"
            case .failure:
                out += style.cyan("Payload") + " (not JSON)\n" + ExternalText.escaped(String(decoding: jws.payload, as: UTF8.self)) + "\n"
            }
        }
        if let inspection = report.inspection {
            if !inspection.times.isEmpty {
                out += "\n" + style.cyan("Times") + " (now \(UTCTime.format(report.now)))\n"
                let width = inspection.times.map(\.claim.count).max() ?? 3
                for time in inspection.times {
                    let name = time.claim + String(repeating: " ", count: width - time.claim.count)
                    out += "  \(name)  \(UTCTime.format(time.date.seconds))  \(DecodeReport.phrase(for: time))"
                    if time.date.looksLikeMilliseconds, !time.date.isOutOfRange {
                        out += style.yellow("  (as milliseconds: \(UTCTime.format(time.date.seconds / 1000)))")
                    }
                    out += "\n"
                }
            }
            if let status = report.statusText {
                let colored: String
                switch inspection.status {
                case .expired, .notYetValid: colored = style.red(status)
                default: colored = style.green(status)
                }
                out += "\n" + style.bold("Status") + ": " + colored + "\n"
            }
            if !inspection.warnings.isEmpty {
                out += "\n" + style.yellow("Warnings") + "\n"
                for warning in inspection.warnings {
                    out += "  " + style.yellow("!") + " \(ExternalText.escaped(warning.message)) [\(warning.id)]\n"
                }
            }
        }
        return out
    }
}
