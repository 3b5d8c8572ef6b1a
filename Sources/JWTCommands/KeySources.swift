import JOSECore
import JWTValidation
import OAuth2Client

/// The key sources of `jwt verify`, read once per run: `--key` files (PEM, JWK or JWKS, detected),
/// `--jwks` files or URLs, `--issuer` discovery, `--secret-file`, `--secret-env`. Secrets never come from the
/// command line and never appear in a message.
///
/// URLs are read by OAuth2Client's ``OAuth2Client/KeyDocumentLoader`` over the injected transport (the URL policy,
/// discovery, the no-redirect rule, the body limit and the deadline are decided there, once for `verify` and
/// `conform`); what a document holds is judged by `KeyLoader`, as for files.
struct KeySources {
    var keyFiles: [String] = []
    var jwks: [String] = []
    var issuer: String?
    var secretFile: String?
    var secretVariable: String?

    var isEmpty: Bool { keyFiles.isEmpty && jwks.isEmpty && issuer == nil && secretFile == nil && secretVariable == nil }

    /// Whether a key source is a URL (`--jwks URL`, `--issuer`): only then are the network settings read.
    var needsNetwork: Bool { issuer != nil || jwks.contains(where: Self.looksLikeURL) }

    /// Key files are small; anything bigger is not a key.
    static let maxFileBytes = 1 << 20

    /// The keys, and a warning (source, kid, reason) for each JWK Set member skipped as unusable (RFC 7517 §5).
    /// - Parameter deadline: for each URL source as a whole (discovery and JWK Set together).
    func loadReport(environment: CommandEnvironment, transport: any HTTPTransport, deadline: Duration) async throws(JWTCommandsError) -> (keys: [JWSKey], warnings: [String]) {
        let loader = KeyDocumentLoader(transport: transport)
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
            if Self.looksLikeURL(source) {
                try Self.checkURL(source, option: "--jwks")
                let document = try await Self.fetch(.jwksURL(source), loader: loader, deadline: deadline)
                add(try Self.jwkSet(document), document.source)
            } else {
                let bytes = try read(source, environment: environment)
                do throws(JOSEError) { add(try KeyLoader.loadReport(bytes), "--jwks \(source)") } catch { throw JWTCommandsError.badKey("--jwks \(source)", error) }
            }
        }
        if let issuer {
            try Self.checkURL(issuer, option: "--issuer")
            do throws(OAuth2ClientError) { _ = try KeyDocumentLoader.metadataURLs(issuer: issuer) } catch { throw JWTCommandsError.usage("--issuer: \(error.message)") }
            let document = try await Self.fetch(.issuer(issuer), loader: loader, deadline: deadline)
            add(try Self.jwkSet(document), document.source)
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

    /// `--jwks` takes a URL when the value starts with `http://` or `https://` (any case), else a file.
    static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A URL named on the command line that the kit's URL policy refuses is a usage error (exit 64), before any
    /// connection (``OAuth2Client/EndpointURL/checked(_:insecureHTTP:)``; `verify` has no plain-http opt-in).
    static func checkURL(_ url: String, option: String) throws(JWTCommandsError) {
        do throws(OAuth2ClientError) { _ = try EndpointURL.checked(url) } catch { throw JWTCommandsError.usage("\(option): \(error.message)") }
    }

    /// Reads one URL key source. The loader's failure keeps its class: unreachable (no answer, a status, a refused
    /// redirect, the deadline) is CLI-011 (exit 69); content that cannot be used (metadata for another issuer, no
    /// `jwks_uri`, a refused `jwks_uri`, a body over the limit) is CLI-010 (exit 65). The message names the URL.
    static func fetch(_ source: RemoteKeySource, loader: KeyDocumentLoader, deadline: Duration) async throws(JWTCommandsError) -> KeyDocument {
        do throws(OAuth2ClientError) {
            return try await loader.load(source, deadline: deadline)
        } catch {
            switch error.errorClass {
            case .unreachable: throw JWTCommandsError.unreachable(error.message)
            case .usage: throw JWTCommandsError.usage(error.message)
            case .malformedInput: throw JWTCommandsError.keySource(error.message)
            default: throw JWTCommandsError(error)
            }
        }
    }

    /// The keys of a fetched JWK Set (RFC 7517 §5), judged as a `--jwks` file's are.
    static func jwkSet(_ document: KeyDocument) throws(JWTCommandsError) -> KeyLoader.Loaded {
        do throws(JOSEError) {
            let value = try JSONParser().parse(document.bytes, context: "JWKS")
            guard case .object(let object) = value else { throw JOSEError(.invalidKey, "not a JSON object") }
            return try KeyLoader.jwkSetLoaded(object)
        } catch {
            throw JWTCommandsError.badKey(document.source, error)
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
