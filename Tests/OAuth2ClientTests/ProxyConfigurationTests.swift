import Testing
@testable import OAuth2Client

/// Issue 11 item 7: proxy variables, parsed from an environment passed in (never the process's), by curl's rules.
@Suite struct ProxyConfigurationTests {
    /// Lower case wins when both spellings are set; an empty value counts as unset.
    @Test(arguments: [
        (["HTTPS_PROXY": "http://upper:1"], "http://upper:1"),
        (["https_proxy": "http://lower:2"], "http://lower:2"),
        (["HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2"], "http://lower:2"),
        (["HTTPS_PROXY": "http://upper:1", "https_proxy": ""], "http://upper:1"),
        (["HTTPS_PROXY": "  "], nil),
        ([:], nil),
    ] as [([String: String], String?)])
    func httpsProxyCasePrecedence(_ environment: [String: String], _ expected: String?) throws {
        #expect(try ProxyConfiguration(environment: environment).https?.description == expected)
    }

    @Test func eachSchemeHasItsOwnVariable() throws {
        let c = try ProxyConfiguration(environment: ["http_proxy": "http://plain:3128", "HTTPS_PROXY": "http://secure:8080"])
        #expect(c.http?.description == "http://plain:3128")
        #expect(c.https?.description == "http://secure:8080")
        #expect(c.server(for: try EndpointURL("http://as.example/x"))?.host == "plain")
        #expect(c.server(for: try EndpointURL("https://as.example/x"))?.host == "secure")
        #expect(try ProxyConfiguration(environment: ["HTTP_PROXY": "http://p:1"]).server(for: try EndpointURL("https://as.example/")) == nil,
                "an http proxy is not used for https URLs")
    }

    /// `http://host:port`, no scheme (curl: http), default port 80, IPv6 literals, a trailing slash; credentials are
    /// kept for Basic and never printed.
    @Test(arguments: [
        ("http://proxy.example:3128", "proxy.example", 3128, false),
        ("proxy.example:3128", "proxy.example", 3128, false),
        ("http://PROXY.example", "proxy.example", 80, false),
        ("http://proxy.example:8080/", "proxy.example", 8080, false),
        ("http://[::1]:3128", "::1", 3128, false),
        ("http://user:pa%40ss@proxy.example:3128", "proxy.example", 3128, true),
    ])
    func proxyURLs(_ text: String, _ host: String, _ port: Int, _ credentials: Bool) throws {
        let server = try ProxyServer(text, variable: "HTTPS_PROXY")
        #expect(server.host == host)
        #expect(server.port == port)
        #expect(server.hasCredentials == credentials)
        #expect(!server.description.contains("user") && !server.description.contains("pa"))
    }

    @Test func credentialsArePercentDecoded() throws {
        let server = try ProxyServer("http://us%3Aer:pa%40ss@proxy.example:3128", variable: "HTTPS_PROXY")
        #expect(server.credentials?.value == "us:er:pa@ss")
        #expect("\(server)" == "http://proxy.example:3128")
        #expect(try ProxyServer("http://alone@proxy.example:3128", variable: "HTTPS_PROXY").credentials?.value == "alone:")
    }

    /// An https proxy, another scheme, a path, a bad port, no host: a clear error naming the variable, never the
    /// credentials.
    @Test(arguments: [
        ("https://proxy.example:443", "an https:// proxy is not supported"),
        ("socks5://proxy.example:1080", "is not a proxy scheme"),
        ("http://proxy.example:3128/path", "not a proxy URL"),
        ("http://proxy.example:0", "bad port"),
        ("http://proxy.example:99999", "bad port"),
        ("http://proxy.example:port", "bad port"),
        ("http://proxy.example:+80", "bad port"),
        ("http://[::1]x", "bad port"),
        ("http://[::1", "bad IPv6 literal"),
        ("http://::1:3128", "no usable host"),
        ("http://", "no usable host"),
        ("http://secretuser:secretpw@:3128", "no usable host"),
        ("http://pr oxy:1", "not a proxy URL"),
        ("http://a%zz@proxy:1", "bad percent-encoding"),
    ])
    func badProxyURLs(_ text: String, _ message: String) throws {
        do {
            _ = try ProxyConfiguration(environment: ["HTTPS_PROXY": text])
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == .proxyConfiguration)
            #expect(error.errorClass == .malformedInput)
            #expect(error.message.hasPrefix("HTTPS_PROXY: "), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains("secretpw") && !error.message.contains("secretuser"))
        }
    }

    /// NO_PROXY by curl's rules: `*`, domains with and without a leading dot (and their subdomains, never a name that
    /// merely ends the same), IP literals, CIDR blocks, an optional port.
    @Test(arguments: [
        ("*", "anything.example", 443, true),
        ("example.com", "example.com", 443, true),
        ("example.com", "api.example.com", 443, true),
        ("example.com", "badexample.com", 443, false),
        (".example.com", "example.com", 443, true),
        (".example.com", "a.b.example.com", 443, true),
        ("*.example.com", "a.example.com", 443, true),
        ("EXAMPLE.com", "Api.Example.COM", 443, true),
        ("example.com", "example.com.", 443, true),
        ("other.test, example.com ,", "example.com", 443, true),
        ("other.test", "example.com", 443, false),
        ("example.com:8443", "example.com", 8443, true),
        ("example.com:8443", "example.com", 443, false),
        ("10.1.2.3", "10.1.2.3", 443, true),
        ("10.1.2.3", "10.1.2.4", 443, false),
        ("10.0.0.0/8", "10.200.3.4", 443, true),
        ("10.0.0.0/8", "11.0.0.1", 443, false),
        ("192.168.1.0/25", "192.168.1.127", 443, true),
        ("192.168.1.0/25", "192.168.1.128", 443, false),
        ("fd00::/8", "[fd12::1]", 443, true),
        ("fd00::/8", "[fe80::1]", 443, false),
        ("::1", "[::1]", 443, true),
        ("[2001:db8::1]:8443", "[2001:db8::1]", 8443, true),
        ("[2001:db8::1]:8443", "[2001:db8::1]", 443, false),
        ("10.0.0.0/8", "ten.example", 443, false),
        ("", "example.com", 443, false),
    ])
    func noProxyMatching(_ list: String, _ host: String, _ port: Int, _ bypass: Bool) throws {
        #expect(try NoProxyList(list, variable: "NO_PROXY").matches(host: host, port: port) == bypass)
    }

    @Test(arguments: ["example.com:0", "example.com:x", "10.0.0.0/33", "::/129", "name.example/8", "a*b.example", "[::1"])
    func badNoProxyEntries(_ list: String) {
        #expect(throws: OAuth2ClientError(.proxyConfiguration, "")) { try NoProxyList(list, variable: "NO_PROXY") }
    }

    /// NO_PROXY applies to both proxies; lower case wins for it too.
    @Test func noProxyBypassesBothProxies() throws {
        let c = try ProxyConfiguration(environment: [
            "HTTPS_PROXY": "http://p:1", "HTTP_PROXY": "http://p:1", "NO_PROXY": "other.test", "no_proxy": "internal.example",
        ])
        #expect(c.server(for: try EndpointURL("https://api.internal.example/")) == nil)
        #expect(c.server(for: try EndpointURL("http://api.internal.example/")) == nil)
        #expect(c.server(for: try EndpointURL("https://other.test/")) != nil, "the upper-case value is ignored when the lower-case one is set")
    }

    /// Loopback (the kit's one definition) is never proxied unless JWT_PROXY_LOOPBACK=1; look-alikes are not loopback.
    @Test(arguments: [
        ("https://127.0.0.1:8443/", false), ("https://localhost/", false), ("https://[::1]/", false),
        ("https://127.0.0.2/", true), ("https://a.localhost/", true), ("https://as.example/", true),
    ])
    func loopbackIsNotProxiedByDefault(_ url: String, _ proxied: Bool) throws {
        let base = ["HTTPS_PROXY": "http://proxy.test:3128"]
        #expect((try ProxyConfiguration(environment: base).server(for: try EndpointURL(url)) != nil) == proxied)
        let opted = try ProxyConfiguration(environment: base.merging(["JWT_PROXY_LOOPBACK": "1"]) { $1 })
        #expect(opted.server(for: try EndpointURL(url)) != nil)
    }

    @Test(arguments: ["yes", "true", "2"])
    func proxyLoopbackTakesOnlyOneOrZero(_ value: String) {
        #expect(throws: OAuth2ClientError(.proxyConfiguration, "")) { try ProxyConfiguration(environment: ["JWT_PROXY_LOOPBACK": value]) }
    }

    /// The library reads only what it is given: no variables, no proxy, whatever the process has.
    @Test func emptyEnvironmentMeansNoProxy() throws {
        let c = try ProxyConfiguration(environment: [:])
        #expect(c == .none)
        #expect(c.isEmpty)
    }
}
