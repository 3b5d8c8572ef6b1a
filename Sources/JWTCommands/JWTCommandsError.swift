import JOSECore

/// The one error of the command layer: a stable code and a message for stderr (or the `--json` error object). The
/// exit code follows from the code's ``ErrorClass`` (``JWTExit/init(_:)``).
///
/// Errors of lower modules reach the user through ``init(_:message:)``, which keeps their code (`JOSE-003`,
/// `CONF-007`, …) and their class, so an unreadable secret file named by a suite ends the run with 66, as a missing
/// file named on the command line does.
public struct JWTCommandsError: CodedError {
    /// The command layer's own codes (`CLI-…`), never renumbered or reused; a wrapped error keeps its module's code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let errorClass: ErrorClass

        fileprivate init(_ rawValue: String, _ errorClass: ErrorClass) {
            self.rawValue = rawValue
            self.errorClass = errorClass
        }

        /// A wrong command line or combination of options (exit 64).
        public static let usage = Code("CLI-001", .usage)
        /// An input file or stdin that is missing or cannot be read (exit 66).
        public static let noInput = Code("CLI-002", .inputMissing)
        /// `decode --claim NAME`: the claim is not in the token (exit 1).
        public static let claimMissing = Code("CLI-003", .checkFailed)
        /// A key source whose content is unusable: metadata, JWKS document, secret (exit 65).
        public static let keySource = Code("CLI-010", .malformedInput)
        /// A key source that cannot be reached: connection, timeout, HTTP status, refused redirect (exit 69).
        public static let unreachable = Code("CLI-011", .unreachable)
        /// Batch input that cannot be read as lines of text (exit 65).
        public static let unreadableLines = Code("CLI-012", .malformedInput)
        /// A report or output file (or its folder) that cannot be written (exit 66).
        public static let cannotWrite = Code("CLI-013", .inputMissing)

        public static let allCases: [Code] = [
            .usage, .noInput, .claimMissing, .keySource, .unreachable, .unreadableLines, .cannotWrite,
        ]
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Carries another module's error to the command line: its code and its class (so its exit code) stay;
    /// `message` replaces the message when the command adds context (the file or source it came from).
    public init(_ error: some CodedError, message: String? = nil) {
        self.code = Code(error.code.rawValue, error.errorClass)
        self.message = message ?? error.message
    }

    /// The process exit code for this error.
    public var exit: JWTExit { JWTExit(code.errorClass) }

    public static func usage(_ message: String) -> JWTCommandsError { JWTCommandsError(.usage, message) }

    public static func noInput(_ message: String) -> JWTCommandsError { JWTCommandsError(.noInput, message) }

    public static func claimMissing(_ name: String) -> JWTCommandsError {
        JWTCommandsError(.claimMissing, "claim \"\(name)\" is not in the token")
    }

    /// An output file that cannot be written (exit 66).
    public static func cannotWrite(_ message: String) -> JWTCommandsError { JWTCommandsError(.cannotWrite, message) }
}
