import JOSECore
import NIOConcurrencyHelpers

/// The mock authorization server's behaviour: every route of issue 4 §3, as a function from ``MockRequest`` to
/// ``MockResponse``. ``MockServer`` puts it on a socket.
public final class MockService: Sendable {
    public let configuration: MockConfiguration
    public let signer: MockTokenSigner
    let counter = FaultCounter()
    /// Answers held back by the `slow` fault, now and at most.
    public let delays = DelayGauge()
    let verificationKey: JWSKey
    private let base = NIOLockedValueBox<String>("http://127.0.0.1")
    let now: @Sendable () -> Double

    public init(configuration: MockConfiguration, signer: MockTokenSigner, now: @escaping @Sendable () -> Double) throws(MockServerError) {
        self.configuration = configuration
        self.signer = signer
        self.now = now
        do { self.verificationKey = try KeyLoader.jwk(signer.key.publicJWK) } catch {
            throw MockServerError(.signingKey, "cannot derive the public key: \(error.message)")
        }
    }

    /// The server's base URL, once bound (used for `iss` and metadata when no issuer is configured).
    public var baseURL: String {
        get { base.withLockedValue { $0 } }
        set { base.withLockedValue { $0 = newValue } }
    }

    public var issuer: String { configuration.issuer ?? baseURL }

    /// The routes (method, path) the server registers.
    public static let routes: [(String, String)] = [
        ("POST", "/oauth/token"),
        ("POST", "/api/technicaltokenmanager/v3/oauth/token"),
        ("POST", "/api/technicaltokenmanager/v3/oauthTokens"),
        ("GET", "/api/technicaltokenmanager/v3/userTenants"),
        ("POST", "/configapi/v2/oauth/token"),
        ("POST", "/oauth2/token"),
        ("GET", "/.well-known/oauth-authorization-server"),
        ("GET", "/.well-known/openid-configuration"),
        ("GET", "/jwks.json"),
        ("GET", "/api/resource"),
    ]

    public func handle(_ request: MockRequest) async -> MockResponse {
        // Transport-level faults asked for by header apply to every route.
        var headerFault: MockFault?
        if let value = request.header("X-Mock-Fault") {
            guard let (fault, times) = MockFault.parse(value) else {
                return OAuthErrorResponse.make(400, "invalid_request", "unknown X-Mock-Fault value")
            }
            if let times {
                if await counter.take(value + "|" + request.path, limit: times) { headerFault = fault }
            } else {
                headerFault = fault
            }
        }
        switch (request.method, request.path) {
        case ("POST", "/oauth/token"): return await tokenStandard(request, headerFault: headerFault)
        case ("POST", "/api/technicaltokenmanager/v3/oauth/token"): return await tenantToken(request, headerFault: headerFault)
        case ("POST", "/api/technicaltokenmanager/v3/oauthTokens"): return await tenantBatch(request, headerFault: headerFault)
        case ("GET", "/api/technicaltokenmanager/v3/userTenants"): return plain(headerFault) { userTenants(request) }
        case ("POST", "/configapi/v2/oauth/token"): return await tokenPost(request, headerFault: headerFault)
        case ("POST", "/oauth2/token"): return await tokenBasic(request, headerFault: headerFault)
        case ("GET", "/.well-known/oauth-authorization-server"): return plain(headerFault) { metadata(openID: false) }
        case ("GET", "/.well-known/openid-configuration"): return plain(headerFault) { metadata(openID: true) }
        case ("GET", "/jwks.json"): return plain(headerFault) { jwksResponse() }
        case ("GET", "/api/resource"): return plain(headerFault) { resource(request) }
        default: return MockResponse.json(404, "{\"error\":\"not_found\"}", noStore: false)
        }
    }

    /// A route that issues no token: the transport faults replace its answer, `slow` delays it, others do nothing.
    func plain(_ fault: MockFault?, _ answer: () -> MockResponse) -> MockResponse {
        if let replaced = transportFault(fault) { return replaced }
        return fault == .slow ? finish(answer(), fault: .slow) : answer()
    }

    /// The faults that replace the whole answer; `nil` when `fault` shapes a token instead (or is `slow`,
    /// which delays the normal answer: handled by the caller via ``MockResponse/delay``).
    func transportFault(_ fault: MockFault?) -> MockResponse? {
        switch fault {
        case .status500?: return note(OAuthErrorResponse.make(500, "server_error", "injected fault 500"), fault)
        case .status503?: return note(OAuthErrorResponse.make(503, "temporarily_unavailable", "injected fault 503"), fault)
        case .status429?:
            var r = OAuthErrorResponse.make(429, "temporarily_unavailable", "injected fault 429: slow down")
            r.headers.append(("Retry-After", "1"))
            return note(r, fault)
        case .connectionClosed?:
            var r = MockResponse.json(200, "{\"access_token\":\"truncated-before-the-token-ends", extra: [])
            r.closeMidBody = true
            return note(r, fault)
        case .malformedJSON?:
            return note(MockResponse.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":"), fault)
        case .redirect?:
            return note(MockResponse.json(302, "{}", extra: [("Location", "/oauth/token")]), fault)
        case .slow?:
            return nil
        default:
            return nil
        }
    }

    private func note(_ response: MockResponse, _ fault: MockFault?) -> MockResponse {
        var r = response
        r.logNote += (r.logNote.isEmpty ? "" : " ") + "fault=\(fault?.rawValue ?? "none")"
        return r
    }

    /// Applies `slow` on top of any answer.
    func finish(_ response: MockResponse, fault: MockFault) -> MockResponse {
        var r = response
        if fault == .slow { r.delay = configuration.slowDelay }
        if fault != .none { r.logNote += " fault=\(fault.rawValue)" }
        return r
    }

    /// A random RFC 4122 version-4 style identifier for `jti` (two 64-bit draws, hex, dashed 8-4-4-4-12).
    static func randomID() -> String {
        var g = SystemRandomNumberGenerator()
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, word) in [g.next() as UInt64, g.next() as UInt64].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { out.append(UInt8(ascii: "-")) }
                out.append(hex[Int((word >> UInt64(nibble * 4)) & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
