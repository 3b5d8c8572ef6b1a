import OAuth2Client

/// How `verify` and `conform` reach the network, from the process environment (``CommandEnvironment/variables``) and
/// their flags: the proxies (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, either case; ``OAuth2Client/ProxyConfiguration``)
/// and the CA bundle, by precedence `--ca-file` > the suite's `defaults.ca_file` (conform) > `SSL_CERT_FILE` > the
/// system's roots. A bundle replaces the system's roots; TLS verification stays on.
enum NetworkSettings {
    /// The largest CA bundle read (the Mozilla bundle is about 220 KiB).
    static let maxBundleBytes = 4 << 20

    /// The transport settings: `base` with the environment's proxies and the CA bundle of `caFile`, else of
    /// `SSL_CERT_FILE`. A bundle that cannot be read is 66; one that holds no PEM certificate, or a proxy variable
    /// that cannot be used, is 65.
    static func configuration(_ base: TransportConfiguration, caFile: String?, environment: CommandEnvironment) throws(JWTCommandsError) -> TransportConfiguration {
        var configuration = base
        do throws(OAuth2ClientError) {
            configuration.proxy = try ProxyConfiguration(environment: environment.variables)
        } catch {
            throw JWTCommandsError(error)
        }
        if let caFile {
            configuration.trustRoots = try trustRoots(caFile, option: "--ca-file", environment: environment)
        } else if let path = environment.variables["SSL_CERT_FILE"], !path.isEmpty {
            configuration.trustRoots = try trustRoots(path, option: "SSL_CERT_FILE", environment: environment)
        }
        return configuration
    }

    /// Reads and checks one CA bundle; `option` (the flag or variable that named it) starts every message.
    static func trustRoots(_ path: String, option: String, environment: CommandEnvironment) throws(JWTCommandsError) -> TrustRoots {
        let bytes: [UInt8]
        do throws(JWTCommandsError) {
            bytes = try environment.readFile(path, maxBundleBytes)
        } catch {
            throw JWTCommandsError(error, message: "\(option): \(error.message)")
        }
        guard bytes.count <= maxBundleBytes else {
            throw JWTCommandsError(OAuth2ClientError(.caBundle, "\(option) \(path): larger than 4 MiB"))
        }
        do throws(OAuth2ClientError) {
            return try TrustRoots(pem: bytes, source: path)
        } catch {
            throw JWTCommandsError(error, message: "\(option) \(error.message)")
        }
    }
}
