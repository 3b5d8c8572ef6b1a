import JOSECore
import JWTValidation
import OAuth2Client

/// The logic behind `jwt verify`, over an injected ``CommandEnvironment`` and ``OAuth2Client/HTTPTransport`` (key
/// URLs only; a run with key files never sends a request).
public struct VerifyRunner {
    public let options: VerifyCommand
    public let transport: any HTTPTransport
    /// For each URL key source as a whole: metadata discovery and the JWK Set together.
    public var keyDeadline: Duration = .seconds(10)
    public var limits: CompactToken.Limits = .default
    /// Where `--batch -` reads lines from (the process's stdin unless a test injects one).
    public var openStdinLines: @Sendable () -> any LineSource = { FDLineReader(fd: 0, name: "stdin") }

    public init(options: VerifyCommand, transport: any HTTPTransport) {
        self.options = options
        self.transport = transport
    }

    /// The command's path: the network settings (``NetworkSettings``: proxies from the environment, `--ca-file` or
    /// `SSL_CERT_FILE`; read only when a key source is a URL), one ``OAuth2Client/SharedHTTPClient`` for the run,
    /// shut down before this returns. `adjust` and `observe` let tests set limits and see the client.
    public static func runLive(
        options: VerifyCommand, environment: CommandEnvironment,
        adjust: (inout VerifyRunner) -> Void = { _ in }, observe: (SharedHTTPClient) -> Void = { _ in }
    ) async -> JWTExit {
        var configuration = TransportConfiguration()
        if options.keySources.needsNetwork, options.usageProblem() == nil {
            do throws(JWTCommandsError) {
                configuration = try NetworkSettings.configuration(configuration, caFile: options.caFile, environment: environment)
            } catch {
                environment.report(error, command: "verify", json: options.json && options.batch == nil)
                return error.exit
            }
        }
        return await SharedHTTPClient.withClient(configuration: configuration) { http in
            observe(http)
            var runner = VerifyRunner(options: options, transport: AsyncHTTPTransport(shared: http))
            adjust(&runner)
            return await runner.run(environment: environment)
        }
    }

    /// Runs and returns the exit code. Single-token output is written whole at the end.
    public func run(environment: CommandEnvironment) async -> JWTExit {
        do throws(JWTCommandsError) {
            if let problem = options.usageProblem() { throw JWTCommandsError.usage(problem) }
            if let batch = options.batch {
                return try await runBatch(batch, environment: environment)
            }
            let (keys, keyWarnings) = try await options.keySources.loadReport(environment: environment, transport: transport, deadline: keyDeadline)
            let text = try TokenInput.read(options.token, environment: environment, limit: limits.maxTokenBytes)
            let jws = try Self.parse(text, limits: limits)
            let validationOptions = options.validationOptions(now: environment.now())
            let report = Validator(options: validationOptions).validate(token: jws, keys: keys)
            let fingerprint = TokenFingerprint.of(text)
            let warnings = keyWarnings + report.warnings
            if options.json {
                environment.writeOut(VerifyJSON.object(report, token: jws, fingerprint: fingerprint, now: validationOptions.now, warnings: warnings).pretty() + "\n")
            } else {
                let style = TerminalStyle(environment: environment, noColorFlag: options.noColor)
                environment.writeOut(VerifyTextRenderer(style: style).render(report, token: jws, fingerprint: fingerprint, warnings: warnings))
            }
            return report.passed ? .ok : .failed
        } catch {
            report(error, environment: environment)
            return error.exit
        }
    }

    static func parse(_ text: String, limits: CompactToken.Limits) throws(JWTCommandsError) -> JWSToken {
        let token: CompactToken
        do throws(JOSEError) {
            token = try CompactToken.parse(text, limits: limits)
        } catch {
            throw JWTCommandsError.malformedToken(error)
        }
        switch token {
        case .jws(let jws): return jws
        case .jwe:
            throw JWTCommandsError(JOSEError(.unsupportedAlgorithm, "the token is a JWE (encrypted): decrypt it first; only JWS tokens can be verified"))
        }
    }

    private func runBatch(_ source: String, environment: CommandEnvironment) async throws(JWTCommandsError) -> JWTExit {
        let (keys, keyWarnings) = try await options.keySources.loadReport(environment: environment, transport: transport, deadline: keyDeadline)
        // Skipped keys are said once, on stderr beside the summary: stdout stays one JSON line per token.
        for warning in keyWarnings { environment.writeErr("jwt verify: warning: \(warning)\n") }
        let validator = Validator(options: options.validationOptions(now: environment.now()))
        var lines: any LineSource
        if source == "-" {
            lines = openStdinLines()
        } else {
            lines = try FDLineReader(path: source)
        }
        var verifier = BatchVerifier(validator: validator, keys: KeyRing(keys), limits: limits)
        verifier.jobs = options.jobs ?? ProcessorCount.usable()
        verifier.explain = options.explain
        return try await verifier.run(lines: &lines, environment: environment)
    }

    private func report(_ error: JWTCommandsError, environment: CommandEnvironment) {
        environment.report(error, command: "verify", json: options.json && options.batch == nil)
    }
}
