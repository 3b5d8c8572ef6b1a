import JOSECore

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

    /// The one mapping from a failure's class (carried by every module's error code) to the exit code, so no
    /// command switches over another module's codes.
    public init(_ errorClass: ErrorClass) {
        self = switch errorClass {
        case .checkFailed: .failed
        case .usage: .usage
        case .malformedInput: .malformed
        case .inputMissing: .noInput
        case .unreachable: .unavailable
        case .internal: .internalError
        }
    }
}
