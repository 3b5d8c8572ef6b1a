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
        if let now, UTCTime.parse(now) == nil { throw ValidationError("--now: '\(now)' is neither epoch seconds nor an ISO 8601 UTC time like 2024-01-31T12:00:00Z") }
    }

    public func run() throws {
        let code = DecodeRunner(options: self).run(environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}

/// The logic behind `jwt decode`, over an injected ``CommandEnvironment``.
public struct DecodeRunner {
    public let options: DecodeCommand
    public var limits: CompactToken.Limits = .default

    public init(options: DecodeCommand) { self.options = options }

    /// Runs and returns the exit code. Output is written whole at the end: nothing partial on failure.
    public func run(environment: CommandEnvironment) -> JWTExit {
        do throws(JWTCommandsError) {
            let text = try TokenInput.read(options.token, environment: environment, limit: limits.maxTokenBytes)
            let token: CompactToken
            do {
                token = try CompactToken.parse(text, limits: limits)
            } catch {
                throw JWTCommandsError(code: error.code.rawValue, exit: .malformed, message: error.message)
            }
            let now = options.now.flatMap(UTCTime.parse) ?? environment.now()
            let report = DecodeReport(token: token, now: now)
            if let name = options.claim {
                guard case .jws(let jws) = token, case .success(let claims) = jws.claims, let value = claims.json[name] else {
                    throw JWTCommandsError.claimMissing(name)
                }
                environment.writeOut((value.stringValue ?? value.compact) + "\n")
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
        if options.json {
            let object: JSONValue = ["error": [
                "code": .string(error.code),
                "message": .string(error.message),
                "exit_code": .number(JSONNumber(Int(error.exit.rawValue))),
            ]]
            environment.writeOut(object.pretty() + "\n")
        } else {
            environment.writeErr("jwt decode: error: \(error.message)\n")
        }
    }
}
