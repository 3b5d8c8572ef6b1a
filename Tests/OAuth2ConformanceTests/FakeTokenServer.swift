import JOSECore
import OAuth2Client
import OAuth2Conformance
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory token server for the runner's unit tests: issues ES256 JWTs, serves a JWKS and a protected API,
/// and misbehaves on request (one knob per fault). The product's mock (OAuth2MockServer) is tested separately.
struct FakeTokenServer: HTTPTransport {
    struct Faults: Sendable {
        var status = 200
        var unreachable = false
        var body: String?
        var contentType = "application/json"
        var tokenType: JSONValue = "Bearer"
        var expiresIn: JSONValue? = 3600
        var cacheControl: String? = "no-store"
        var refreshToken = false
        var scopeMember: String?
        var lifetime: Double = 3600
        var iatOffset: Double = 0
        var issuer = "https://issuer.test"
        var audience = "https://api.test"
        var scopes = "read write"
        var alg = "ES256"
        var unknownKey = false
        var typ = "at+jwt"
        var dropClaims: [String] = []
        var clientID = "client-1"
        var dateOffset: Double = 0
        var apiStatus = 200
        var apiChallenge = "Bearer realm=\"api\""
        var wrongSecretStatus = 401
        var wrongSecretError = "invalid_client"
        var badGrantError = "unsupported_grant_type"
        var tenantsMissing: [String] = []
        var pagesRepeat = false
        var delay: Double = 0
    }

    static let secret = "s3cr3t-value-never-printed"
    static let now: Double = 1_800_000_000
    let key: JWSKey
    let otherKey: JWSKey
    var faults = Faults()

    init(faults: Faults = Faults()) {
        self.key = try! JWSKey.generate(for: .ES256, kid: "k1")
        self.otherKey = try! JWSKey.generate(for: .ES256, kid: "k1")
        self.faults = faults
    }

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        if faults.delay > 0 {
            if let timeout, timeout < .seconds(faults.delay) {
                try? await Task.sleep(for: timeout)
                throw OAuth2ClientError(.timeout, "deadline exceeded")
            }
            try? await Task.sleep(for: .seconds(faults.delay))
        }
        if faults.unreachable { throw OAuth2ClientError(.network, "connection refused") }
        let afterScheme = request.url.split(separator: "://", maxSplits: 1).last ?? ""
        let path = afterScheme.firstIndex(of: "/").map { String(afterScheme[afterScheme.index(after: $0)...]) } ?? ""
        var response: HTTPTransportResponse
        if path.hasSuffix("jwks.json") {
            let jwks: JSONValue = ["keys": [.object(key.publicJWK)]]
            response = HTTPTransportResponse(status: 200, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array(jwks.compact.utf8))
        } else if path.hasPrefix("api/resource") {
            if request.headers.contains(where: { $0.name == "Authorization" }) {
                response = HTTPTransportResponse(status: faults.apiStatus)
            } else {
                response = HTTPTransportResponse(status: 401, headers: faults.apiChallenge.isEmpty ? [] : [HTTPHeaderField("WWW-Authenticate", faults.apiChallenge)])
            }
        } else if path.hasSuffix("oauthTokens") {
            let body = String(decoding: request.body, as: UTF8.self)
            let requested = (try? JSONParser().parse(Array(body.utf8)))?["userTenantIds"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let entries: [JSONValue] = requested.filter { !faults.tenantsMissing.contains($0) }.map { tenant in
                ["userTenantId": .string(tenant), "token": ["access_token": .string(issue()), "token_type": "bearer", "expires_in": 1799]]
            }
            response = HTTPTransportResponse(status: 200, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array(JSONValue.object(["oauthTokens": .array(entries)]).compact.utf8))
        } else if path.contains("userTenants") {
            let page = Int(request.url.split(separator: "page=").last?.split(separator: "&").first ?? "0") ?? 0
            let start = faults.pagesRepeat ? 0 : page * 100
            let count = min(100, 250 - page * 100)
            let ids: [JSONValue] = (0..<max(0, count)).map { .object(["id": .string("tenant-\(start + $0)")]) }
            let body: JSONValue = ["page": ["size": 100, "totalElements": 250, "totalPages": 3, "number": .number(JSONNumber(page))], "userTenants": .array(ids)]
            response = HTTPTransportResponse(status: 200, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array(body.compact.utf8))
        } else {
            response = token(request)
        }
        response.latency = 0.002
        if response.header("Date") == nil { response.headers.append(HTTPHeaderField("Date", Self.httpDate(Self.now + faults.dateOffset))) }
        return response
    }

    private func token(_ request: HTTPTransportRequest) -> HTTPTransportResponse {
        let body = String(decoding: request.body, as: UTF8.self)
        if body.contains("unsupported-grant") {
            return HTTPTransportResponse(status: 400, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array("{\"error\":\"\(faults.badGrantError)\"}".utf8))
        }
        let auth = request.headers.first { $0.name == "Authorization" || $0.name == "X-SPACE-AUTH-KEY" }?.value ?? ""
        let decoded = (try? Base64URL.decode(auth.dropFirst(6).replacingAll("+", "-").replacingAll("/", "_").replacingAll("=", ""))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if body.contains("deliberately-wrong") || decoded.contains("deliberately-wrong") {
            return HTTPTransportResponse(status: faults.wrongSecretStatus, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array("{\"error\":\"\(faults.wrongSecretError)\"}".utf8))
        }
        if faults.status != 200 {
            return HTTPTransportResponse(status: faults.status, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array("{\"error\":\"server_error\"}".utf8))
        }
        var headers = [HTTPHeaderField("Content-Type", faults.contentType), HTTPHeaderField("Date", Self.httpDate(Self.now + faults.dateOffset))]
        if let cc = faults.cacheControl { headers.append(HTTPHeaderField("Cache-Control", cc)) }
        if let raw = faults.body { return HTTPTransportResponse(status: 200, headers: headers, body: Array(raw.utf8)) }
        var members: [JSONObject.Member] = [.init(name: "access_token", value: .string(issue())), .init(name: "token_type", value: faults.tokenType)]
        if let e = faults.expiresIn { members.append(.init(name: "expires_in", value: e)) }
        if let s = faults.scopeMember { members.append(.init(name: "scope", value: .string(s))) }
        if faults.refreshToken { members.append(.init(name: "refresh_token", value: "rt-123")) }
        return HTTPTransportResponse(status: 200, headers: headers, body: Array(JSONValue.object(JSONObject(members)).compact.utf8))
    }

    func issue() -> String {
        let iat = Self.now + faults.iatOffset
        var claims: [JSONObject.Member] = [
            .init(name: "iss", value: .string(faults.issuer)), .init(name: "sub", value: .string(faults.clientID)),
            .init(name: "aud", value: .string(faults.audience)), .init(name: "client_id", value: .string(faults.clientID)),
            .init(name: "iat", value: .number(JSONNumber(iat))), .init(name: "exp", value: .number(JSONNumber(iat + faults.lifetime))),
            .init(name: "jti", value: "j-1"), .init(name: "scope", value: .string(faults.scopes)),
        ]
        claims.removeAll { faults.dropClaims.contains($0.name) }
        let payload = Array(JSONValue.object(JSONObject(claims)).compact.utf8)
        if faults.alg == "none" {
            let header = Base64URL.encode(Array("{\"alg\":\"none\",\"typ\":\"\(faults.typ)\"}".utf8))
            return header + "." + Base64URL.encode(payload) + "."
        }
        let header: JSONObject = ["alg": .string(faults.alg), "typ": .string(faults.typ), "kid": "k1"]
        return try! JWSSigner.sign(header: header, payload: payload, key: faults.unknownKey ? otherKey : key)
    }

    static func httpDate(_ epoch: Double) -> String {
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var t = time_t(epoch)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(epoch / 86400) % 7]), \(two(tmv.tm_mday)) \(months[Int(tmv.tm_mon)]) \(tmv.tm_year + 1900) \(two(tmv.tm_hour)):\(two(tmv.tm_min)):\(two(tmv.tm_sec)) GMT"
    }
}

extension StringProtocol {
    func replacingAll(_ a: Character, _ b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}
