import JOSECore

import Yams

/// The YAML file format (README "Configuration"). Secrets come from `client_secret` (demo use only),
/// `client_secret_env` (environment variable name) or `client_secret_file` (path).
struct MockConfigurationFile: Codable {
    struct ClientEntry: Codable {
        var client_id: String
        var client_secret: String?
        var client_secret_env: String?
        var client_secret_file: String?
        var styles: [String]?
        var scopes: [String]?
        var audiences: [String]?
        var fault: String?
    }

    struct Tenants: Codable {
        var operator_tenant: String?
        var user_tenants: [String]?
        /// Generates `tenant-001` … instead of listing them.
        var generate: Int?
        var page_size: Int?
        var batch_limit: Int?
    }

    struct Resource: Codable {
        var audience: String?
        var scope: String?
    }

    var issuer: String?
    var token_lifetime: Int?
    var algorithm: String?
    var key_file: String?
    var key_id: String?
    var audience: String?
    var clients: [ClientEntry]?
    var tenants: Tenants?
    var resource: Resource?
    var slow_delay_ms: Int?
    var vendor_quirks: Bool?
}

extension MockConfiguration {
    /// Parses a YAML config. `variables` and `readFile` resolve `client_secret_env` / `client_secret_file`.
    public static func load(
        yaml: String, variables: [String: String], readFile: (String) -> String?
    ) throws(MockServerError) -> MockConfiguration {
        let file: MockConfigurationFile
        do {
            file = try YAMLDecoder().decode(MockConfigurationFile.self, from: yaml)
        } catch {
            throw MockServerError(.invalidConfiguration, "config is not valid: \(String(describing: error).prefix(200))")
        }
        var config = MockConfiguration()
        if let v = file.issuer { config.issuer = v }
        if let v = file.token_lifetime {
            guard v > 0 else { throw MockServerError(.invalidConfiguration, "token_lifetime must be positive") }
            guard v <= MockConfiguration.maxTokenLifetime else {
                throw MockServerError(.invalidConfiguration, "token_lifetime \(v) is over \(MockConfiguration.maxTokenLifetime) s (100 years): iat + lifetime must stay a NumericDate before the year 9999 (RFC 7519 §2)")
            }
            config.tokenLifetime = v
        }
        if let v = file.algorithm { config.algorithm = v }
        config.keyFile = file.key_file
        if let v = file.key_id { config.keyID = v }
        if let v = file.audience { config.defaultAudience = v; config.resourceAudience = v }
        if let r = file.resource {
            if let a = r.audience { config.resourceAudience = a }
            if let s = r.scope { config.resourceScope = s }
        }
        if let ms = file.slow_delay_ms { config.slowDelay = .milliseconds(max(0, ms)) }
        if let q = file.vendor_quirks { config.vendorQuirks = q }
        if let t = file.tenants {
            if let o = t.operator_tenant { config.operatorTenant = o }
            if let list = t.user_tenants { config.userTenants = list }
            if let n = t.generate {
                guard (0...100_000).contains(n) else { throw MockServerError(.invalidConfiguration, "tenants.generate must be 0…100000") }
                config.userTenants += MockConfiguration.generatedTenants(n)
            }
            if let p = t.page_size { config.tenantPageSize = max(1, p) }
            if let b = t.batch_limit { config.tenantBatchLimit = max(1, b) }
        }
        for entry in file.clients ?? [] {
            let secret: String
            if let env = entry.client_secret_env {
                guard let value = variables[env], !value.isEmpty else {
                    throw MockServerError(.secretUnavailable, "client \(entry.client_id): environment variable \(env) is not set")
                }
                secret = value
            } else if let path = entry.client_secret_file {
                guard let text = readFile(path) else {
                    throw MockServerError(.secretUnavailable, "client \(entry.client_id): secret file \(path) cannot be read")
                }
                secret = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            } else if let value = entry.client_secret {
                secret = value
            } else {
                throw MockServerError(.invalidConfiguration, "client \(entry.client_id) has no client_secret, client_secret_env or client_secret_file")
            }
            guard !secret.isEmpty else { throw MockServerError(.secretUnavailable, "client \(entry.client_id): secret is empty") }
            var fault = MockFault.none
            if let name = entry.fault {
                guard let f = MockFault(rawValue: name) else {
                    throw MockServerError(.invalidConfiguration, "client \(entry.client_id): unknown fault \(name)")
                }
                fault = f
            }
            config.clients.append(Client(
                clientID: entry.client_id, secret: secret, styles: entry.styles ?? [], scopes: entry.scopes ?? [],
                audiences: entry.audiences ?? [], fault: fault))
        }
        guard !config.clients.isEmpty else { throw MockServerError(.invalidConfiguration, "config has no clients") }
        return config
    }

    /// `tenant-001`, `tenant-002`, …
    public static func generatedTenants(_ count: Int) -> [String] {
        (0..<count).map { i in
            let n = String(i + 1)
            return "tenant-" + String(repeating: "0", count: max(0, 3 - n.count)) + n
        }
    }
}
