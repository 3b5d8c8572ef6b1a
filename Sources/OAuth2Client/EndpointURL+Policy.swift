extension EndpointURL {
    /// The kit's one URL policy, for every URL it sends a credential to or reads a key from: an absolute `https`
    /// URL, or plain `http` to a loopback host (``isLoopbackHost(_:)``: tests and local development). Plain `http`
    /// to any other host is refused before a connection is made — a key document read in clear can be swapped on
    /// the way, and a credential sent in clear can be read (RFC 8414 §6.1 and OpenID Connect Discovery 1.0 §7.1
    /// require TLS; RFC 6749 §2.3.1, RFC 6750 §5.3) — unless the caller passes `insecureHTTP: true`, an explicit
    /// opt-in (a suite endpoint's `insecure_http: true`).
    ///
    /// - Throws: ``OAuth2ClientError/Code/invalidURL`` when `text` is not an absolute http(s) URL with a host
    ///   (exit class malformed input); ``OAuth2ClientError/Code/cleartextRefused`` for plain `http` to a host that
    ///   is not loopback without the opt-in (exit class usage). Both messages name the URL.
    public static func checked(_ text: String, insecureHTTP: Bool = false) throws(OAuth2ClientError) -> EndpointURL {
        let url: EndpointURL
        do throws(OAuth2ClientError) {
            url = try EndpointURL(text)
        } catch {
            throw OAuth2ClientError(.invalidURL, "'\(text)' is not an absolute http(s) URL: \(error.message)")
        }
        if url.isCleartext, !insecureHTTP {
            throw OAuth2ClientError(.cleartextRefused, "'\(text)' uses plain http to a host that is not loopback: refused before connecting (https is required; http only for 127.0.0.1, ::1 or localhost)")
        }
        return url
    }
}
