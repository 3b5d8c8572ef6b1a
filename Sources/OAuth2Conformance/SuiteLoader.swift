import OAuth2Client
import Yams

/// Reads a suite file (YAML, Yams) into a ``ConformanceSuite``, strictly:
/// - unknown keys are errors (a typo must not silently switch a check off);
/// - `${VAR}` in any string is replaced from the injected environment; a missing variable is an error naming it
///   (`$$` writes a literal `$`);
/// - secrets (`client_secret`, secret-bearing headers) must be references — `{env: VAR}`, `{file: PATH}` or a
///   string that is exactly `${VAR}` — never literal values;
/// - URLs must be absolute `http`/`https` URLs with a host.
/// Every error names the suite, the place (`endpoints[1].token_url`) and the problem, never a secret's value.
public struct SuiteLoader: Sendable {
    public var variables: [String: String]
    /// Reads a referenced file (secrets, keys); throws ``ConformanceError`` with `.unreadableFile`.
    public var readFile: @Sendable (String) throws(ConformanceError) -> [UInt8]

    public init(variables: [String: String], readFile: @escaping @Sendable (String) throws(ConformanceError) -> [UInt8]) {
        self.variables = variables
        self.readFile = readFile
    }

    /// Loads `text`. `name` is the default suite name (the file's base name); `only` keeps the named endpoints
    /// (the others are not resolved, so their variables need not be set).
    public func load(_ text: String, name: String, only: [String] = []) throws(ConformanceError) -> ConformanceSuite {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ConformanceError(.invalidSuite, "\(name): the suite file is empty") }
            root = node
        } catch let error as ConformanceError {
            throw error
        } catch {
            throw ConformanceError(.invalidSuite, "\(name): not valid YAML: \(Self.yamlMessage(error))")
        }
        var reader = NodeReader(suite: name, variables: variables)
        let top = try reader.mapping(root, at: "", keys: SuiteKeys.suite)
        var suite = ConformanceSuite(name: name, endpoints: [])
        if let node = top["name"] { suite.name = try reader.string(node, at: "name") }
        guard !suite.name.isEmpty, suite.name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw ConformanceError(.invalidValue, "\(name): name: use letters, digits, '-', '_' and '.' only")
        }
        if let node = top["defaults"] { suite.defaults = try defaults(node, reader: &reader) }
        guard let endpointsNode = top["endpoints"] else { throw ConformanceError(.invalidValue, "\(name): endpoints: required") }
        let list = try reader.sequence(endpointsNode, at: "endpoints")
        guard !list.isEmpty else { throw ConformanceError(.invalidValue, "\(name): endpoints: at least one endpoint is required") }
        var names = Set<String>()
        for (index, node) in list.enumerated() {
            let path = "endpoints[\(index)]"
            let fields = try reader.mapping(node, at: path, keys: SuiteKeys.endpoint)
            guard let nameNode = fields["name"] else { throw ConformanceError(.invalidValue, "\(name): \(path).name: required") }
            let endpointName = try reader.string(nameNode, at: "\(path).name")
            guard !endpointName.isEmpty, names.insert(endpointName).inserted else {
                throw ConformanceError(.invalidValue, "\(name): \(path).name: '\(endpointName)' is empty or used twice")
            }
            if !only.isEmpty, !only.contains(endpointName) { continue }
            suite.endpoints.append(try endpoint(fields, name: endpointName, path: path, defaults: suite.defaults, reader: &reader))
        }
        for wanted in only where !names.contains(wanted) {
            throw ConformanceError(.unknownEndpoint, "\(name): --only \(wanted): no endpoint of that name (have: \(names.sorted().joined(separator: ", ")))")
        }
        return suite
    }

    /// Without `insecure_http: true`, every URL the suite names must be `https`, or `http` to loopback
    /// (``OAuth2Client/EndpointURL/isLoopbackHost(_:)``): refused here, before any connection.
    static func refuseCleartext(_ e: EndpointConfiguration, path: String, reader: inout NodeReader) throws(ConformanceError) {
        var urls = [("token_url", e.tokenURL)] + e.api.enumerated().map { ("api[\($0.offset)].url", $0.element.url) }
        switch e.expect.keys {
        case .jwksURL(let url)?: urls.append(("expect.keys.jwks_url", url))
        case .issuer(let url)?: urls.append(("expect.keys.issuer", url))
        default: break
        }
        if let issuer = e.expect.issuer, issuer.lowercased().hasPrefix("http:") { urls.append(("expect.issuer", issuer)) }
        for (key, url) in urls where (try? EndpointURL(url))?.isCleartext ?? false {
            throw reader.error(.cleartextRefused, "\(path).\(key)", "'\(url)' is plain http to a host that is not loopback: the client secret and tokens would travel in clear (RFC 6749 §2.3.1, RFC 6750 §5.3); use https, or set insecure_http: true on the endpoint")
        }
    }

    private func defaults(_ node: Node, reader: inout NodeReader) throws(ConformanceError) -> SuiteDefaults {
        let fields = try reader.mapping(node, at: "defaults", keys: SuiteKeys.defaults)
        var d = SuiteDefaults()
        if let n = fields["timeout"] { d.timeout = try reader.seconds(n, at: "defaults.timeout") }
        if let n = fields["request_timeout"] { d.requestTimeout = try reader.seconds(n, at: "defaults.request_timeout") }
        if let n = fields["leeway"] { d.leeway = try reader.seconds(n, at: "defaults.leeway", allowZero: true) }
        if let n = fields["concurrency"] {
            d.concurrency = try reader.integer(n, at: "defaults.concurrency")
            guard (1...64).contains(d.concurrency) else { throw reader.error(.invalidValue, "defaults.concurrency", "must be 1 to 64") }
        }
        if let n = fields["strict"] { d.strict = try reader.bool(n, at: "defaults.strict") }
        if let n = fields["ca_file"] {
            // Read like every file a suite names (keys, secrets): missing → CONF-007 (66); no PEM certificate → 65.
            let file = try reader.string(n, at: "defaults.ca_file")
            let bytes = try readFile(file)
            do throws(OAuth2ClientError) {
                d.trustRoots = try TrustRoots(pem: bytes, source: file)
            } catch {
                throw reader.error(.invalidValue, "defaults.ca_file", error.message)
            }
        }
        return d
    }

    private func endpoint(_ f: [String: Node], name: String, path: String, defaults: SuiteDefaults, reader: inout NodeReader) throws(ConformanceError) -> EndpointConfiguration {
        func required(_ key: String) throws(ConformanceError) -> Node {
            guard let node = f[key] else { throw reader.error(.invalidValue, "\(path).\(key)", "required") }
            return node
        }
        let styleText = try reader.string(try required("style"), at: "\(path).style")
        guard let style = EndpointStyle(rawValue: styleText) else {
            throw reader.error(.invalidValue, "\(path).style", "'\(styleText)' is not a style (use \(EndpointStyle.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let url = try reader.url(try required("token_url"), at: "\(path).token_url")
        let clientID = try reader.string(try required("client_id"), at: "\(path).client_id")
        let secret = try self.secret(try required("client_secret"), at: "\(path).client_secret", reader: &reader)
        var e = EndpointConfiguration(name: name, style: style, tokenURL: url, clientID: clientID, clientSecret: secret, defaults: defaults)
        // What each style's request carries is OAuth2Client's decision (seeds 000 and 002); a parameter the style
        // would not send is refused rather than dropped, so TOK-07 never compares with a scope that was not asked for.
        if let n = f["audience"] {
            guard style.tokenStyleName.takesAudience else {
                throw reader.error(.invalidValue, "\(path).audience", "style \(style.rawValue) sends no audience (seed 002's request has none)")
            }
            e.audience = try reader.string(n, at: "\(path).audience")
        }
        if let n = f["scope"] {
            guard style.tokenStyleName.takesScope else {
                throw reader.error(.invalidValue, "\(path).scope", "style \(style.rawValue) sends no scope (\(style == .jsonClientCredentials ? "seed 000's" : "seed 001's") request has none)")
            }
            e.scope = try reader.scopeString(n, at: "\(path).scope")
        }
        if let n = f["app_name"] { e.appName = try reader.string(n, at: "\(path).app_name") }
        if let n = f["app_version"] { e.appVersion = try reader.string(n, at: "\(path).app_version") }
        if let n = f["host_tenant"] { e.hostTenant = try reader.string(n, at: "\(path).host_tenant") }
        if let n = f["user_tenant"] { e.userTenant = try reader.string(n, at: "\(path).user_tenant") }
        if style == .tenantTokenManager {
            for key in ["app_name", "app_version", "host_tenant", "user_tenant"] where f[key] == nil {
                throw reader.error(.invalidValue, "\(path).\(key)", "required for style tenant-token-manager")
            }
        }
        if let n = f["headers"] {
            let headers = try reader.mapping(n, at: "\(path).headers", keys: nil)
            for (key, node) in headers.sorted(by: { $0.key < $1.key }) {
                let at = "\(path).headers.\(key)"
                if Redactor.isSensitive(headerName: key) {
                    e.headers.append((key, try self.secret(node, at: at, reader: &reader).reveal()))
                } else {
                    e.headers.append((key, try reader.string(node, at: at)))
                }
            }
        }
        if let n = f["timeout"] { e.timeout = try reader.seconds(n, at: "\(path).timeout") }
        if let n = f["request_timeout"] { e.requestTimeout = try reader.seconds(n, at: "\(path).request_timeout") }
        if let n = f["leeway"] { e.leeway = try reader.seconds(n, at: "\(path).leeway", allowZero: true) }
        if let n = f["expect"] { e.expect = try expectations(n, at: "\(path).expect", reader: &reader) }
        if let n = f["api"] {
            for (i, item) in try reader.sequence(n, at: "\(path).api").enumerated() {
                let at = "\(path).api[\(i)]"
                let m = try reader.mapping(item, at: at, keys: SuiteKeys.apiCall)
                guard let u = m["url"] else { throw reader.error(.invalidValue, "\(at).url", "required") }
                var call = APICall(url: try reader.url(u, at: "\(at).url"))
                if let x = m["method"] {
                    call.method = try reader.string(x, at: "\(at).method").uppercased()
                    guard ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(call.method) else {
                        throw reader.error(.invalidValue, "\(at).method", "'\(call.method)' is not an HTTP method")
                    }
                }
                if let x = m["status"] { call.status = try reader.status(x, at: "\(at).status") }
                if let x = m["without_token"] { call.withoutToken = try reader.bool(x, at: "\(at).without_token") }
                e.api.append(call)
            }
        }
        if let n = f["negative"] {
            let m = try reader.mapping(n, at: "\(path).negative", keys: SuiteKeys.negative)
            if let x = m["wrong_secret"] { e.negative.wrongSecret = try reader.bool(x, at: "\(path).negative.wrong_secret") }
            if let x = m["unsupported_grant"] {
                e.negative.unsupportedGrant = try reader.bool(x, at: "\(path).negative.unsupported_grant")
                if e.negative.unsupportedGrant, !style.hasGrantType {
                    throw reader.error(.invalidValue, "\(path).negative.unsupported_grant", "style \(style.rawValue) sends no grant_type")
                }
            }
            if let x = m["wrong_secret_status"] { e.negative.wrongSecretStatuses = try statuses(x, at: "\(path).negative.wrong_secret_status", reader: &reader) }
            if let x = m["unsupported_grant_status"] { e.negative.unsupportedGrantStatuses = try statuses(x, at: "\(path).negative.unsupported_grant_status", reader: &reader) }
        }
        if let n = f["tenants"] {
            guard style == .tenantTokenManager else { throw reader.error(.invalidValue, "\(path).tenants", "only for style tenant-token-manager") }
            let m = try reader.mapping(n, at: "\(path).tenants", keys: SuiteKeys.tenants)
            if let x = m["batch"] { e.tenants.batch = try reader.strings(x, at: "\(path).tenants.batch") }
            if let x = m["list"] { e.tenants.listTenants = try reader.bool(x, at: "\(path).tenants.list") }
            if !e.tenants.batch.isEmpty || e.tenants.listTenants {
                do throws(OAuth2ClientError) { _ = try TenantServiceURLs(tokenURL: url) } catch {
                    throw reader.error(.invalidValue, "\(path).token_url", error.message)
                }
            }
        }
        if let n = f["severity"] {
            for (key, node) in try reader.mapping(n, at: "\(path).severity", keys: nil).sorted(by: { $0.key < $1.key }) {
                guard CheckCatalogue.definition(key) != nil else { throw reader.error(.invalidValue, "\(path).severity.\(key)", "no check has this id") }
                let text = try reader.string(node, at: "\(path).severity.\(key)")
                guard let severity = CheckSeverity(rawValue: text) else {
                    throw reader.error(.invalidValue, "\(path).severity.\(key)", "'\(text)' is not fail, warn or info")
                }
                e.severity[key] = severity
            }
        }
        if let n = f["allow"] {
            for (i, item) in try reader.sequence(n, at: "\(path).allow").enumerated() {
                let at = "\(path).allow[\(i)]"
                let m = try reader.mapping(item, at: at, keys: SuiteKeys.allowEntry)
                guard let c = m["check"], let r = m["reason"] else { throw reader.error(.invalidValue, at, "needs check and reason") }
                let check = try reader.string(c, at: "\(at).check"), reason = try reader.string(r, at: "\(at).reason")
                guard CheckCatalogue.definition(check) != nil, check != CheckCatalogue.staleAllowList.id else {
                    throw reader.error(.invalidValue, "\(at).check", "'\(check)' is not an allow-listable check id")
                }
                guard !reason.isEmpty else { throw reader.error(.invalidValue, "\(at).reason", "must say why") }
                e.allow.append(AllowListEntry(check: check, reason: reason))
            }
        }
        if let n = f["expected_failures"] { e.expectedFailures = try checkIDs(n, at: "\(path).expected_failures", reader: &reader) }
        if let n = f["expected_warnings"] { e.expectedWarnings = try checkIDs(n, at: "\(path).expected_warnings", reader: &reader) }
        if let n = f["insecure_http"] { e.insecureHTTP = try reader.bool(n, at: "\(path).insecure_http") }
        if !e.insecureHTTP { try Self.refuseCleartext(e, path: path, reader: &reader) }
        return e
    }

    private func statuses(_ node: Node, at path: String, reader: inout NodeReader) throws(ConformanceError) -> [Int] {
        if node.scalar != nil { return [try reader.status(node, at: path)] }
        var statuses: [Int] = []
        for (i, item) in try reader.sequence(node, at: path).enumerated() { statuses.append(try reader.status(item, at: "\(path)[\(i)]")) }
        guard !statuses.isEmpty else { throw reader.error(.invalidValue, path, "must not be empty") }
        return statuses
    }

    private func checkIDs(_ node: Node, at path: String, reader: inout NodeReader) throws(ConformanceError) -> [String] {
        let ids = try reader.strings(node, at: path)
        for id in ids where CheckCatalogue.definition(id) == nil { throw reader.error(.invalidValue, path, "'\(id)' is not a check id") }
        return ids
    }

    private func expectations(_ node: Node, at path: String, reader: inout NodeReader) throws(ConformanceError) -> TokenExpectations {
        let m = try reader.mapping(node, at: path, keys: SuiteKeys.expect)
        var x = TokenExpectations()
        if let n = m["issuer"] { x.issuer = try reader.string(n, at: "\(path).issuer") }
        if let n = m["audience"] {
            x.audiences = n.scalar != nil ? [try reader.string(n, at: "\(path).audience")] : try reader.strings(n, at: "\(path).audience")
        }
        if let n = m["typ"] { x.typ = try reader.string(n, at: "\(path).typ") }
        if let n = m["profile"] {
            let p = try reader.string(n, at: "\(path).profile")
            guard p == "rfc9068" else { throw reader.error(.invalidValue, "\(path).profile", "'\(p)' is not a profile (use rfc9068)") }
            x.profile = p
        }
        if let n = m["algorithms"] {
            x.algorithms = try reader.strings(n, at: "\(path).algorithms")
            if x.algorithms.contains(where: { $0.lowercased() == "none" }) {
                throw reader.error(.invalidValue, "\(path).algorithms", "'none' is never acceptable (RFC 8725 §3.1)")
            }
        }
        if let n = m["keys"], n.scalar != nil {
            let word = try reader.string(n, at: "\(path).keys")
            guard word == "none" else {
                throw reader.error(.invalidValue, "\(path).keys", "'\(word)' is not a key source (use none, or one of jwks_url, issuer, file)")
            }
            x.keys = .unchecked
        } else if let n = m["keys"] {
            let k = try reader.mapping(n, at: "\(path).keys", keys: SuiteKeys.keySource)
            guard k.count == 1 else { throw reader.error(.invalidValue, "\(path).keys", "give exactly one of jwks_url, issuer, file") }
            if let u = k["jwks_url"] { x.keys = .jwksURL(try reader.url(u, at: "\(path).keys.jwks_url")) }
            if let u = k["issuer"] { x.keys = .issuer(try reader.url(u, at: "\(path).keys.issuer")) }
            if let f = k["file"] {
                let file = try reader.string(f, at: "\(path).keys.file")
                x.keys = .file(path: file, bytes: try readFile(file))
            }
        }
        if let n = m["lifetime"] {
            let l = try reader.mapping(n, at: "\(path).lifetime", keys: SuiteKeys.lifetime)
            if let v = l["min"] { x.minLifetime = try reader.seconds(v, at: "\(path).lifetime.min") }
            if let v = l["max"] { x.maxLifetime = try reader.seconds(v, at: "\(path).lifetime.max") }
            if let lo = x.minLifetime, let hi = x.maxLifetime, lo > hi { throw reader.error(.invalidValue, "\(path).lifetime", "min is above max") }
        }
        if let n = m["client_id"] { x.clientID = try reader.string(n, at: "\(path).client_id") }
        if let n = m["scopes"] {
            let s = try reader.mapping(n, at: "\(path).scopes", keys: SuiteKeys.scopes)
            if let v = s["required"] { x.requiredScopes = try reader.scopeList(v, at: "\(path).scopes.required") }
            if let v = s["allowed"] { x.allowedScopes = try reader.scopeList(v, at: "\(path).scopes.allowed") }
            if let v = s["forbidden"] { x.forbiddenScopes = try reader.scopeList(v, at: "\(path).scopes.forbidden") }
        }
        return x
    }

    /// `{env: VAR}`, `{file: PATH}` or exactly `"${VAR}"`; anything else is a literal secret.
    private func secret(_ node: Node, at path: String, reader: inout NodeReader) throws(ConformanceError) -> SuiteSecret {
        if let scalar = node.scalar {
            let raw = scalar.string
            if raw.hasPrefix("${"), raw.hasSuffix("}"), raw.dropFirst(2).dropLast().allSatisfy(NodeReader.isNameCharacter), raw.count > 3 {
                let name = String(raw.dropFirst(2).dropLast())
                return SuiteSecret(try reader.variable(name, at: path), source: "env \(name)")
            }
            throw reader.error(.literalSecret, path, "a secret must not be written in a suite file; use {env: VARIABLE}, {file: PATH} or \"${VARIABLE}\"")
        }
        let m = try reader.mapping(node, at: path, keys: SuiteKeys.secret)
        guard m.count == 1 else { throw reader.error(.invalidValue, path, "give exactly one of env, file") }
        if let n = m["env"] {
            guard let name = n.scalar?.string, !name.isEmpty, name.allSatisfy(NodeReader.isNameCharacter) else {
                throw reader.error(.invalidValue, "\(path).env", "must be an environment variable name")
            }
            return SuiteSecret(try reader.variable(name, at: path), source: "env \(name)")
        }
        let file = try reader.string(m["file"]!, at: "\(path).file")
        var bytes = try readFile(file)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw reader.error(.invalidValue, "\(path).file", "\(file) is empty") }
        return SuiteSecret(String(decoding: bytes, as: UTF8.self), source: "file \(file)")
    }

    /// Yams errors carry a position and a snippet of the line; keep the position and the problem only.
    static func yamlMessage(_ error: any Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _): return "line \(mark.line): \(problem)"
            case .parser(_, let problem, let mark, _): return "line \(mark.line): \(problem)"
            case .composer(_, let problem, let mark, _): return "line \(mark.line): \(problem)"
            case .duplicatedKeysInMapping(let duplicates, _):
                return "duplicate keys: " + duplicates.sorted().joined(separator: ", ")
            default: return "malformed YAML"
            }
        }
        return "malformed YAML"
    }
}
