/// The one error of `OAuth2Conformance`: a stable code and a message naming the file, the place and the problem.
/// Messages never contain a secret's value (only the variable or file that holds it). Equality on the code.
public struct ConformanceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// The suite is not valid YAML, or its shape is wrong (a list where a mapping belongs, …).
        case invalidSuite = "CONF-001"
        /// A key the suite format does not define (a typo must not silently disable a check).
        case unknownKey = "CONF-002"
        /// `${VAR}` names an environment variable that is not set.
        case missingVariable = "CONF-003"
        /// A secret written literally in the suite instead of an `env:`/`file:` reference.
        case literalSecret = "CONF-004"
        /// A URL that is not an absolute `http`/`https` URL with a host.
        case invalidURL = "CONF-005"
        /// A required key is missing or a value is out of range.
        case invalidValue = "CONF-006"
        /// A referenced secret or key file cannot be read.
        case unreadableFile = "CONF-007"
        /// `--only` names an endpoint the suite does not have.
        case unknownEndpoint = "CONF-008"
        /// A plain `http://` URL to a host that is not loopback, without the endpoint's `insecure_http: true`
        /// (credentials and tokens would travel in clear: RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3).
        case cleartextRefused = "CONF-009"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: ConformanceError, rhs: ConformanceError) -> Bool { lhs.code == rhs.code }
}
