import JOSECore

/// Errors of `verify`, `encode` and their key sources (codes CLI-010…); the key bytes never appear in a message.
extension JWTCommandsError {
    /// A key file or key set that cannot be read as a key (exit 65).
    public static func badKey(_ source: String, _ error: JOSEError) -> JWTCommandsError {
        JWTCommandsError(code: error.code.rawValue, exit: .malformed, message: "\(source): \(error.message)")
    }

    /// A key source whose content is unusable (metadata, JWKS document, secret) (exit 65).
    public static func keySource(_ message: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-010", exit: .malformed, message: message)
    }

    /// A key source that cannot be reached: connection, timeout, HTTP status, refused redirect (exit 69).
    public static func unreachable(_ message: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-011", exit: .unavailable, message: message)
    }

    /// Batch input that cannot be read as lines of text (exit 65).
    public static func unreadableLines(_ message: String) -> JWTCommandsError {
        JWTCommandsError(code: "CLI-012", exit: .malformed, message: message)
    }

    /// A token that is not a well-formed compact JWS (exit 65).
    public static func malformedToken(_ error: JOSEError) -> JWTCommandsError {
        JWTCommandsError(code: error.code.rawValue, exit: .malformed, message: error.message)
    }
}
