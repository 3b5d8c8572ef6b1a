import JOSECore

/// Builds the token request of each style (the four seed documents; RFC 6749 §2.3.1, §4.4.2), including the
/// variants the negative checks send (a wrong secret, an unknown `grant_type`). Secrets go only into the request.
struct StyleRequests {
    let endpoint: EndpointConfiguration

    static let wrongSecret = "jwt-conform-deliberately-wrong-secret"
    static let unsupportedGrant = "urn:jwt-conform:unsupported-grant-type"

    func token(secret: String? = nil, grantType: String = "client_credentials") -> ProbeRequest {
        let e = endpoint
        let secret = secret ?? e.clientSecret.reveal()
        var headers = [ProbeHeader("Accept", "application/json")]
        var body: [UInt8]
        switch e.style {
        case .jsonClientCredentials:
            var members: [JSONObject.Member] = [
                .init(name: "client_id", value: .string(e.clientID)),
                .init(name: "client_secret", value: .string(secret)),
            ]
            if let audience = e.audience { members.append(.init(name: "audience", value: .string(audience))) }
            if let scope = e.scope { members.append(.init(name: "scope", value: .string(scope))) }
            members.append(.init(name: "grant_type", value: .string(grantType)))
            headers.append(ProbeHeader("Content-Type", "application/json"))
            body = Array(JSONValue.object(JSONObject(members)).compact.utf8)
        case .tenantTokenManager:
            headers.append(ProbeHeader("Content-Type", "application/json"))
            headers.append(ProbeHeader("X-SPACE-AUTH-KEY", "Basic " + StandardBase64.encode(Array("\(e.clientID):\(secret)".utf8))))
            let object: JSONValue = .object(JSONObject([
                .init(name: "appName", value: .string(e.appName ?? "")),
                .init(name: "appVersion", value: .string(e.appVersion ?? "")),
                .init(name: "hostTenant", value: .string(e.hostTenant ?? "")),
                .init(name: "userTenant", value: .string(e.userTenant ?? "")),
            ]))
            body = Array(object.compact.utf8)
        case .clientSecretPost:
            var pairs = [("grant_type", grantType), ("client_id", e.clientID), ("client_secret", secret)]
            if let scope = e.scope { pairs.append(("scope", scope)) }
            if let audience = e.audience { pairs.append(("audience", audience)) }
            headers.append(ProbeHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormEncoding.body(pairs).utf8)
        case .clientSecretBasic:
            let credentials = FormEncoding.encode(e.clientID) + ":" + FormEncoding.encode(secret)
            headers.append(ProbeHeader("Authorization", "Basic " + StandardBase64.encode(Array(credentials.utf8))))
            var pairs = [("grant_type", grantType)]
            if let scope = e.scope { pairs.append(("scope", scope)) }
            if let audience = e.audience { pairs.append(("audience", audience)) }
            headers.append(ProbeHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormEncoding.body(pairs).utf8)
        }
        for header in e.headers { headers.append(ProbeHeader(header.name, header.value)) }
        return ProbeRequest(method: "POST", url: e.tokenURL, headers: headers, body: body)
    }

    /// Seed 001 batch call: `…/oauthTokens` beside `…/oauth/token`, at most 5 tenants.
    func tenantBatch(_ tenants: [String]) -> ProbeRequest {
        let e = endpoint
        let object: JSONValue = .object(JSONObject([
            .init(name: "appName", value: .string(e.appName ?? "")),
            .init(name: "appVersion", value: .string(e.appVersion ?? "")),
            .init(name: "hostTenantId", value: .string(e.hostTenant ?? "")),
            .init(name: "userTenantIds", value: .array(tenants.map(JSONValue.string))),
        ]))
        var headers = [
            ProbeHeader("Accept", "application/json"), ProbeHeader("Content-Type", "application/json"),
            ProbeHeader("X-SPACE-AUTH-KEY", "Basic " + StandardBase64.encode(Array("\(e.clientID):\(e.clientSecret.reveal())".utf8))),
        ]
        for header in e.headers { headers.append(ProbeHeader(header.name, header.value)) }
        return ProbeRequest(method: "POST", url: Self.sibling(e.tokenURL, "oauthTokens"), headers: headers, body: Array(object.compact.utf8))
    }

    /// Seed 001 tenant list: `GET …/userTenants?page=N&size=100` with the bearer token.
    func tenantPage(_ page: Int, token: String) -> ProbeRequest {
        ProbeRequest(method: "GET", url: Self.sibling(endpoint.tokenURL, "userTenants") + "?page=\(page)&size=100",
                     headers: [ProbeHeader("Accept", "application/json"), ProbeHeader("Authorization", "Bearer \(token)")])
    }

    /// `…/v3/oauth/token` → `…/v3/<name>`.
    static func sibling(_ tokenURL: String, _ name: String) -> String {
        var base = tokenURL
        if let q = base.firstIndex(of: "?") { base = String(base[..<q]) }
        if base.hasSuffix("/oauth/token") { return String(base.dropLast("/oauth/token".count)) + "/" + name }
        if let slash = base.lastIndex(of: "/") { return String(base[..<slash]) + "/" + name }
        return base + "/" + name
    }
}

/// `application/x-www-form-urlencoded` (RFC 6749 Appendix B): unreserved kept, space as `+`, the rest `%XX`.
enum FormEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    static func body(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}

/// Standard base64 with padding (RFC 4648 §4), for HTTP Basic credentials.
enum StandardBase64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
