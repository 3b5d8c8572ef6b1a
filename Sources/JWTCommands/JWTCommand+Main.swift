import Dispatch
import OAuth2MockServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JWTCommand {
    /// The process's entry point after `jwt decode`'s synchronous fast path (`Sources/jwt/main.swift`): parses the
    /// arguments and runs the command in a task, while the main thread serves the main queue; the process exits when
    /// the command ends (argument-parser exits itself with the command's code on an error). No thread waits on
    /// another: the task ends the process.
    ///
    /// `jwt mock` serves and does nothing else, so Swift concurrency is moved onto NIO's event loops first (no hop
    /// between NIO's threads and the concurrency pool per request; see the mock README). That must happen before
    /// any task exists, which is why this entry point is synchronous rather than an `async` main.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        if arguments.first == "mock" { MockServer.useEventLoopsAsGlobalExecutor() }
        Task {
            await main(arguments)
            processExit(0)
        }
        dispatchMain()
    }
}

/// The C library's `exit` (inside a command type, `exit` names argument-parser's `exit(withError:)`).
private func processExit(_ code: Int32) -> Never { exit(code) }
