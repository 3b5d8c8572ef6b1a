import JOSECore

/// Something a token response did that RFC 6749 §5.1 (or RFC 6750) does not ask for: kept as data so the
/// conformance runner can judge it instead of the parser hiding it.
public enum TokenResponseDeviation: Sendable, Equatable {
    /// `expires_in` was a JSON string (seed 002: `"3599"`), not a number; the value was still read.
    case expiresInString(String)
    /// `expires_in` absent (RFC 6749 §5.1: RECOMMENDED).
    case expiresInMissing
    /// `expires_in` present but not a non-negative integer.
    case expiresInInvalid(String)
    /// `token_type` is `Bearer` in another case (`bearer`); RFC 6749 §5.1 says case-insensitive, RFC 6750 §4 writes `Bearer`.
    case tokenTypeCase(String)
    /// `token_type` is not Bearer at all.
    case tokenTypeNotBearer(String)
    /// `token_type` missing (RFC 6749 §5.1: REQUIRED).
    case tokenTypeMissing
    /// No `Cache-Control: no-store` (RFC 6749 §5.1: MUST).
    case cacheControlMissing
    /// `Content-Type` is not `application/json` (RFC 6749 §5.1).
    case contentTypeNotJSON(String?)
    /// Members beyond RFC 6749 §5.1's (names only).
    case extraFields([String])
}

/// A successful token response (RFC 6749 §5.1) with the HTTP facts around it.
public struct TokenResponse: Sendable, Equatable {
    public let accessToken: AccessToken
    /// `token_type` as sent.
    public let tokenType: String?
    /// `expires_in` in seconds, read from a number or a digit string.
    public let expiresIn: Int?
    public let scope: String?
    /// Seed 001's `jti` member of the response (not the token's claim).
    public let jti: String?
    /// Seed 001's `timestamp`: milliseconds since the epoch as a string.
    public let timestamp: String?
    public let deviations: [TokenResponseDeviation]
    /// The other members, `access_token` removed (so printing this never shows the token).
    public let fields: JSONObject
    public let status: Int
    public let headers: [HTTPHeaderField]
    /// The `Date` header, as sent.
    public let date: String?
    public let latency: Double

    static let standardFields: Set<String> = ["access_token", "token_type", "expires_in", "scope", "refresh_token"]

    /// Reads one token object (the whole body, or one `token` of seed 001's batch answer).
    public init(object: JSONObject, http: HTTPTransportResponse?, knownExtraFields: Set<String> = []) throws(OAuth2ClientError) {
        guard let token = object["access_token"]?.stringValue, !token.isEmpty else {
            throw OAuth2ClientError(.malformedResponse, "token response has no access_token string", status: http?.status)
        }
        var deviations: [TokenResponseDeviation] = []
        let tokenType = object["token_type"]?.stringValue
        switch tokenType {
        case nil: deviations.append(.tokenTypeMissing)
        case "Bearer"?: break
        case let t? where t.lowercased() == "bearer": deviations.append(.tokenTypeCase(t))
        case let t?: deviations.append(.tokenTypeNotBearer(t))
        }
        var expiresIn: Int?
        switch object["expires_in"] {
        case nil: deviations.append(.expiresInMissing)
        case .number(let n)?:
            if let v = n.intValue, v >= 0 { expiresIn = v } else { deviations.append(.expiresInInvalid(n.text)) }
        case .string(let s)?:
            deviations.append(.expiresInString(s))
            if let v = Int(s), v >= 0 { expiresIn = v } else { deviations.append(.expiresInInvalid(s)) }
        case let other?: deviations.append(.expiresInInvalid(other.typeName))
        }
        let extra = object.names.filter { !Self.standardFields.contains($0) && !knownExtraFields.contains($0) }
        if !extra.isEmpty { deviations.append(.extraFields(extra)) }
        if let http {
            let cacheControl = http.headers.values(of: "Cache-Control").joined(separator: ",").lowercased()
            if !cacheControl.contains("no-store") { deviations.append(.cacheControlMissing) }
            let contentType = http.header("Content-Type")
            if !(contentType?.lowercased().hasPrefix("application/json") ?? false) { deviations.append(.contentTypeNotJSON(contentType)) }
        }
        var fields = object
        fields["access_token"] = nil
        self.accessToken = AccessToken(token)
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.scope = object["scope"]?.stringValue
        self.jti = object["jti"]?.stringValue
        self.timestamp = object["timestamp"]?.stringValue
        self.deviations = deviations
        self.fields = fields
        self.status = http?.status ?? 200
        self.headers = http?.headers ?? []
        self.date = http?.header("Date")
        self.latency = http?.latency ?? 0
    }

    /// Parses a whole HTTP response: 2xx → token; 3xx → ``OAuth2ClientError/Code/redirect``; other statuses →
    /// ``OAuth2ClientError/Code/endpointError`` carrying the RFC 6749 §5.2 body.
    public static func parse(_ response: HTTPTransportResponse, knownExtraFields: Set<String> = []) throws(OAuth2ClientError) -> TokenResponse {
        let object = try successObject(response)
        return try TokenResponse(object: object, http: response, knownExtraFields: knownExtraFields)
    }

    /// The JSON object of a 2xx response, or the typed error for anything else.
    public static func successObject(_ response: HTTPTransportResponse) throws(OAuth2ClientError) -> JSONObject {
        switch response.status {
        case 200...299:
            let value: JSONValue
            do { value = try JSONParser().parse(response.body, context: "token response") } catch {
                // Strict RFC 8259, as every JSON the kit reads: a vendor sample with a trailing comma (seed 002) is
                // refused, and the message names the problem and its byte offset (never the body's text).
                throw OAuth2ClientError(.malformedResponse, "response body is not valid JSON (\(error.code.rawValue): \(error.message))", status: response.status)
            }
            guard let object = value.objectValue else {
                throw OAuth2ClientError(.malformedResponse, "response body is JSON \(value.typeName), not an object", status: response.status)
            }
            return object
        case 300...399:
            throw OAuth2ClientError(.redirect, "endpoint answered \(response.status) (redirect not followed)", status: response.status)
        default:
            let body = TokenErrorResponse(response: response)
            let what = body.error.map { "error \"\($0)\"" } ?? "no RFC 6749 §5.2 error body"
            throw OAuth2ClientError(.endpointError, "endpoint answered \(response.status), \(what)", status: response.status, endpointError: body)
        }
    }
}
