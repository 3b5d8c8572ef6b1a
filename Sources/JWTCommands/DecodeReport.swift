import JOSECore
import JWTValidation

/// Everything `jwt decode` shows, computed once; rendered as text (``DecodeTextRenderer``) or JSON (``json``).
struct DecodeReport {
    let token: CompactToken
    let inspection: TokenInspection?
    let now: Double

    init(token: CompactToken, now: Double) {
        self.token = token
        self.now = now
        if case .jws(let jws) = token {
            inspection = TokenInspection(jws: jws, now: now)
        } else {
            inspection = nil
        }
    }

    var kind: String {
        switch token {
        case .jwe: "JWE"
        case .jws(let jws): jws.isUnsecured ? "unsecured JWT" : "JWS"
        }
    }

    var header: JOSEHeader {
        switch token {
        case .jws(let jws): jws.header
        case .jwe(let jwe): jwe.header
        }
    }

    var statusText: String? {
        guard let inspection else { return nil }
        switch inspection.status {
        case .notYetValid(let startsIn): return "not yet valid: starts \(RelativeTime.phrase(startsIn))"
        case .valid(let remaining?): return "valid for \(RelativeTime.duration(remaining)) (by its claims; the signature was not checked)"
        case .valid(nil): return "valid with no expiry (by its claims; the signature was not checked)"
        case .expired(let ago): return "expired \(RelativeTime.duration(ago)) ago"
        case .unknown: return nil
        }
    }

    var statusID: String {
        switch inspection?.status {
        case .notYetValid?: "not-yet-valid"
        case .valid?: "valid"
        case .expired?: "expired"
        case .unknown?, nil: "unknown"
        }
    }

    /// `expires in …` / `expired … ago` / `issued … ago` phrases per claim.
    /// A time that is no usable instant (``NumericDate/isOutOfRange``) gets no relative phrase, only where it lies.
    static func phrase(for time: TokenInspection.TimeClaim) -> String {
        if time.date.isOutOfRange {
            switch time.date.range {
            case .afterYear9999: return "past the year 9999"
            case .beforeYear1: return "before the year 1"
            case .notANumber, .inRange: return "not a time"
            }
        }
        let rel = RelativeTime.phrase(time.secondsFromNow)
        switch time.claim {
        case "exp": return time.secondsFromNow > 0 ? "expires \(rel)" : "expired \(rel)"
        case "nbf": return time.secondsFromNow > 0 ? "valid from \(rel)" : (rel == "now" ? "valid from now" : "valid since \(rel)")
        case "iat": return time.secondsFromNow > 0 ? "issued \(rel) (in the future)" : "issued \(rel)"
        case "auth_time": return time.secondsFromNow > 0 ? "authenticated \(rel) (in the future)" : "authenticated \(rel)"
        default: return rel
        }
    }

    /// `seconds` to the millisecond; near the Double limit (`exp` 1.7e308) `× 1000` would overflow to ∞, which is
    /// not JSON, so such values are kept as they are.
    static func millisecondRounded(_ seconds: Double) -> Double {
        let rounded = (seconds * 1000).rounded() / 1000
        return rounded.isFinite ? rounded : seconds
    }

    /// The `--json` object: header, claims, computed times, status, signature, warnings.
    var json: JSONValue {
        var object = JSONObject()
        object["type"] = .string(kind)
        object["header"] = .object(header.json)
        switch token {
        case .jwe:
            object["encrypted"] = true
            object["note"] = "JWE: the payload is encrypted and was not decrypted"
        case .jws(let jws):
            switch jws.claims {
            case .success(let claims): object["claims"] = .object(claims.json)
            case .failure: object["payload"] = .string(String(decoding: jws.payload, as: UTF8.self))
            }
            var signature: JSONObject = [
                "alg": .string(jws.header.alg),
                "bytes": .number(JSONNumber(jws.signature.count)),
                "verified": false,
            ]
            if let defect = jws.signatureDefect { signature["defect"] = .string(defect.message) }
            object["signature"] = .object(signature)
        }
        if let inspection {
            var times = JSONObject()
            for time in inspection.times {
                times[time.claim] = [
                    "value": .number(JSONNumber(text: time.date.text)),
                    "utc": .string(UTCTime.format(time.date.seconds)),
                    "seconds_from_now": .number(JSONNumber(Self.millisecondRounded(time.secondsFromNow))),
                    "relative": .string(Self.phrase(for: time)),
                ]
                if time.date.looksLikeMilliseconds, !time.date.isOutOfRange {
                    times[time.claim]?.setMember("utc_if_milliseconds", .string(UTCTime.format(time.date.seconds / 1000)))
                }
            }
            object["times"] = .object(times)
            var status: JSONObject = ["state": .string(statusID)]
            if let text = statusText { status["text"] = .string(text) }
            object["status"] = .object(status)
            object["warnings"] = .array(inspection.warnings.map { ["id": .string($0.id), "message": .string($0.message)] })
        }
        object["now"] = .string(UTCTime.format(now))
        return .object(object)
    }
}
