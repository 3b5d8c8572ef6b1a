/// What kind of failure an error is, in words no program's exit codes are tied to. Every module's error codes carry
/// one; the command layer maps the class to a process exit code once (`JWTExit`), so callers never switch over
/// another module's codes to decide how a failure ends.
///
/// The classes follow the `sysexits.h` categories (usage, data, no input, unavailable, software) plus a failed check.
public enum ErrorClass: String, Sendable, CaseIterable {
    /// The input was read and understood, but does not satisfy what was asked (a claim that is not there).
    case checkFailed = "check-failed"
    /// The command line or the requested combination of settings is wrong (EX_USAGE).
    case usage
    /// Input that is present but malformed or unusable: token, key, JSON, suite, config, a server's answer (EX_DATAERR).
    case malformedInput = "malformed-input"
    /// An input file (or the file behind a reference) is missing or cannot be read or written (EX_NOINPUT).
    case inputMissing = "input-missing"
    /// A server or key source cannot be reached, or refused to answer (EX_UNAVAILABLE).
    case unreachable
    /// A failure that is not the caller's fault (EX_SOFTWARE).
    case `internal`
}
