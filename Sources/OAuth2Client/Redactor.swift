import JOSECore

/// Redacts credentials and tokens from request/response text before anything is logged (issue 4 §4).
///
/// Header values of `Authorization`, `Proxy-Authorization`, `X-SPACE-AUTH-KEY`, `X-API-Key`, `Cookie`, `Set-Cookie`
/// are replaced
/// (the scheme word of `Authorization` is kept); in form and JSON bodies the values of `client_secret`,
/// `access_token`, `refresh_token`, `id_token`, `password`, `client_assertion` are replaced — tokens by their
/// ``TokenFingerprint``. A body that is neither valid JSON nor a form is not shown at all, only its size.
public enum Redactor {
    /// Lower-cased names of headers whose values are credentials: redacted in logs and never literal in a suite file
    /// (the suite loader uses this same list).
    public static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-space-auth-key", "x-api-key", "cookie", "set-cookie",
    ]

    /// Whether a header's value is a credential (case-insensitive name, RFC 9110 §5.1).
    public static func isSensitive(headerName name: String) -> Bool { sensitiveHeaders.contains(name.lowercased()) }
    static let secretKeys: Set<String> = ["client_secret", "password", "client_assertion", "assertion"]
    static let tokenKeys: Set<String> = ["access_token", "refresh_token", "id_token"]

    public static func header(_ field: HTTPHeaderField) -> String {
        guard isSensitive(headerName: field.name) else { return "\(field.name): \(field.value)" }
        if let space = field.value.firstIndex(of: " ") {
            return "\(field.name): \(field.value[..<space]) <redacted>"
        }
        return "\(field.name): <redacted>"
    }

    /// The body as loggable text, judged by its content type.
    public static func body(_ bytes: [UInt8], contentType: String?) -> String {
        if bytes.isEmpty { return "" }
        let type = contentType?.lowercased() ?? ""
        if type.contains("x-www-form-urlencoded") {
            return form(String(decoding: bytes, as: UTF8.self))
        }
        if let value = try? JSONParser().parse(bytes, context: "body") {
            return redact(value).compact
        }
        return "<\(bytes.count) bytes, not JSON: not shown>"
    }

    static func form(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormURLEncoding.decode(String(parts[0])) ?? String(parts[0])
            guard parts.count == 2 else { return String(pair) }
            if secretKeys.contains(name) { return "\(parts[0])=<redacted>" }
            if tokenKeys.contains(name) { return "\(parts[0])=<\(TokenFingerprint.of(FormURLEncoding.decode(String(parts[1])) ?? ""))>" }
            return String(pair)
        }.joined(separator: "&")
    }

    static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { member in
                if secretKeys.contains(member.name) { return .init(name: member.name, value: "<redacted>") }
                if tokenKeys.contains(member.name), let token = member.value.stringValue {
                    return .init(name: member.name, value: .string("<\(TokenFingerprint.of(token))>"))
                }
                return .init(name: member.name, value: redact(member.value))
            }))
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
        }
    }
}
