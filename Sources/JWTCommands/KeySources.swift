import JOSECore
import JWTValidation

/// The key sources of `jwt verify`, read once per run: `--key` files (PEM, JWK or JWKS, detected),
/// `--jwks` files or URLs, `--issuer` discovery, `--secret-file`, `--secret-env`. Secrets never come from the
/// command line and never appear in a message.
struct KeySources {
    var keyFiles: [String] = []
    var jwks: [String] = []
    var issuer: String?
    var secretFile: String?
    var secretVariable: String?

    var isEmpty: Bool { keyFiles.isEmpty && jwks.isEmpty && issuer == nil && secretFile == nil && secretVariable == nil }

    /// Key files are small; anything bigger is not a key.
    static let maxFileBytes = 1 << 20

    func load(environment: CommandEnvironment, fetcher: any KeyFetcher) async throws(JWTCommandsError) -> [JWSKey] {
        try await loadReport(environment: environment, fetcher: fetcher).keys
    }

    /// The keys, and a warning (source, kid, reason) for each JWK Set member skipped as unusable (RFC 7517 §5).
    func loadReport(environment: CommandEnvironment, fetcher: any KeyFetcher) async throws(JWTCommandsError) -> (keys: [JWSKey], warnings: [String]) {
        var keys: [JWSKey] = []
        var warnings: [String] = []
        func add(_ loaded: KeyLoader.Loaded, _ source: String) {
            keys += loaded.keys
            warnings += loaded.warnings.map { "\(source): \($0)" }
        }
        for path in keyFiles {
            let bytes = try read(path, environment: environment)
            do throws(JOSEError) { add(try KeyLoader.loadReport(bytes), "--key \(path)") } catch { throw JWTCommandsError.badKey("--key \(path)", error) }
        }
        for source in jwks {
            if KeyURLPolicy.parts(source) != nil {
                if let refusal = KeyURLPolicy.refusal(source) { throw JWTCommandsError.usage("--jwks: \(refusal)") }
                add(try await Self.fetchSet(source, fetcher: fetcher), source)
            } else {
                let bytes = try read(source, environment: environment)
                do throws(JOSEError) { add(try KeyLoader.loadReport(bytes), "--jwks \(source)") } catch { throw JWTCommandsError.badKey("--jwks \(source)", error) }
            }
        }
        if let issuer {
            let uri = try await IssuerDiscovery(fetcher: fetcher).jwksURI(issuer: issuer)
            add(try await Self.fetchSet(uri, fetcher: fetcher), uri)
        }
        keys += try secretKeys(environment: environment)
        return (keys, warnings)
    }

    /// The HMAC keys of `--secret-file` and `--secret-env` (no I/O but reading the file; `encode` needs no more).
    func secretKeys(environment: CommandEnvironment) throws(JWTCommandsError) -> [JWSKey] {
        var keys: [JWSKey] = []
        if let secretFile {
            keys.append(try Self.hmacKey(try read(secretFile, environment: environment), source: "--secret-file \(secretFile)"))
        }
        if let name = secretVariable {
            guard let value = environment.variables[name], !value.isEmpty else {
                throw JWTCommandsError.usage("--secret-env: environment variable \(name) is not set or empty")
            }
            keys.append(try Self.hmacKey(Array(value.utf8), source: "--secret-env \(name)"))
        }
        return keys
    }

    private func read(_ path: String, environment: CommandEnvironment) throws(JWTCommandsError) -> [UInt8] {
        let bytes = try environment.readFile(path, Self.maxFileBytes)
        guard bytes.count <= Self.maxFileBytes else { throw JWTCommandsError.keySource("\(path): larger than \(Self.maxFileBytes) bytes, not a key") }
        return bytes
    }

    /// GETs a JWK Set (RFC 7517 §5).
    static func fetchSet(_ url: String, fetcher: any KeyFetcher) async throws(JWTCommandsError) -> KeyLoader.Loaded {
        let response = try await fetcher.fetch(url, limit: KeyURLPolicy.maxBodyBytes)
        guard response.status == 200 else { throw JWTCommandsError.unreachable("\(url): HTTP \(response.status)") }
        do throws(JOSEError) {
            let value = try JSONParser().parse(response.body, context: "JWKS")
            guard case .object(let object) = value else { throw JOSEError(.invalidKey, "not a JSON object") }
            return try KeyLoader.jwkSetLoaded(object)
        } catch {
            throw JWTCommandsError.badKey(url, error)
        }
    }

    /// An HMAC key from secret bytes: one trailing newline is dropped (as `echo` writes it). A secret that is a PEM
    /// or JWK document is refused: verifying HS256 with public-key bytes is the classic key-confusion attack
    /// (RFC 8725 §2.1, §3.1).
    static func hmacKey(_ raw: [UInt8], source: String) throws(JWTCommandsError) -> JWSKey {
        var bytes = raw
        if bytes.last == 0x0A { bytes.removeLast(); if bytes.last == 0x0D { bytes.removeLast() } }
        guard !bytes.isEmpty else { throw JWTCommandsError.keySource("\(source): the secret is empty") }
        // Looked at past any UTF-8 BOM and whitespace, so a BOM cannot hide a PEM (RFC 8725 §2.1, §3.1).
        let rest = KeyTextDetection.trimmed(bytes[...])
        if let kind = KeyTextDetection.keyDocumentKind(bytes) ?? (rest.first == UInt8(ascii: "{") ? "a JSON document" : nil) {
            throw JWTCommandsError.keySource("\(source): holds \(kind), not a secret; give key files with --key (an HMAC secret made of public-key bytes is the RS256→HS256 confusion attack)")
        }
        do throws(JOSEError) { return try JWSKey.hmac(secret: bytes) } catch { throw JWTCommandsError.badKey(source, error) }
    }
}

extension String {
    /// Trims characters in `set` from both ends (no Foundation).
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
