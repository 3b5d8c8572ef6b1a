import FuzzSupport
import JOSECore
import JWTCommands

/// Compact-token parsing (RFC 7515 §7.1, RFC 7516 §7.1, RFC 7519 §7.2) and the `jwt decode` renderers, text (with
/// colour) and `--json`, at a fixed instant: never trap, always answer with an exit code, and the JSON renderer
/// always prints one valid JSON document.
///
/// Input: the first byte picks the form (mod 3), so mutations reach the JSON inside a token and not only its
/// base64url text: 0 → the rest is pasted as is; 1 → the rest is `header LF claims LF signature`, each
/// base64url-encoded into a compact JWS here; 2 → `header LF …`, encoded into a five-part JWE.
final class Sink: @unchecked Sendable { var out = ""; var err = "" }

func token(from input: [UInt8]) -> [UInt8] {
    guard let form = input.first else { return [] }
    let rest = input.dropFirst()
    switch form % 3 {
    case 0:
        return Array(rest)
    case 1:
        var parts = rest.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
        while parts.count < 3 { parts.append([]) }
        return Array(parts.map { Base64URL.encode($0) }.joined(separator: ".").utf8)
    default:
        var parts = rest.split(separator: 0x0A, maxSplits: 4, omittingEmptySubsequences: false).map(Array.init)
        while parts.count < 5 { parts.append([]) }
        return Array(parts.map { Base64URL.encode($0) }.joined(separator: ".").utf8)
    }
}

fuzz { input in
    let bytes = token(from: input)
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
