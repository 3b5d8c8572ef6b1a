#if canImport(Glibc)
import Glibc
#endif
import JWTCommands

// `jwt decode TOKEN` is run by hand and in loops: plain invocations skip the argument parser and stay synchronous,
// with no task, NIO or event loop started (startup budget). Everything else runs as an async command.
if let options = DecodeOptions.fastParse(Array(CommandLine.arguments.dropFirst())) {
    exit(DecodeRunner(options: options).run(environment: .live).rawValue)
}
JWTCommand.runMain()
