import JOSECore

/// The one error of `OAuth2Conformance`: a stable code and a message naming the file, the place and the problem.
/// Messages never contain a secret's value (only the variable or file that holds it). Equality on the code.
public struct ConformanceError: CodedError {
    /// Stable identifiers; never renumbered or reused.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let errorClass: ErrorClass

        private init(_ rawValue: String, _ errorClass: ErrorClass) {
            self.rawValue = rawValue
            self.errorClass = errorClass
        }

        /// The suite is not valid YAML, or its shape is wrong (a list where a mapping belongs, …).
        public static let invalidSuite = Code("CONF-001", .malformedInput)
        /// A key the suite format does not define (a typo must not silently disable a check).
        public static let unknownKey = Code("CONF-002", .malformedInput)
        /// `${VAR}` names an environment variable that is not set.
        public static let missingVariable = Code("CONF-003", .malformedInput)
        /// A secret written literally in the suite instead of an `env:`/`file:` reference.
        public static let literalSecret = Code("CONF-004", .malformedInput)
        /// A URL that is not an absolute `http`/`https` URL with a host (RFC 3986 §4.3).
        public static let invalidURL = Code("CONF-005", .malformedInput)
        /// A required key is missing or a value is out of range.
        public static let invalidValue = Code("CONF-006", .malformedInput)
        /// A referenced secret or key file cannot be read: the input is missing, not malformed.
        public static let unreadableFile = Code("CONF-007", .inputMissing)
        /// `--only` names an endpoint the suite does not have.
        public static let unknownEndpoint = Code("CONF-008", .malformedInput)
        /// A plain `http://` URL to a host that is not loopback, without the endpoint's `insecure_http: true`
        /// (credentials and tokens would travel in clear: RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3).
        public static let cleartextRefused = Code("CONF-009", .malformedInput)

        public static let allCases: [Code] = [
            .invalidSuite, .unknownKey, .missingVariable, .literalSecret, .invalidURL, .invalidValue,
            .unreadableFile, .unknownEndpoint, .cleartextRefused,
        ]
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
