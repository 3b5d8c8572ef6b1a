import JOSECore

/// The one error type of `OAuth2MockServer`: a stable code and a message (never a secret).
public struct MockServerError: CodedError {
    /// Stable identifiers; never renumbered or reused.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let errorClass: ErrorClass

        private init(_ rawValue: String, _ errorClass: ErrorClass) {
            self.rawValue = rawValue
            self.errorClass = errorClass
        }

        /// The YAML config cannot be read or is invalid.
        public static let invalidConfiguration = Code("MOCK-001", .malformedInput)
        /// A client secret named by the config (env var or file) is not available.
        public static let secretUnavailable = Code("MOCK-002", .inputMissing)
        /// The signing key cannot be loaded or generated.
        public static let signingKey = Code("MOCK-003", .malformedInput)
        /// The server could not bind or stopped with an error.
        public static let server = Code("MOCK-004", .unreachable)

        public static let allCases: [Code] = [.invalidConfiguration, .secretUnavailable, .signingKey, .server]
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
