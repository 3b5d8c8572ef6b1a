import OAuth2Client
/// TOK-01…TOK-08: the token response itself (RFC 6749 §5.1, §4.4.3).
enum TokenResponseChecks {
    static func run(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        let latency = c.observation.token.latency
        guard let response = c.response else {
            let reason: String
            if case .failed(let failure) = c.observation.token { reason = failure.reason } else { reason = "no response" }
            return [CheckFinding(K.tokenStatus, .fail, expected: "HTTP 200", actual: "unreachable: \(reason)", latency: latency)]
                + [K.tokenJSON, K.accessToken, K.tokenType, K.expiresIn, K.cacheControl, K.scopeEcho, K.noRefreshToken]
                .map { CheckFinding.notRun($0, .unreachable) }
        }
        var out: [CheckFinding] = []
        if response.status == 200 {
            out.append(CheckFinding(K.tokenStatus, .pass, expected: "HTTP 200", actual: "HTTP 200", latency: latency))
        } else {
            let error = ErrorBody(response)
            out.append(CheckFinding(K.tokenStatus, .fail, expected: "HTTP 200", actual: "HTTP \(response.status)\(error.summary)", latency: latency))
            return out + [K.tokenJSON, K.accessToken, K.tokenType, K.expiresIn, K.cacheControl, K.scopeEcho, K.noRefreshToken]
                .map { CheckFinding.notRun($0, .tokenRequestFailed(status: response.status)) }
        }

        let contentType = response.header("Content-Type")
        let isJSONType = contentType.map { $0.lowercased().split(separator: ";").first?.trimmingSpaces == "application/json" } ?? false
        if let problem = c.bodyProblem {
            out.append(CheckFinding(K.tokenJSON, .fail, expected: "a JSON object, application/json", actual: problem))
        } else if !isJSONType {
            // The body is a JSON object, only the label is wrong: hygiene (warn; fail under --strict).
            out.append(CheckFinding(K.tokenJSON, .tolerated, expected: "Content-Type: application/json", actual: contentType.map { "Content-Type: \($0)" } ?? "no Content-Type",
                                    message: "the body is a JSON object; only its content type differs"))
        } else {
            out.append(CheckFinding(K.tokenJSON, .pass, expected: "a JSON object, application/json", actual: "Content-Type: \(contentType ?? "")"))
        }
        guard let object = c.object else {
            return out + [K.accessToken, K.tokenType, K.expiresIn, K.cacheControl, K.scopeEcho, K.noRefreshToken]
                .map { CheckFinding.notRun($0, .responseNotJSON) }
        }

        switch object["access_token"] {
        case .string(let token)? where !token.isEmpty:
            let printable = token.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
            out.append(CheckFinding(K.accessToken, printable ? .pass : .fail, expected: "a non-empty VSCHAR string without spaces",
                                    actual: printable ? "\(Plural.count(token.utf8.count, "character")), \(TokenFingerprint.of(token))" : "contains spaces, controls or non-ASCII characters"))
        case .string?:
            out.append(CheckFinding(K.accessToken, .fail, expected: "a non-empty string", actual: "empty string"))
        case let other?:
            out.append(CheckFinding(K.accessToken, .fail, expected: "a non-empty string", actual: "JSON \(other.typeName)"))
        case nil:
            out.append(CheckFinding(K.accessToken, .fail, expected: "access_token member", actual: "absent"))
        }

        switch object["token_type"] {
        case .string(let type)? where type == "Bearer":
            out.append(CheckFinding(K.tokenType, .pass, expected: "Bearer", actual: type))
        case .string(let type)? where type.lowercased() == "bearer":
            // RFC 6749 §5.1: the value is case-insensitive; the case difference is hygiene (warn; fail under --strict).
            out.append(CheckFinding(K.tokenType, .tolerated, expected: "Bearer", actual: type, message: "case differs; accepted (case-insensitive)"))
        case .string(let type)?:
            out.append(CheckFinding(K.tokenType, .fail, expected: "Bearer", actual: type))
        case let other?:
            out.append(CheckFinding(K.tokenType, .fail, expected: "Bearer", actual: "JSON \(other.typeName)"))
        case nil:
            out.append(CheckFinding(K.tokenType, .fail, expected: "Bearer", actual: "absent"))
        }

        switch object["expires_in"] {
        case .number(let n)?:
            if let v = n.intValue, v > 0 {
                out.append(CheckFinding(K.expiresIn, .pass, expected: "a positive integer", actual: n.text))
            } else {
                out.append(CheckFinding(K.expiresIn, .fail, expected: "a positive integer", actual: n.text))
            }
        case .string(let s)?:
            if let v = Int(s), v > 0 {
                out.append(CheckFinding(K.expiresIn, .tolerated, expected: "a positive integer", actual: "\"\(s)\" (a string)", message: "a string is tolerated"))
            } else {
                out.append(CheckFinding(K.expiresIn, .fail, expected: "a positive integer", actual: "\"\(s)\""))
            }
        case let other?:
            out.append(CheckFinding(K.expiresIn, .fail, expected: "a positive integer", actual: "JSON \(other.typeName)"))
        case nil:
            // RFC 6749 §5.1: expires_in is RECOMMENDED, not REQUIRED: its absence is hygiene.
            out.append(CheckFinding(K.expiresIn, .tolerated, expected: "a positive integer", actual: "absent", message: "expires_in is RECOMMENDED, not required"))
        }

        let cacheControl = response.headers.values(of: "Cache-Control").joined(separator: ", ")
        let noStore = cacheControl.lowercased().split(separator: ",").contains { $0.trimmingSpaces == "no-store" }
        out.append(CheckFinding(K.cacheControl, noStore ? .pass : .fail, expected: "Cache-Control: no-store",
                                actual: cacheControl.isEmpty ? "no Cache-Control header" : "Cache-Control: \(cacheControl)"))

        out.append(scopeEcho(c, object: object))

        if object["refresh_token"] != nil {
            out.append(CheckFinding(K.noRefreshToken, .fail, expected: "no refresh_token", actual: "refresh_token present"))
        } else {
            out.append(CheckFinding(K.noRefreshToken, .pass, expected: "no refresh_token", actual: "absent"))
        }
        return out
    }

    private static func scopeEcho(_ c: CheckContext, object: JSONObject) -> CheckFinding {
        let k = CheckCatalogue.scopeEcho
        let returned = object["scope"]?.stringValue
        guard let requested = c.endpoint.scope else {
            return returned != nil ? CheckFinding(k, .pass, expected: "scope when it differs from the request", actual: "scope returned")
                : .skip(k, "no scope requested")
        }
        if let returned { return CheckFinding(k, .pass, expected: "scope when it differs from the request", actual: "scope \"\(returned)\"") }
        guard let granted = c.grantedScopes else {
            return CheckFinding(k, .pass, expected: "scope when it differs from the request", actual: "no scope member; granted scopes unknown", message: "could not compare")
        }
        let asked = Set(requested.split(separator: " ").map(String.init))
        if Set(granted) == asked {
            return CheckFinding(k, .pass, expected: "scope when it differs from the request", actual: "no scope member; granted = requested")
        }
        return CheckFinding(k, .fail, expected: "scope member (granted differs from requested \"\(requested)\")", actual: "no scope member; token grants \"\(granted.sorted().joined(separator: " "))\"")
    }
}

/// An RFC 6749 §5.2 error body, read leniently for messages.
struct ErrorBody {
    let error: String?
    let description: String?

    init(_ response: HTTPTransportResponse) {
        let object = (try? JSONParserShim.parse(response.body))
        self.error = object?["error"]?.stringValue
        self.description = object?["error_description"]?.stringValue.map { String($0.prefix(200)) }
    }

    var summary: String { error.map { ", error \"\($0)\"" } ?? "" }
}

import JOSECore

enum JSONParserShim {
    static func parse(_ bytes: [UInt8]) throws -> JSONObject? {
        try JSONParser().parse(bytes, context: "error body").objectValue
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
