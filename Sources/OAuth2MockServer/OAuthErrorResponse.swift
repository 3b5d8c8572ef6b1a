import JOSECore

/// RFC 6749 §5.2 error answers: `{"error": …, "error_description": …}`, `Cache-Control: no-store`; 401 with
/// `WWW-Authenticate` when the client authenticated (or tried to) with HTTP Basic.
enum OAuthErrorResponse {
    static func make(_ status: Int, _ error: String, _ description: String, basicChallenge: Bool = false) -> MockResponse {
        let body: JSONValue = ["error": .string(error), "error_description": .string(description)]
        var extra: [(String, String)] = []
        if status == 401 || basicChallenge { extra.append(("WWW-Authenticate", "Basic realm=\"mock\", charset=\"UTF-8\"")) }
        var response = MockResponse.json(status, body.compact, extra: extra)
        response.logNote = "error=\(error)"
        return response
    }
}
