/// The one error type of `OAuth2MockServer`: a stable code and a message (never a secret).
public struct MockServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// The YAML config cannot be read or is invalid.
        case invalidConfiguration = "MOCK-001"
        /// A client secret named by the config (env var or file) is not available.
        case secretUnavailable = "MOCK-002"
        /// The signing key cannot be loaded or generated.
        case signingKey = "MOCK-003"
        /// The server could not bind or stopped with an error.
        case server = "MOCK-004"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: MockServerError, rhs: MockServerError) -> Bool { lhs.code == rhs.code }
}
