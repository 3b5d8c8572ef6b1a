import JOSECore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command touches outside itself, injected so tests can fix the clock, feed stdin and capture output.
public struct CommandEnvironment: Sendable {
    /// Seconds since the epoch, now.
    public var now: @Sendable () -> Double
    public var writeOut: @Sendable (String) -> Void
    public var writeErr: @Sendable (String) -> Void
    /// Reads all of stdin, at most `limit` bytes (more → the returned array is `limit + 1` long).
    public var readStdin: @Sendable (_ limit: Int) throws(JWTCommandsError) -> [UInt8]
    public var readFile: @Sendable (_ path: String, _ limit: Int) throws(JWTCommandsError) -> [UInt8]
    /// The process environment: `NO_COLOR`, `CI`, suite `${VAR}`s, secrets by name, and the network settings
    /// (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, `JWT_PROXY_LOOPBACK`, `SSL_CERT_FILE`; ``NetworkSettings``) —
    /// the libraries never read the process environment themselves.
    public var variables: [String: String]
    /// Whether stdout is a terminal (colour is only for terminals).
    public var stdoutIsTerminal: Bool

    public init(
        now: @escaping @Sendable () -> Double,
        writeOut: @escaping @Sendable (String) -> Void,
        writeErr: @escaping @Sendable (String) -> Void,
        readStdin: @escaping @Sendable (_ limit: Int) throws(JWTCommandsError) -> [UInt8],
        readFile: @escaping @Sendable (_ path: String, _ limit: Int) throws(JWTCommandsError) -> [UInt8],
        variables: [String: String],
        stdoutIsTerminal: Bool
    ) {
        self.now = now
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readStdin = readStdin
        self.readFile = readFile
        self.variables = variables
        self.stdoutIsTerminal = stdoutIsTerminal
    }

    /// The real process: system clock, fds 0/1/2, the process environment.
    public static var live: CommandEnvironment {
        CommandEnvironment(
            now: SystemClock.now,
            writeOut: { FileIO.write($0, fd: 1) },
            writeErr: { FileIO.write($0, fd: 2) },
            readStdin: { limit throws(JWTCommandsError) in try FileIO.readAll(fd: 0, limit: limit, name: "stdin") },
            readFile: { path, limit throws(JWTCommandsError) in try FileIO.readFile(path, limit: limit) },
            variables: FileIO.environment(),
            stdoutIsTerminal: isatty(1) == 1
        )
    }
}

extension CommandEnvironment {
    /// The one stderr error printer: `jwt <command>: error: <message>` on one line. Messages quote token, key,
    /// file and server text, so they go through ``ExternalText/escaped(_:)``: no control character reaches stderr.
    public func writeError(_ command: String, _ message: String) {
        writeErr("jwt \(command): error: \(ExternalText.escaped(message))\n")
    }

    /// The one error report of `decode` and `verify`: with `json`, an `{"error": {code, message, exit_code}}` object on
    /// stdout (scripts read one document whatever happens); otherwise the stderr line of ``writeError(_:_:)``.
    func report(_ error: JWTCommandsError, command: String, json: Bool) {
        if json {
            let object: JSONValue = ["error": [
                "code": .string(error.code.rawValue),
                "message": .string(error.message),
                "exit_code": .number(JSONNumber(Int(error.exit.rawValue))),
            ]]
            writeOut(object.pretty() + "\n")
        } else {
            writeError(command, error.message)
        }
    }
}
