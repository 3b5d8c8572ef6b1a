import FuzzSupport
import JOSECore
import JWTCommands

/// Compact-token parsing (RFC 7515 §7.1, RFC 7516 §7.1, RFC 7519 §7.2) and the `jwt decode` renderers, text (with
/// colour) and `--json`, at a fixed instant: never trap, always answer with an exit code, and the JSON renderer
/// always prints one valid JSON document.
final class Sink: @unchecked Sendable { var out = ""; var err = "" }

fuzz { bytes in
    _ = try? CompactToken.parse(bytes: bytes)
    for json in [false, true] {
        let sink = Sink()
        let environment = CommandEnvironment(
            now: { 1_714_564_800 },
            writeOut: { sink.out += $0 },
            writeErr: { sink.err += $0 },
            readStdin: { limit in Array(bytes.prefix(limit + 1)) },
            readFile: { path, _ throws(JWTCommandsError) in throw JWTCommandsError.noInput("no files while fuzzing: \(path)") },
            variables: [:],
            stdoutIsTerminal: !json
        )
        let exit = DecodeRunner(options: DecodeOptions(token: "-", json: json)).run(environment: environment)
        if json {
            precondition((try? JSONParser(limits: .init(maxBytes: 8 << 20, maxDepth: 128)).parse(sink.out)) != nil,
                         "decode --json printed something that is not JSON (exit \(exit))")
        }
    }
}
