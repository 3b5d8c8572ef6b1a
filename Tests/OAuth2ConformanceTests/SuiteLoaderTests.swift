import OAuth2Conformance
import Testing

@Suite struct SuiteLoaderTests {
    static let loader = SuiteLoader(variables: ["SECRET": "value-of-the-secret", "BASE": "https://auth.test"]) { path throws(ConformanceError) in
        throw ConformanceError(.unreadableFile, "cannot read \(path)")
    }

    static func suite(_ endpoint: String) -> String {
        "name: s\nendpoints:\n  - name: e\n    style: client-secret-post\n    client_id: c\n" + endpoint
    }

    static let errors: [(String, String, ConformanceError.Code, String)] = [
        ("unknown key", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    scopes: [a]\n"),
         .unknownKey, "s: endpoints[0].scopes: unknown key 'scopes'"),
        ("unknown nested key", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    expect: {isuer: x}\n"),
         .unknownKey, "s: endpoints[0].expect.isuer: unknown key 'isuer'"),
        ("missing variable", suite("    token_url: ${MISSING_BASE}/t\n    client_secret: {env: SECRET}\n"),
         .missingVariable, "s: endpoints[0].token_url: environment variable MISSING_BASE is not set"),
        ("missing secret variable", suite("    token_url: https://a.test/t\n    client_secret: {env: NO_SUCH_SECRET}\n"),
         .missingVariable, "environment variable NO_SUCH_SECRET is not set"),
        ("literal secret", suite("    token_url: https://a.test/t\n    client_secret: hunter2-literal\n"),
         .literalSecret, "s: endpoints[0].client_secret: a secret must not be written in a suite file"),
        ("literal auth header", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    headers: {Authorization: Basic abc}\n"),
         .literalSecret, "s: endpoints[0].headers.Authorization: a secret must not be written"),
        ("bad URL scheme", suite("    token_url: ftp://a.test/t\n    client_secret: {env: SECRET}\n"),
         .invalidURL, "s: endpoints[0].token_url: 'ftp://a.test/t' is not an absolute http:// or https:// URL"),
        ("URL without host", suite("    token_url: https:///t\n    client_secret: {env: SECRET}\n"),
         .invalidURL, "s: endpoints[0].token_url:"),
        ("URL with bad port", suite("    token_url: https://a.test:99999/t\n    client_secret: {env: SECRET}\n"),
         .invalidURL, "has a bad port"),
        ("not YAML", "name: [unclosed\n", .invalidSuite, "s: not valid YAML: line"),
        ("no endpoints", "name: s\n", .invalidValue, "s: endpoints: required"),
        ("unknown style", "name: s\nendpoints:\n  - {name: e, style: magic, token_url: 'https://a.test', client_id: c, client_secret: {env: SECRET}}\n",
         .invalidValue, "'magic' is not a style"),
        ("alg none", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    expect: {algorithms: [none]}\n"),
         .invalidValue, "'none' is never acceptable"),
        ("unknown check id", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    severity: {TOK-99: warn}\n"),
         .invalidValue, "no check has this id"),
        // A parameter the style's request does not carry (OAuth2Client decides, by the seeds) is refused, not dropped.
        ("audience for client-secret-post (seed 002)", suite("    token_url: https://a.test/t\n    client_secret: {env: SECRET}\n    audience: x\n"),
         .invalidValue, "s: endpoints[0].audience: style client-secret-post sends no audience"),
        ("scope for json-client-credentials (seed 000)",
         "name: s\nendpoints:\n  - {name: e, style: json-client-credentials, token_url: 'https://a.test/oauth/token', client_id: c, client_secret: {env: SECRET}, scope: read}\n",
         .invalidValue, "s: endpoints[0].scope: style json-client-credentials sends no scope"),
        ("tenant lists beside a token URL not ending in /oauth/token (seed 001)",
         "name: s\nendpoints:\n  - {name: e, style: tenant-token-manager, token_url: 'https://a.test/v3/token', client_id: c, client_secret: {env: SECRET}, app_name: a, app_version: '1', host_tenant: h, user_tenant: h, tenants: {list: true}}\n",
         .invalidValue, "s: endpoints[0].token_url: a tenant-token-manager token URL must end in /oauth/token"),
        ("duplicate key", suite("    token_url: https://a.test/t\n    token_url: https://b.test/t\n    client_secret: {env: SECRET}\n"),
         .invalidSuite, "duplicate keys: token_url"),
    ]

    @Test(arguments: errors)
    func rejectsWithAClearMessage(_ name: String, _ yaml: String, _ code: ConformanceError.Code, _ message: String) {
        do {
            _ = try Self.loader.load(yaml, name: "s")
            Issue.record("\(name): loaded")
        } catch {
            #expect(error.code == code, "\(name): \(error.message)")
            #expect(error.message.contains(message), "\(name): \(error.message)")
            #expect(!error.message.contains("value-of-the-secret"))
        }
    }

    @Test func interpolatesAndResolvesSecretReferences() throws {
        let yaml = Self.suite("    token_url: ${BASE}/oauth2/token?x=$$1\n    client_secret: \"${SECRET}\"\n    scope: [a, b]\n")
        let suite = try Self.loader.load(yaml, name: "s")
        let e = try #require(suite.endpoints.first)
        #expect(e.tokenURL == "https://auth.test/oauth2/token?x=$1")
        #expect(e.clientSecret.reveal() == "value-of-the-secret")
        #expect(e.scope == "a b")
        #expect("\(e.clientSecret)" == "<secret from env SECRET>")
        #expect(suite.defaults.concurrency == 4)
    }

    @Test func onlySkipsOtherEndpointsUnresolved() throws {
        let yaml = """
            endpoints:
              - {name: a, style: client-secret-post, token_url: "https://a.test", client_id: c, client_secret: {env: SECRET}}
              - {name: b, style: client-secret-post, token_url: "https://b.test", client_id: c, client_secret: {env: UNSET}}
            """
        let suite = try Self.loader.load(yaml, name: "file-name", only: ["a"])
        #expect(suite.name == "file-name")
        #expect(suite.endpoints.map(\.name) == ["a"])
        #expect(throws: ConformanceError(.unknownEndpoint, "")) { try Self.loader.load(yaml, name: "x", only: ["zzz"]) }
    }
}

import Foundation

@Suite struct ShippedSuiteTests {
    static let files = ["mock.yaml", "mock-faults.yaml", "vendor-json-client-credentials.yaml", "vendor-tenant-token-manager.yaml",
                        "vendor-client-secret-post.yaml", "vendor-client-secret-basic.yaml"]

    /// Every shipped suite loads once its variables are set (placeholders are `${VAR}` references, secrets `env:`).
    @Test(arguments: files)
    func loadsWithItsVariablesSet(_ file: String) throws {
        let url = MockSuiteTests.packageRoot.appendingPathComponent("conformance/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        var variables: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            var rest = Substring(line)
            while let start = rest.firstRange(of: "${") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "}") else { break }
                let name = String(after[..<end])
                variables[name] = name.hasSuffix("URL") || name.hasSuffix("BASE") ? "https://example.test" : "placeholder-\(name.lowercased())"
                rest = after[after.index(after: end)...]
            }
            if let range = line.firstRange(of: "env: ") {
                let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                variables[String(name)] = "dummy-secret"
            }
        }
        let loader = SuiteLoader(variables: variables) { _ throws(ConformanceError) in Array("-----BEGIN PUBLIC KEY-----".utf8) }
        let suite = try loader.load(text, name: String(file.dropLast(5)))
        #expect(!suite.endpoints.isEmpty)
        #expect(!text.contains("client_secret: \"") || text.contains("client_secret: \"${"), "literal secret in \(file)")
    }
}

/// Issue 9 items 4 and 5: `insecure_http` and `expect.keys: none` in the suite format.
@Suite struct SuiteTransportAndKeysTests {
    static func load(_ endpoint: String) throws(ConformanceError) -> EndpointConfiguration {
        try SuiteLoaderTests.loader.load(SuiteLoaderTests.suite("    client_secret: {env: SECRET}\n" + endpoint), name: "s").endpoints[0]
    }

    @Test(arguments: [
        ("    token_url: http://example.test/t\n", "endpoints[0].token_url"),
        ("    token_url: http://127.0.0.2/t\n", "endpoints[0].token_url"),
        ("    token_url: http://auth.localhost/t\n", "endpoints[0].token_url"),
        ("    token_url: https://a.test/t\n    api: [{url: \"http://api.example.test/r\"}]\n", "endpoints[0].api[0].url"),
        ("    token_url: https://a.test/t\n    expect: {keys: {jwks_url: \"http://keys.example.test/jwks\"}}\n", "endpoints[0].expect.keys.jwks_url"),
        ("    token_url: https://a.test/t\n    expect: {issuer: \"http://as.example.test\"}\n", "endpoints[0].expect.issuer"),
    ])
    func plainHTTPToANonLoopbackHostIsASuiteError(_ endpoint: String, _ place: String) {
        #expect {
            _ = try Self.load(endpoint)
        } throws: { error in
            guard let error = error as? ConformanceError else { return false }
            return error.code == .cleartextRefused && error.message.contains("s: \(place): '") && error.message.contains("insecure_http: true")
        }
    }

    @Test(arguments: ["http://127.0.0.1:8080/t", "http://localhost/t", "http://LOCALHOST:1/t", "http://[::1]:9/t", "https://a.test/t"])
    func loopbackAndHTTPSNeedNoOptIn(_ url: String) throws {
        let e = try Self.load("    token_url: \(url)\n")
        #expect(!e.insecureHTTP && e.cleartextURLs.isEmpty)
    }

    @Test func insecureHTTPOptsIn() throws {
        let e = try Self.load("    token_url: http://example.test/t\n    insecure_http: true\n    api: [{url: \"http://example.test/api\"}]\n")
        #expect(e.insecureHTTP)
        #expect(e.cleartextURLs == ["http://example.test/t", "http://example.test/api"])
    }

    @Test func keysNoneDeclaresTheTokenUnchecked() throws {
        #expect(try Self.load("    token_url: https://a.test/t\n    expect: {keys: none}\n").expect.keys == .unchecked)
        #expect(throws: ConformanceError(.invalidValue, "")) { try Self.load("    token_url: https://a.test/t\n    expect: {keys: nothing}\n") }
    }
}
