/// The process exit codes of `jwt`, declared once (sysexits.h values). Listed in the README; tested end to end.
public enum JWTExit: Int32, Sendable, CaseIterable {
    /// Valid / decoded / every check passed.
    case ok = 0
    /// Invalid: some check failed.
    case failed = 1
    /// Usage error (EX_USAGE).
    case usage = 64
    /// Malformed input: token, key, suite, JSON (EX_DATAERR).
    case malformed = 65
    /// An input file is missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// An endpoint or key source cannot be reached (EX_UNAVAILABLE).
    case unavailable = 69
    /// Internal error (EX_SOFTWARE).
    case internalError = 70
}

/// The one error of the command layer: an exit code and a message for stderr (or the `--json` error object).
public struct JWTCommandsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code (`JOSE-003`, `CLI-001`, …) for the `--json` error object.
    public let code: String
    public let exit: JWTExit
    public let message: String

    public init(code: String, exit: JWTExit, message: String) {
        self.code = code
        self.exit = exit
        self.message = message
    }

    public var description: String { message }

    public static func usage(_ message: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-001", exit: .usage, message: message)
    }

    public static func noInput(_ message: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-002", exit: .noInput, message: message)
    }

    public static func claimMissing(_ name: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-003", exit: .failed, message: "claim \"\(name)\" is not in the token")
    }
}
