/// The one error type of `JOSECore`: a stable ``Code`` for programs and a message for people.
///
/// Equality compares the code only, so tests can match on the kind of failure while the message stays free to
/// carry the detail (segment, byte offset, member name, …). Messages never contain key material or secrets.
public struct JOSEError: CodedError {
    /// Stable identifiers; never renumbered or reused.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let errorClass: ErrorClass

        private init(_ rawValue: String, _ errorClass: ErrorClass) {
            self.rawValue = rawValue
            self.errorClass = errorClass
        }

        /// Input is not base64url (RFC 7515 §2): bad character, padding, whitespace, impossible length, stray bits.
        public static let invalidBase64URL = Code("JOSE-001", .malformedInput)
        /// Input is not a compact JWS/JWE (RFC 7515 §7.1, RFC 7516 §7.1): wrong number of segments, empty, non-ASCII.
        public static let malformedCompact = Code("JOSE-002", .malformedInput)
        /// A JSON document is not valid JSON (syntax, UTF-8, duplicate member, depth or size limit; RFC 8259).
        public static let invalidJSON = Code("JOSE-003", .malformedInput)
        /// A JOSE header is valid JSON but not a valid header (not an object, `alg` missing or not a string, …;
        /// RFC 7515 §4).
        public static let invalidHeader = Code("JOSE-004", .malformedInput)
        /// The claims set is not a JSON object, or a registered claim has the wrong type (RFC 7519 §4.1).
        public static let invalidClaims = Code("JOSE-005", .malformedInput)
        /// The input is larger than the configured limit.
        public static let inputTooLarge = Code("JOSE-006", .malformedInput)
        /// A key (PEM, JWK, JWKS) could not be read or is unusable (RFC 7517).
        public static let invalidKey = Code("JOSE-007", .malformedInput)
        /// The algorithm is unknown or not supported (RFC 7518 §3.1).
        public static let unsupportedAlgorithm = Code("JOSE-008", .malformedInput)
        /// The key does not fit the algorithm (type, curve, size; RFC 7518 §3).
        public static let keyMismatch = Code("JOSE-009", .malformedInput)
        /// libcrypto reported a failure that is not the caller's fault.
        public static let cryptoFailure = Code("JOSE-010", .internal)

        public static let allCases: [Code] = [
            .invalidBase64URL, .malformedCompact, .invalidJSON, .invalidHeader, .invalidClaims,
            .inputTooLarge, .invalidKey, .unsupportedAlgorithm, .keyMismatch, .cryptoFailure,
        ]
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
