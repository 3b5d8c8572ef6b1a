/// The one error type of `JOSECore`: a stable ``Code`` for programs and a message for people.
///
/// Equality compares the code only, so tests can match on the kind of failure while the message stays free to
/// carry the detail (segment, byte offset, member name, …). Messages never contain key material or secrets.
public struct JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers; never renumbered or reused.
    public enum Code: String, Sendable, CaseIterable {
        /// Input is not base64url (RFC 7515 §2): bad character, padding, whitespace, impossible length, stray bits.
        case invalidBase64URL = "JOSE-001"
        /// Input is not a compact JWS/JWE: wrong number of segments, empty input, non-ASCII.
        case malformedCompact = "JOSE-002"
        /// A JSON document is not valid JSON (syntax, UTF-8, duplicate member, depth or size limit).
        case invalidJSON = "JOSE-003"
        /// A JOSE header is valid JSON but not a valid header (not an object, `alg` missing or not a string, …).
        case invalidHeader = "JOSE-004"
        /// The claims set is not a JSON object, or a registered claim has the wrong type (RFC 7519 §4.1).
        case invalidClaims = "JOSE-005"
        /// The input is larger than the configured limit.
        case inputTooLarge = "JOSE-006"
        /// A key (PEM, JWK, JWKS) could not be read or is unusable.
        case invalidKey = "JOSE-007"
        /// The algorithm is unknown or not supported.
        case unsupportedAlgorithm = "JOSE-008"
        /// The key does not fit the algorithm (type, curve, size).
        case keyMismatch = "JOSE-009"
        /// libcrypto reported a failure that is not the caller's fault.
        case cryptoFailure = "JOSE-010"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: JOSEError, rhs: JOSEError) -> Bool { lhs.code == rhs.code }
}
