import JOSECore

/// Errors of `verify`, `encode` and their key sources (codes CLI-010…); the key bytes never appear in a message.
extension JWTCommandsError {
    /// A key file or key set that cannot be read as a key (its `JOSE-…` code and class: exit 65).
    public static func badKey(_ source: String, _ error: JOSEError) -> JWTCommandsError {
        JWTCommandsError(error, message: "\(source): \(error.message)")
    }

    /// A key source whose content is unusable (metadata, JWKS document, secret) (exit 65).
    public static func keySource(_ message: String) -> JWTCommandsError { JWTCommandsError(.keySource, message) }

    /// A key source that cannot be reached: connection, timeout, HTTP status, refused redirect (exit 69).
    public static func unreachable(_ message: String) -> JWTCommandsError { JWTCommandsError(.unreachable, message) }

    /// Batch input that cannot be read as lines of text (exit 65).
    public static func unreadableLines(_ message: String) -> JWTCommandsError { JWTCommandsError(.unreadableLines, message) }

    /// A token that is not a well-formed compact JWS (its `JOSE-…` code: exit 65).
    public static func malformedToken(_ error: JOSEError) -> JWTCommandsError { JWTCommandsError(error) }
}
