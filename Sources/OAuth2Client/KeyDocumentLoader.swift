import JOSECore

/// The kit's one way to read keys from the network, for `jwt verify` and `jwt conform` alike: a JWK Set by URL
/// (RFC 7517 §5), or by issuer through its metadata's `jwks_uri` — RFC 8414 §3 first
/// (`/.well-known/oauth-authorization-server` inserted before the issuer's path), then OpenID Connect Discovery 1.0 §4
/// (`/.well-known/openid-configuration` appended).
///
/// Rules, each decided once here:
/// - Every URL, given or discovered, passes ``EndpointURL/checked(_:insecureHTTP:)`` before a connection is made.
/// - The metadata's `issuer` must be identical to the issuer asked for (RFC 8414 §3.3 "MUST be identical"): byte for
///   byte, no trailing-slash allowance, no Unicode normalization. A document that is metadata but wrong (another
///   issuer, no `jwks_uri`, a `jwks_uri` the policy refuses) ends discovery; a candidate that is not metadata at all
///   (no answer, a status other than 200, not a JSON object) lets the next candidate be tried.
/// - No redirect is followed (a 3xx is ``OAuth2ClientError/Code/redirect``, naming its target): a key document comes
///   from the URL named or published, not from wherever a server points — the same rule as for token endpoints. Not
///   even same-origin redirects: one origin (RFC 6454 §4) can host services that must not speak for each other.
/// - Only 200 is a document (RFC 8414 §3.2); bodies over ``maxDocumentBytes`` are refused.
/// - One deadline covers the whole fetch (every candidate and the JWK Set); no request starts after it.
///
/// The transport is injected (``SharedHTTPClient``'s ``AsyncHTTPTransport`` in the commands, a table in tests), and
/// so is the monotonic clock that measures the deadline and the time spent on the network.
public struct KeyDocumentLoader: Sendable {
    /// Largest key or metadata document accepted: 1 MiB (a JWK Set of hundreds of RSA keys is far smaller).
    public static let maxDocumentBytes = 1 << 20

    public let transport: any HTTPTransport
    private let now: @Sendable () -> Double

    /// - Parameter now: monotonic seconds (``JOSECore/SystemClock/monotonic()`` unless a test injects a clock).
    public init(transport: any HTTPTransport, now: @escaping @Sendable () -> Double = SystemClock.monotonic) {
        self.transport = transport
        self.now = now
    }

    /// Fetches the key document of `source` and never throws: the outcome and its cost are a value.
    ///
    /// - Parameters:
    ///   - insecureHTTP: allow plain `http` to hosts that are not loopback (an explicit opt-in; default refused).
    ///   - deadline: for the whole fetch, from now.
    ///   - requestTimeout: an upper bound for each request within the deadline; a request that times out by it lets
    ///     the next metadata candidate be tried.
    public func fetch(_ source: RemoteKeySource, insecureHTTP: Bool = false, deadline: Duration, requestTimeout: Duration? = nil) async -> KeyDocumentFetch {
        var session = Session(start: now(), budget: deadline.seconds, requestTimeout: requestTimeout?.seconds, insecureHTTP: insecureHTTP)
        let result: Result<KeyDocument, OAuth2ClientError>
        do throws(OAuth2ClientError) {
            result = .success(try await document(of: source, &session))
        } catch {
            result = .failure(error)
        }
        return KeyDocumentFetch(result: result, networkSeconds: session.networkSeconds, requested: session.requested, deadlineReached: session.deadlineReached)
    }

    /// The key document of `source`, or the failure thrown (``fetch(_:insecureHTTP:deadline:requestTimeout:)``).
    public func load(_ source: RemoteKeySource, insecureHTTP: Bool = false, deadline: Duration, requestTimeout: Duration? = nil) async throws(OAuth2ClientError) -> KeyDocument {
        try await fetch(source, insecureHTTP: insecureHTTP, deadline: deadline, requestTimeout: requestTimeout).get()
    }

    /// An issuer's metadata alone (for its `token_endpoint` and the rest), by the same rules.
    public func discover(issuer: String, insecureHTTP: Bool = false, deadline: Duration, requestTimeout: Duration? = nil) async throws(OAuth2ClientError) -> AuthorizationServerMetadata {
        var session = Session(start: now(), budget: deadline.seconds, requestTimeout: requestTimeout?.seconds, insecureHTTP: insecureHTTP)
        return try await discover(issuer, &session)
    }

    /// The metadata URLs of `issuer`, in the order tried: RFC 8414 §3.1 (well-known path inserted between the
    /// host and the issuer's path), then OpenID Connect Discovery 1.0 §4 (appended). Both drop any terminating `/`
    /// of the issuer's path first. An issuer has no query or fragment (RFC 8414 §2).
    public static func metadataURLs(issuer: String) throws(OAuth2ClientError) -> [String] {
        let url: EndpointURL
        do throws(OAuth2ClientError) {
            url = try EndpointURL(issuer)
        } catch {
            throw OAuth2ClientError(.invalidURL, "'\(issuer)' is not an absolute http(s) URL: \(error.message)")
        }
        guard !issuer.contains("?"), !issuer.contains("#") else {
            throw OAuth2ClientError(.invalidURL, "'\(issuer)' is not an issuer: it has a query or fragment (RFC 8414 §2)")
        }
        var path = Substring(url.pathAndQuery)
        while path.hasSuffix("/") { path = path.dropLast() }
        return [url.origin + "/.well-known/oauth-authorization-server" + path, url.origin + path + "/.well-known/openid-configuration"]
    }

    // MARK: - one fetch

    /// What one fetch has used so far.
    private struct Session {
        let start: Double
        let budget: Double
        let requestTimeout: Double?
        let insecureHTTP: Bool
        var networkSeconds = 0.0
        var requested: [String] = []
        var deadlineReached = false

        init(start: Double, budget: Double, requestTimeout: Double?, insecureHTTP: Bool) {
            self.start = start
            self.budget = budget
            self.requestTimeout = requestTimeout
            self.insecureHTTP = insecureHTTP
        }

        var budgetText: String {
            let rounded = budget.rounded()
            return rounded == budget && abs(budget) < 1e9 ? "\(Int(rounded)) s" : "\(budget) s"
        }
    }

    private func document(of source: RemoteKeySource, _ session: inout Session) async throws(OAuth2ClientError) -> KeyDocument {
        switch source {
        case .jwksURL(let url):
            _ = try EndpointURL.checked(url, insecureHTTP: session.insecureHTTP)
            return try await jwkSet(url, metadata: nil, &session)
        case .issuer(let issuer):
            let metadata = try await discover(issuer, &session)
            guard let uri = metadata.jwksURI else {
                throw OAuth2ClientError(.discovery, "\(metadata.source): metadata has no \"jwks_uri\" (RFC 8414 §2)")
            }
            do throws(OAuth2ClientError) {
                _ = try EndpointURL.checked(uri, insecureHTTP: session.insecureHTTP)
            } catch {
                throw OAuth2ClientError(.discovery, "\(metadata.source): jwks_uri \(error.message)")
            }
            return try await jwkSet(uri, metadata: metadata, &session)
        }
    }

    private func discover(_ issuer: String, _ session: inout Session) async throws(OAuth2ClientError) -> AuthorizationServerMetadata {
        _ = try EndpointURL.checked(issuer, insecureHTTP: session.insecureHTTP)
        var failures: [OAuth2ClientError] = []
        for url in try Self.metadataURLs(issuer: issuer) {
            let response: HTTPTransportResponse
            do throws(OAuth2ClientError) {
                response = try await get(url, &session)
            } catch {
                failures.append(error)
                if session.deadlineReached { break }
                continue
            }
            let object: JSONObject
            do throws(JOSEError) {
                guard let parsed = try JSONParser().parse(response.body, context: "metadata").objectValue else {
                    throw JOSEError(.invalidJSON, "metadata is not a JSON object")
                }
                object = parsed
            } catch {
                failures.append(OAuth2ClientError(.discovery, "\(url): \(error.message)", status: response.status))
                continue
            }
            let metadata = try AuthorizationServerMetadata(document: object, source: url)
            // RFC 8414 §3.3: "MUST be identical" — byte for byte; a trailing slash makes another issuer.
            guard ExactText.equal(metadata.issuer, issuer) else {
                throw OAuth2ClientError(.discovery, "\(url): metadata issuer \"\(metadata.issuer)\" is not \"\(issuer)\" (RFC 8414 §3.3 requires an exact match)")
            }
            return metadata
        }
        // A server that answered with something unusable says more than one that did not answer.
        let telling = failures.first { $0.errorClass == .malformedInput } ?? failures.last
        throw OAuth2ClientError(telling?.code ?? .discovery, "no metadata for issuer \(issuer): " + failures.map(\.message).joined(separator: "; "), status: telling?.status)
    }

    private func jwkSet(_ url: String, metadata: AuthorizationServerMetadata?, _ session: inout Session) async throws(OAuth2ClientError) -> KeyDocument {
        let response = try await get(url, &session)
        return KeyDocument(bytes: response.body, source: url, metadata: metadata, cacheControl: response.header("Cache-Control"))
    }

    /// One GET within the deadline: a 200 with a body within the limit, or an error naming `url`.
    private func get(_ url: String, _ session: inout Session) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        let remaining = session.start + session.budget - now()
        guard remaining > 0 else {
            session.deadlineReached = true
            throw OAuth2ClientError(.timeout, "\(url): not requested: the key fetch's deadline of \(session.budgetText) had passed")
        }
        var limit = remaining
        if let requestTimeout = session.requestTimeout, requestTimeout < remaining { limit = requestTimeout }
        session.requested.append(url)
        let sent = now()
        let response: HTTPTransportResponse
        do throws(OAuth2ClientError) {
            let request = HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Accept", "application/json")])
            response = try await transport.send(request, timeout: .seconds(min(max(limit, 0.001), 1e9)))
            session.networkSeconds += now() - sent
        } catch {
            session.networkSeconds += now() - sent
            if error.code == .timeout, limit == remaining || now() >= session.start + session.budget {
                session.deadlineReached = true
                throw OAuth2ClientError(.timeout, "\(url): no answer within the key fetch's deadline of \(session.budgetText) (\(error.message))")
            }
            throw OAuth2ClientError(error.code, "\(url): \(error.message)", status: error.status)
        }
        if (300...399).contains(response.status) {
            let target = response.header("Location").map { " to \($0)" } ?? ""
            throw OAuth2ClientError(.redirect, "\(url): redirect\(target) refused (HTTP \(response.status); key documents are read from the URL given or published, no redirect is followed)", status: response.status)
        }
        guard response.status == 200 else {
            throw OAuth2ClientError(.endpointError, "\(url): HTTP \(response.status)", status: response.status)
        }
        guard response.body.count <= Self.maxDocumentBytes else {
            throw OAuth2ClientError(.responseTooLarge, "\(url): body larger than \(Self.maxDocumentBytes) bytes", status: response.status)
        }
        return response
    }
}
