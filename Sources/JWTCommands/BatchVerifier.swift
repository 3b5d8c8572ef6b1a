import JOSECore
import JWTValidation

/// `jwt verify --batch`: one token per line in, one JSON line per token out (line number, verdict, failed check
/// ids, granted scopes; never the token), a summary on stderr. Keys are parsed once; lines are streamed.
struct BatchVerifier {
    let validator: Validator
    let keys: KeyRing
    let limits: CompactToken.Limits
    /// Output is flushed in chunks of this many bytes.
    static let flushBytes = 1 << 16

    func run(lines: inout any LineSource, environment: CommandEnvironment) throws(JWTCommandsError) -> JWTExit {
        var out = ""
        out.reserveCapacity(Self.flushBytes + 4096)
        var lineNumber = 0
        var total = 0, passed = 0, failed = 0, malformed = 0
        func summary(_ note: String = "") -> String {
            "jwt verify --batch: \(total) token\(total == 1 ? "" : "s"): \(passed) passed, \(failed) failed, \(malformed) malformed\(note)\n"
        }
        do throws(JWTCommandsError) {
            while let raw = try lines.nextLine() {
                lineNumber += 1
                let bytes = Self.normalize(raw)
                if bytes.isEmpty { continue }
                if bytes.contains(0) {
                    throw JWTCommandsError.unreadableLines("line \(lineNumber) holds a NUL byte: the input is not text, one token per line")
                }
                total += 1
                let token: CompactToken
                do throws(JOSEError) {
                    token = try CompactToken.parse(bytes: bytes, limits: limits)
                } catch {
                    malformed += 1
                    out += VerifyJSON.batchLine(line: lineNumber, verdict: "malformed", failed: ["JWS-01"], scopes: [], error: "\(error.code.rawValue): \(error.message)")
                    continue
                }
                guard case .jws(let jws) = token else {
                    malformed += 1
                    out += VerifyJSON.batchLine(line: lineNumber, verdict: "malformed", failed: ["JWS-01"], scopes: [], error: "JWE (encrypted) tokens cannot be verified")
                    continue
                }
                let report = validator.validate(token: jws, keyRing: keys)
                if report.passed { passed += 1 } else { failed += 1 }
                out += VerifyJSON.batchLine(line: lineNumber, verdict: report.verdict.rawValue, failed: report.failedIDs, scopes: report.grantedScopes, warned: report.warnedIDs)
                if out.utf8.count >= Self.flushBytes {
                    environment.writeOut(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            environment.writeOut(out)
            environment.writeErr(summary(" (stopped at line \(lineNumber))"))
            throw error
        }
        environment.writeOut(out)
        environment.writeErr(summary())
        return failed + malformed == 0 ? .ok : .failed
    }

    /// Trims ASCII whitespace and an `Authorization:` / `Bearer ` prefix (case-insensitive), on bytes.
    static func normalize(_ line: [UInt8]) -> [UInt8] {
        var lower = 0, upper = line.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0x0B || b == 0x0C }
        while lower < upper, isSpace(line[lower]) { lower += 1 }
        while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
        func hasPrefix(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard upper - lower >= w.count else { return false }
            for k in 0..<w.count where line[lower + k] | 0x20 != w[k] { return false }
            return true
        }
        if hasPrefix("authorization:") {
            lower += 14
            while lower < upper, isSpace(line[lower]) { lower += 1 }
        }
        if upper - lower > 7, hasPrefix("bearer ") {
            lower += 7
            while lower < upper, isSpace(line[lower]) { lower += 1 }
        }
        if lower == 0, upper == line.count { return line }
        return Array(line[lower..<upper])
    }
}
