import JOSECore

/// What `jwt decode` says about a token without verifying anything: its time claims relative to an injected
/// instant, its status, and warnings. Pure: the caller supplies `now`.
public struct TokenInspection: Sendable, Equatable {
    /// A NumericDate claim and its distance from `now` (positive = in the future).
    public struct TimeClaim: Sendable, Equatable {
        public let claim: String
        public let date: NumericDate
        public let secondsFromNow: Double
    }

    public enum Status: Sendable, Equatable {
        /// `nbf` is in the future.
        case notYetValid(startsIn: Double)
        /// Within `nbf`/`exp`; `remaining` is `nil` when there is no `exp`.
        case valid(remaining: Double?)
        /// `exp` is in the past.
        case expired(ago: Double)
        /// No usable time claims to judge (JWE, non-JWT payload).
        case unknown
    }

    public struct Warning: Sendable, Equatable {
        /// Stable id, e.g. `alg-none`.
        public let id: String
        public let message: String
    }

    public let times: [TimeClaim]
    public let status: Status
    public let warnings: [Warning]

    /// Lifetimes longer than this get a warning. 24 h.
    public static let longLifetime: Double = 24 * 3600

    public init(jws: JWSToken, now: Double) {
        var warnings: [Warning] = []
        let header = jws.header
        if header.alg.lowercased() == "none" {
            warnings.append(Warning(id: "alg-none", message: "alg is \"\(header.alg)\": the token is unsecured and must never be accepted (RFC 8725 §3.1)"))
        }
        if let defect = jws.signatureDefect {
            warnings.append(Warning(id: "signature-segment", message: "\(defect.message): header and claims are shown, but no key can verify this token (RFC 7515 §7.1)"))
        }
        if let crit = header.crit {
            warnings.append(Warning(id: "crit", message: "crit names \(crit.map { "\"\($0)\"" }.joined(separator: ", ")): a recipient that does not understand them must reject the token (RFC 7515 §4.1.11)"))
        }
        let named = header.selfNamedKeyParameters
        if !named.isEmpty {
            warnings.append(Warning(id: "header-key", message: "the header names its own key (\(named.joined(separator: ", "))): never trust a key the token supplies (RFC 8725 §3.10)"))
        }
        if header.b64 == false {
            warnings.append(Warning(id: "b64-false", message: "b64 is false: an unencoded payload, which JWTs must not use (RFC 7797 §7)"))
        }

        var times: [TimeClaim] = []
        var status = Status.unknown
        switch jws.claims {
        case .failure(let error):
            warnings.append(Warning(id: "not-jwt", message: error.message))
        case .success(let claims):
            for error in claims.typeErrors {
                warnings.append(Warning(id: "claim-type", message: error.message))
            }
            for name in JWTClaims.dateClaims {
                guard let date = claims.date(name) else { continue }
                times.append(TimeClaim(claim: name, date: date, secondsFromNow: date.seconds - now))
                if date.isOutOfRange, let problem = date.rangeProblem(name) {
                    warnings.append(Warning(id: "out-of-range", message: "\(problem): not a usable NumericDate (RFC 7519 §2)"))
                } else if date.looksLikeMilliseconds {
                    warnings.append(Warning(id: "milliseconds", message: "\(name) \(date.text) looks like milliseconds, not seconds (RFC 7519 §2 NumericDate)"))
                }
            }
            if claims.exp == nil, !claims.typeErrors.contains(where: { $0.claim == "exp" }) {
                warnings.append(Warning(id: "no-exp", message: "no exp claim: the token never expires (RFC 7519 §4.1.4)"))
            }
            if let exp = claims.exp {
                let start = claims.nbf ?? claims.iat
                if let start, exp.seconds - start.seconds > Self.longLifetime {
                    warnings.append(Warning(id: "long-lifetime", message: "lifetime of \(Self.hours(exp.seconds - start.seconds)) is over 24 h"))
                }
            }
            let outOfRange = [claims.exp, claims.nbf].contains { $0?.isOutOfRange == true }
            if outOfRange {
                // exp or nbf outside the years 1…9999 (RFC 7519 §2): nothing sensible can be said about validity.
                status = .unknown
            } else if let nbf = claims.nbf, nbf.seconds > now {
                status = .notYetValid(startsIn: nbf.seconds - now)
            } else if let exp = claims.exp {
                status = exp.seconds <= now ? .expired(ago: now - exp.seconds) : .valid(remaining: exp.seconds - now)
            } else {
                status = .valid(remaining: nil)
            }
        }
        self.times = times
        self.status = status
        self.warnings = warnings
    }

    private static func hours(_ seconds: Double) -> String {
        if seconds >= 2 * 86400 {
            let d = seconds / 86400
            return d == d.rounded() ? "\(CheckedInteger.text(d)) d" : "\((d * 10).rounded() / 10) d"
        }
        let h = seconds / 3600
        return h == h.rounded() ? "\(CheckedInteger.text(h)) h" : "\((h * 10).rounded() / 10) h"
    }
}
