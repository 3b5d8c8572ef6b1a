import Dispatch

/// Runs async command logic from a synchronous `ParsableCommand.run()` (the root command is synchronous) and returns
/// its exit code. Only for the process's main thread: it blocks the caller until the task ends.
func blockingRun(_ body: @escaping @Sendable () async -> JWTExit) -> JWTExit {
    let box = ExitBox()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value
}

/// Carries the exit code out of the task; written once before the semaphore is signalled, read after.
private final class ExitBox: @unchecked Sendable {
    var value: JWTExit = .internalError
}
