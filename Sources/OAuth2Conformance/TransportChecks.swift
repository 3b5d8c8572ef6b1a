/// SEC-01: with `insecure_http: true` an endpoint may be called over plain `http` to a host that is not loopback;
/// the run goes ahead, and this check says — failing by default — that the client secret (RFC 6749 §2.3.1: "MUST
/// require the use of TLS"; §3.2 for the token endpoint) and the bearer token (RFC 6750 §5.3) went in clear. Pure:
/// judged from the configuration, which names every URL the probe sends credentials or tokens to.
enum TransportChecks {
    static func cleartext(_ endpoint: EndpointConfiguration) -> CheckFinding {
        let urls = endpoint.cleartextURLs.map(EndpointJudge.displayURL)
        guard !urls.isEmpty else {
            return CheckFinding(CheckCatalogue.cleartext, .pass, expected: "https, or http to loopback", actual: "insecure_http is set, but every URL is https or loopback")
        }
        return CheckFinding(CheckCatalogue.cleartext, .fail, expected: "https, or http to loopback",
                            actual: "credentials and tokens sent in clear (insecure_http: true) to " + urls.joined(separator: ", "))
    }
}
