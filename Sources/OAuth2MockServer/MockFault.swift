import JOSECore

/// A misbehaviour the mock can be told to show, per client (config `fault:`) or per request (`X-Mock-Fault: name`,
/// optionally `name:N` to apply it to the first N such requests only). Each exists so that some check of the
/// conformance runner fails on it (see README "Fault scenarios").
public enum MockFault: String, Sendable, CaseIterable, Codable {
    case none
    /// Answers after ``MockConfiguration/slowDelay`` (a client deadline should fire first).
    case slow
    case status500 = "500"
    case status503 = "503"
    /// 429 with `Retry-After: 1`.
    case status429 = "429"
    /// Sends the head and part of the body, then closes the connection.
    case connectionClosed = "connection-closed"
    /// A 200 whose body is truncated JSON.
    case malformedJSON = "malformed-json"
    /// `token_type: "mac"`.
    case wrongTokenType = "wrong-token-type"
    /// `expires_in` as a JSON string.
    case expiresInString = "expires-in-string"
    /// No `expires_in` member.
    case expiresInMissing = "expires-in-missing"
    /// A token whose `exp` is already in the past.
    case expired
    /// A token whose `aud` is not the audience asked for.
    case wrongAudience = "wrong-aud"
    /// A token lacking one scope the client was granted / asked for.
    case scopeMissing = "scope-missing"
    /// A token with an extra scope (`admin`) nobody asked for.
    case extraScope = "extra-scope"
    /// A token signed by a key that is not in `/jwks.json`.
    case unknownKey = "unknown-key"
    /// An unsecured token (`alg: none`, empty signature).
    case algNone = "alg-none"
    /// The token's `scope` claim as a JSON array of strings, as seed 001's sample token carries it (the response's
    /// `scope` member stays a string). RFC 9068 §2.2.3 says a space-separated string.
    case scopeArray = "scope-array"
    /// Seed 001 batch (`…/oauthTokens`): the last tenant of each call gets an expired token (as `expired`); the
    /// others, and every other route, are answered normally.
    case batchExpired = "batch-expired"
    /// Seed 001 batch: the last tenant of each call gets a token signed by a key not in `/jwks.json` (as
    /// `unknown-key`); the others, and every other route, are answered normally.
    case batchUnknownKey = "batch-unknown-key"
    /// A token response without `Cache-Control: no-store`.
    case noCacheControl = "no-cache-control"
    /// `302 Found` with `Location: /oauth/token` instead of an answer: a client must not follow it (RFC 6749 §3.2 token
    /// endpoints, RFC 9110 §15.4) but see the 3xx.
    case redirect

    /// Parses `name` or `name:N`.
    public static func parse(_ text: String) -> (fault: MockFault, times: Int?)? {
        let parts = text.trimmed(" ").split(separator: ":", maxSplits: 1)
        guard let first = parts.first, let fault = MockFault(rawValue: String(first)) else { return nil }
        if parts.count == 2 {
            guard let n = Int(parts[1]), n > 0 else { return nil }
            return (fault, n)
        }
        return (fault, nil)
    }
}
