import JOSECore

/// Seed 000: `POST /oauth/token` with a JSON body `{client_id, client_secret, audience, grant_type}` — exactly the
/// members of the seed's sample request, so no `scope` (see ``TokenStyleName/takesScope``).
public struct JSONClientCredentialsStyle: TokenEndpointStyle {
    public var audience: String?
    public var name: String { TokenStyleName.jsonClientCredentials.rawValue }

    public init(audience: String? = nil) { self.audience = audience }

    public func makeRequest(endpoint: String, credentials: ClientCredentials, options: TokenRequestOptions) -> HTTPTransportRequest {
        let credentials = options.credentials(credentials)
        var body: JSONObject = ["client_id": .string(credentials.clientID), "client_secret": .string(credentials.secret.value)]
        if let audience { body["audience"] = .string(audience) }
        body["grant_type"] = .string(options.grant)
        return HTTPTransportRequest(
            method: "POST", url: endpoint,
            headers: options.headers([HTTPHeaderField("Content-Type", "application/json"), HTTPHeaderField("Accept", "application/json")]),
            body: Array(JSONValue.object(body).compact.utf8)
        )
    }
}
