import ArgumentParser
import JOSECore

/// `jwt decode [TOKEN]`: show a token's header and claims; verifies nothing.
public struct DecodeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Show a token's header and claims, times and warnings. Checks no signature.",
        discussion: "TOKEN is the token itself, '-' (or nothing) for stdin, or @FILE. A 'Bearer ' prefix or a whole 'Authorization: Bearer …' line is accepted."
    )

    @Argument(help: "The token, '-' for stdin, or @FILE.")
    public var token: String?

    @Flag(help: "Print one JSON object (errors too).")
    public var json = false

    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR=1).")
    public var noColor = false

    @Option(help: ArgumentHelp("Print only this claim's value (strings raw, other values as compact JSON).", valueName: "NAME"))
    public var claim: String?

    @Option(help: ArgumentHelp("Evaluate times at this instant (epoch seconds or ISO 8601 UTC) instead of now.", valueName: "TIME"))
    public var now: String?

    public init() {}

    public func validate() throws {
        if json, claim != nil { throw ValidationError("--json and --claim cannot be combined") }
        if let now, let problem = UTCTime.problem("--now", now) { throw ValidationError(problem) }
    }

    public func run() throws {
        let code = DecodeRunner(options: self).run(environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}

/// The options of `jwt decode` as plain values (what ``DecodeRunner`` needs).
public struct DecodeOptions: Sendable, Equatable {
    public var token: String?
    public var json = false
    public var noColor = false
    public var claim: String?
    public var now: String?

    public init(token: String? = nil, json: Bool = false, noColor: Bool = false, claim: String? = nil, now: String? = nil) {
        self.token = token
        self.json = json
        self.noColor = noColor
        self.claim = claim
        self.now = now
    }

    /// The fast path of `main`: plain `jwt decode …` invocations, read without the argument parser's reflection
    /// (which costs milliseconds of protocol-conformance scans at startup in a binary this size). Returns `nil` for
    /// anything else — `--help`, unknown or repeated options, invalid combinations — so the argument parser handles
    /// it and its messages and exit codes stay the only ones.
    public static func fastParse(_ arguments: [String]) -> DecodeOptions? {
        guard arguments.first == "decode" else { return nil }
        var options = DecodeOptions()
        var rest = arguments.dropFirst()
        var sawToken = false
        while let argument = rest.popFirst() {
            switch argument {
            case "--json" where !options.json: options.json = true
            case "--no-color" where !options.noColor: options.noColor = true
            case "--claim" where options.claim == nil:
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                options.claim = value
            case "--now" where options.now == nil:
                guard let value = rest.popFirst(), UTCTime.parse(value) != nil else { return nil }
                options.now = value
            default:
                guard !sawToken, argument == "-" || !argument.hasPrefix("-") else { return nil }
                options.token = argument
                sawToken = true
            }
        }
        if options.json, options.claim != nil { return nil }
        return options
    }
}

extension DecodeCommand {
    var options: DecodeOptions { DecodeOptions(token: token, json: json, noColor: noColor, claim: claim, now: now) }
}

/// The logic behind `jwt decode`, over an injected ``CommandEnvironment``.
public struct DecodeRunner {
    public let options: DecodeOptions
    public var limits: CompactToken.Limits = .default

    public init(options: DecodeOptions) { self.options = options }
    public init(options: DecodeCommand) { self.options = options.options }

    /// Runs and returns the exit code. Output is written whole at the end: nothing partial on failure.
    public func run(environment: CommandEnvironment) -> JWTExit {
        do throws(JWTCommandsError) {
            let text = try TokenInput.read(options.token, environment: environment, limit: limits.maxTokenBytes)
            let token: CompactToken
            do {
                token = try CompactToken.parse(text, limits: limits)
            } catch {
                throw JWTCommandsError(error)
            }
            let now = options.now.flatMap(UTCTime.parse) ?? environment.now()
            let report = DecodeReport(token: token, now: now)
            if let name = options.claim {
                guard case .jws(let jws) = token, case .success(let claims) = jws.claims, let value = claims.json[name] else {
                    throw JWTCommandsError.claimMissing(name)
                }
                let raw = value.stringValue ?? value.compact
                // Raw for scripts (like `jq -r`); escaped when a person reads it on a terminal.
                environment.writeOut((environment.stdoutIsTerminal ? ExternalText.escaped(raw) : raw) + "\n")
            } else if options.json {
                environment.writeOut(report.json.pretty() + "\n")
            } else {
                let style = TerminalStyle(environment: environment, noColorFlag: options.noColor)
                environment.writeOut(DecodeTextRenderer(style: style).render(report))
            }
            return .ok
        } catch {
            report(error, environment: environment)
            return error.exit
        }
    }

    private func report(_ error: JWTCommandsError, environment: CommandEnvironment) {
        environment.report(error, command: "decode", json: options.json)
    }
}
