/// Every key a suite file may use, per place: the lists ``SuiteLoader`` refuses anything outside of (an unknown key
/// is an error), and that conformance/suite.schema.json must describe — a test compares the two both ways.
/// `headers` and `severity` are open mappings (any header name; any check id) and have no list.
public enum SuiteKeys {
    /// The top level of a suite.
    public static let suite: Set<String> = ["name", "defaults", "endpoints"]
    /// `defaults:`.
    public static let defaults: Set<String> = ["timeout", "request_timeout", "leeway", "concurrency", "strict", "ca_file"]
    /// One item of `endpoints:`.
    public static let endpoint: Set<String> = [
        "name", "style", "token_url", "client_id", "client_secret", "audience", "scope", "app_name", "app_version",
        "host_tenant", "user_tenant", "headers", "timeout", "request_timeout", "leeway", "expect", "api", "negative",
        "tenants", "severity", "allow", "expected_failures", "expected_warnings", "insecure_http",
    ]
    /// A secret given as a mapping (`client_secret`, a credential header): exactly one of these.
    public static let secret: Set<String> = ["env", "file"]
    /// `expect:`.
    public static let expect: Set<String> = ["issuer", "audience", "typ", "profile", "algorithms", "keys", "lifetime", "client_id", "scopes"]
    /// `expect.keys:` as a mapping: exactly one of these.
    public static let keySource: Set<String> = ["jwks_url", "issuer", "file"]
    /// `expect.lifetime:`.
    public static let lifetime: Set<String> = ["min", "max"]
    /// `expect.scopes:`.
    public static let scopes: Set<String> = ["required", "allowed", "forbidden"]
    /// One item of `api:`.
    public static let apiCall: Set<String> = ["method", "url", "status", "without_token"]
    /// `negative:`.
    public static let negative: Set<String> = ["wrong_secret", "wrong_secret_status", "unsupported_grant", "unsupported_grant_status"]
    /// `tenants:`.
    public static let tenants: Set<String> = ["batch", "list"]
    /// One item of `allow:`.
    public static let allowEntry: Set<String> = ["check", "reason"]

    /// Each list by the place it describes (JSON-pointer-like paths into a suite, `[]` for a list item), for the
    /// schema test and for tools.
    public static let byPlace: [String: Set<String>] = [
        "": suite, "defaults": defaults, "endpoints[]": endpoint, "endpoints[].client_secret": secret,
        "endpoints[].expect": expect, "endpoints[].expect.keys": keySource, "endpoints[].expect.lifetime": lifetime,
        "endpoints[].expect.scopes": scopes, "endpoints[].api[]": apiCall, "endpoints[].negative": negative,
        "endpoints[].tenants": tenants, "endpoints[].allow[]": allowEntry,
    ]
}
