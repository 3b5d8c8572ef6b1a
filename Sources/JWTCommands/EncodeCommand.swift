import ArgumentParser
import JOSECore

/// `jwt encode`: build and sign a token for tests and demos (RFC 7519 §7.1, RFC 7515 §5.1).
public struct EncodeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Build and sign a token (for tests and demos).",
        discussion: """
            Claims come from --claims-file, then --claim NAME=VALUE (VALUE is JSON when it parses as JSON, else a \
            string), then --iat/--nbf/--exp. Times: now, +1h, +90 (seconds), -5m (write --nbf=-5m), epoch seconds or ISO 8601 UTC. \
            iat is set to now unless --no-iat or the claims already have it. alg none needs --unsecured.
            """
    )

    @Option(name: .customLong("alg"), help: ArgumentHelp("The JWS algorithm (HS256, RS256, ES256, EdDSA, …).", valueName: "ALG"))
    public var algorithm: String
    @Option(name: .customLong("key"), help: ArgumentHelp("Private key file: PEM (PKCS#8, SEC1, PKCS#1) or JWK / JWK Set.", valueName: "FILE"))
    public var keyFile: String?
    @Option(name: .customLong("secret-file"), help: ArgumentHelp("HMAC secret from a file (one trailing newline dropped).", valueName: "FILE"))
    public var secretFile: String?
    @Option(name: .customLong("secret-env"), help: ArgumentHelp("HMAC secret from an environment variable.", valueName: "VAR"))
    public var secretEnv: String?
    @Option(name: .customLong("claim"), help: ArgumentHelp("A claim NAME=VALUE (repeatable; JSON values allowed).", valueName: "NAME=VALUE"))
    public var claims: [String] = []
    @Option(name: .customLong("claims-file"), help: ArgumentHelp("A JSON object of claims.", valueName: "FILE"))
    public var claimsFile: String?
    @Option(help: ArgumentHelp("exp: +1h, epoch seconds or ISO 8601.", valueName: "TIME"))
    public var exp: String?
    @Option(help: ArgumentHelp("nbf: now, -5m, epoch seconds or ISO 8601.", valueName: "TIME"))
    public var nbf: String?
    @Option(help: ArgumentHelp("iat (default: now).", valueName: "TIME"))
    public var iat: String?
    @Flag(name: .customLong("no-iat"), help: "Do not add iat.")
    public var noIat = false
    @Option(help: ArgumentHelp("Header kid (default: the key's kid, if any). With a --key set whose keys have kids, the key with this kid signs; no such key is an error (exit 65).", valueName: "KID"))
    public var kid: String?
    @Option(help: ArgumentHelp("Header typ (default JWT).", valueName: "TYP"))
    public var typ: String = "JWT"
    @Option(name: .customLong("header"), help: ArgumentHelp("A header member NAME=VALUE (repeatable; JSON values allowed).", valueName: "NAME=VALUE"))
    public var headers: [String] = []
    @Flag(help: "Allow --alg none: an unsecured token with no signature (RFC 7519 §6).")
    public var unsecured = false
    @Option(help: ArgumentHelp("Take this instant as now (epoch seconds or ISO 8601 UTC).", valueName: "TIME"))
    public var now: String?

    public init() {}

    func usageProblem() -> String? {
        guard let alg = JWSAlgorithm(rawValue: algorithm) else { return "--alg: '\(algorithm)' is not a JWS algorithm (names are case-sensitive)" }
        let sources = [keyFile, secretFile, secretEnv].compactMap { $0 }.count
        if alg == .none {
            if !unsecured { return "--alg none makes an unsecured token anyone can forge: add --unsecured if that is really wanted" }
            if sources > 0 { return "--alg none takes no key" }
        } else {
            if unsecured { return "--unsecured is only for --alg none" }
            if sources != 1 { return "give exactly one of --key, --secret-file, --secret-env" }
            if alg.family == .hmac, keyFile != nil { return "--alg \(algorithm) is HMAC: give --secret-file or --secret-env, not --key" }
            if alg.family != .hmac, keyFile == nil { return "--alg \(algorithm) needs a private key: --key FILE" }
        }
        for (flag, time) in [("--exp", exp), ("--nbf", nbf), ("--iat", iat), ("--now", now)] {
            guard let time else { continue }
            if let value = TimeArgument.parse(time, now: 0) {
                if let problem = NumericDate.rangeProblem(flag, seconds: value, text: time) { return problem }
            } else if let value = Double(time), let problem = NumericDate.rangeProblem(flag, seconds: value, text: time) {
                return problem
            } else {
                return "'\(time)' is not a time: now, +1h, -5m, epoch seconds or ISO 8601 UTC"
            }
        }
        for pair in claims + headers where !pair.contains("=") { return "'\(pair)' is not NAME=VALUE" }
        if headers.contains(where: { $0.hasPrefix("alg=") }) { return "set alg with --alg, not --header" }
        return nil
    }

    public func validate() throws {
        if let problem = usageProblem() { throw ValidationError(problem) }
    }

    public func run() throws {
        let code = EncodeRunner(options: self).run(environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}

/// Times for `encode`: `now`, `+1h` / `-5m` / `+90` relative to now, epoch seconds, or ISO 8601 UTC.
enum TimeArgument {
    static func parse(_ text: String, now: Double) -> Double? {
        if text == "now" { return now }
        if let sign = text.first, sign == "+" || sign == "-", let duration = DurationText.parse(String(text.dropFirst())) {
            return sign == "+" ? now + duration : now - duration
        }
        return UTCTime.parse(text)
    }
}
