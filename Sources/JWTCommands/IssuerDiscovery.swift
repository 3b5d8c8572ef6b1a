import JOSECore

/// Finds an issuer's `jwks_uri` from its metadata: RFC 8414 §3 (`/.well-known/oauth-authorization-server`
/// inserted before the issuer's path), then OpenID Connect Discovery 1.0 §4 (`/.well-known/openid-configuration`
/// appended). The metadata's `issuer` must equal the given issuer exactly (RFC 8414 §3.3).
struct IssuerDiscovery {
    let fetcher: any KeyFetcher

    /// The metadata URLs to try, in order.
    static func metadataURLs(for issuer: String) -> [String]? {
        guard let parts = KeyURLPolicy.parts(issuer), !parts.path.contains("?") else { return nil }
        var path = parts.path
        while path.hasSuffix("/") { path.removeLast() }
        let origin = "\(parts.scheme)://\(parts.host)\(parts.port)"
        return [
            origin + "/.well-known/oauth-authorization-server" + path,
            origin + path + "/.well-known/openid-configuration",
        ]
    }

    /// The `jwks_uri` of `issuer`.
    func jwksURI(issuer: String) async throws(JWTCommandsError) -> String {
        if let refusal = KeyURLPolicy.refusal(issuer) { throw JWTCommandsError.usage("--issuer: \(refusal)") }
        guard let urls = Self.metadataURLs(for: issuer) else { throw JWTCommandsError.usage("--issuer: '\(issuer)' is not a valid issuer URL") }
        var failures: [String] = []
        for url in urls {
            let response: KeyFetchResponse
            do throws(JWTCommandsError) {
                response = try await fetcher.fetch(url, limit: KeyURLPolicy.maxBodyBytes)
            } catch {
                failures.append(error.message)
                continue
            }
            guard response.status == 200 else {
                failures.append("\(url): HTTP \(response.status)")
                continue
            }
            let metadata: JSONValue
            do throws(JOSEError) {
                metadata = try JSONParser().parse(response.body, context: "metadata")
            } catch {
                throw JWTCommandsError.keySource("\(url): \(error.message)")
            }
            guard let found = metadata["issuer"]?.stringValue else {
                throw JWTCommandsError.keySource("\(url): metadata has no string \"issuer\" (RFC 8414 §2)")
            }
            guard ExactText.equal(found, issuer) else {
                throw JWTCommandsError.keySource("\(url): metadata issuer \"\(found)\" is not \"\(issuer)\" (RFC 8414 §3.3 requires an exact match)")
            }
            guard let jwks = metadata["jwks_uri"]?.stringValue else {
                throw JWTCommandsError.keySource("\(url): metadata has no \"jwks_uri\" (RFC 8414 §2)")
            }
            if let refusal = KeyURLPolicy.refusal(jwks) { throw JWTCommandsError.keySource("\(url): jwks_uri \(refusal)") }
            return jwks
        }
        throw JWTCommandsError.unreachable("no metadata for issuer \(issuer): \(failures.joined(separator: "; "))")
    }
}
