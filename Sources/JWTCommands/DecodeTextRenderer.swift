import JOSECore
import JWTValidation

/// Human output of `jwt decode`.
struct DecodeTextRenderer {
    let style: TerminalStyle

    /// Control characters (terminal escapes included) shown as `\u{…}`: a token must not drive the terminal.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func render(_ report: DecodeReport) -> String {
        var out = ""
        switch report.token {
        case .jwe(let jwe):
            out += style.bold("JWE") + " (compact, 5 segments): alg \(jwe.header.alg), enc \(jwe.header.enc ?? "?")\n"
            out += style.yellow("The payload is encrypted; it was not decrypted.") + "\n\n"
            out += style.cyan("Protected header") + "\n" + JSONValue.object(jwe.header.json).pretty() + "\n"
            return out
        case .jws(let jws):
            let sig = jws.isUnsecured ? "no signature (unsecured)" : "signature \(jws.header.alg), \(jws.signature.count) bytes"
            out += style.bold(report.kind) + " · " + sig + " · " + style.yellow("NOT VERIFIED") + ": decode checks no signature\n\n"
            out += style.cyan("Header") + "\n" + JSONValue.object(jws.header.json).pretty() + "\n\n"
            switch jws.claims {
            case .success(let claims):
                out += style.cyan("Claims") + "\n" + JSONValue.object(claims.json).pretty() + "\n"
            case .failure:
                out += style.cyan("Payload") + " (not JSON)\n" + Self.printable(String(decoding: jws.payload, as: UTF8.self)) + "\n"
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
                    out += "  " + style.yellow("!") + " \(warning.message) [\(warning.id)]\n"
                }
            }
        }
        return out
    }
}
