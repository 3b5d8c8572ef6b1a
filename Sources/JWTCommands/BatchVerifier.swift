import JOSECore
import JWTValidation

/// `jwt verify --batch`: one token per line in, one JSON line per token out (line number, verdict, failed check
/// ids, granted scopes; never the token), a summary on stderr. Keys are parsed once; lines are streamed.
///
/// Lines are read in chunks of ``chunkLines`` on the calling task; with `jobs > 1` each chunk is verified in a
/// child task, at most `2 × jobs` chunks in flight or finished and waiting for an earlier one (memory is bounded
/// by that window, not by the input), and the chunks' output is written in input order. Each token is judged by ``JWTValidation/Validator/verdict(token:run:)``
/// (no message formatted); `--explain` asks for the full findings instead.
struct BatchVerifier: Sendable {
    let validator: Validator
    let keys: KeyRing
    let limits: CompactToken.Limits
    /// The options, keys and allow-list every token shares, built once for the whole input.
    let shared: ValidationContext.Run
    /// Threads verifying chunks; 1 verifies on the calling task.
    var jobs = 1
    /// Every finding on every line (`--explain`).
    var explain = false
    /// Output is flushed in chunks of this many bytes.
    static let flushBytes = 1 << 16
    /// Lines verified together by one task (and written together).
    static let chunkLines = 256
    /// The most `--jobs` accepted: more threads than this only cost memory.
    static let maxJobs = 256

    init(validator: Validator, keys: KeyRing, limits: CompactToken.Limits) {
        self.validator = validator
        self.keys = keys
        self.limits = limits
        self.shared = validator.run(keyRing: keys)
    }

    /// Non-empty lines read together, with their line numbers.
    struct Chunk: Sendable {
        let index: Int
        var lines: [(number: Int, bytes: [UInt8])] = []
    }

    /// A chunk's output and counts.
    struct Done: Sendable {
        let index: Int
        var text = ""
        var passed = 0, failed = 0, malformed = 0
    }

    func run(lines: inout any LineSource, environment: CommandEnvironment) async throws(JWTCommandsError) -> JWTExit {
        var total = Done(index: -1)
        var out = ""
        out.reserveCapacity(Self.flushBytes + 4096)
        func write(_ done: Done) {
            total.passed += done.passed
            total.failed += done.failed
            total.malformed += done.malformed
            out += done.text
            if out.utf8.count >= Self.flushBytes {
                environment.writeOut(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        var reader = ChunkReader()
        if jobs <= 1 {
            while let chunk = reader.next(&lines) { write(process(chunk)) }
        } else {
            await withTaskGroup(of: Done.self) { group in
                let window = 2 * jobs
                var inFlight = 0
                var waiting: [Int: Done] = [:]
                var nextIndex = 0
                func receive(_ done: Done) {
                    waiting[done.index] = done
                    while let ready = waiting.removeValue(forKey: nextIndex) {
                        write(ready)
                        nextIndex += 1
                    }
                }
                while let chunk = reader.next(&lines) {
                    group.addTask { self.process(chunk) }
                    inFlight += 1
                    // Chunks finished out of order wait in `waiting`: they count against the window too.
                    while inFlight + waiting.count >= window, let done = await group.next() {
                        inFlight -= 1
                        receive(done)
                    }
                }
                while let done = await group.next() { receive(done) }
            }
        }
        environment.writeOut(out)
        let count = total.passed + total.failed + total.malformed
        var summary = "jwt verify --batch: \(count) token\(count == 1 ? "" : "s"): \(total.passed) passed, \(total.failed) failed, \(total.malformed) malformed"
        if let error = reader.stop {
            summary += " (stopped at line \(reader.lineNumber))\n"
            environment.writeErr(summary)
            throw error
        }
        environment.writeErr(summary + "\n")
        return total.failed + total.malformed == 0 ? .ok : .failed
    }

    /// Reads the next chunk of normalized, non-empty lines; stops (``stop``) at a read error or a NUL byte, after
    /// handing out the lines before it.
    struct ChunkReader {
        private(set) var lineNumber = 0
        private(set) var stop: JWTCommandsError?
        private var index = 0

        mutating func next(_ lines: inout any LineSource) -> Chunk? {
            guard stop == nil else { return nil }
            var chunk = Chunk(index: index)
            chunk.lines.reserveCapacity(BatchVerifier.chunkLines)
            do throws(JWTCommandsError) {
                while chunk.lines.count < BatchVerifier.chunkLines, let raw = try lines.nextLine() {
                    lineNumber += 1
                    let bytes = BatchVerifier.normalize(raw)
                    if bytes.isEmpty { continue }
                    if bytes.contains(0) {
                        throw JWTCommandsError.unreadableLines("line \(lineNumber) holds a NUL byte: the input is not text, one token per line")
                    }
                    chunk.lines.append((lineNumber, bytes))
                }
            } catch {
                stop = error
            }
            guard !chunk.lines.isEmpty else { return nil }
            index += 1
            return chunk
        }
    }

    /// Verifies every line of a chunk into one output text.
    func process(_ chunk: Chunk) -> Done {
        var done = Done(index: chunk.index)
        done.text.reserveCapacity(chunk.lines.count * 96)
        for line in chunk.lines { verify(line.bytes, number: line.number, into: &done) }
        return done
    }

    /// One token: its JSON line appended to `done.text`, its outcome counted.
    func verify(_ bytes: [UInt8], number: Int, into done: inout Done) {
        let token: CompactToken
        do throws(JOSEError) {
            token = try CompactToken.parse(bytes: bytes, limits: limits)
        } catch {
            done.malformed += 1
            VerifyJSON.writeBatchLine(line: number, verdict: "malformed", failed: ["JWS-01"], scopes: [], error: "\(error.code.rawValue): \(error.message)", to: &done.text)
            return
        }
        guard case .jws(let jws) = token else {
            done.malformed += 1
            VerifyJSON.writeBatchLine(line: number, verdict: "malformed", failed: ["JWS-01"], scopes: [], error: "JWE (encrypted) tokens cannot be verified", to: &done.text)
            return
        }
        let verdict: ValidationVerdict
        var findings: [Finding]?
        if explain {
            let report = validator.validate(token: jws, keyRing: keys)
            verdict = ValidationVerdict(report)
            findings = report.findings
        } else {
            verdict = validator.verdict(token: jws, run: shared)
        }
        if verdict.passed { done.passed += 1 } else { done.failed += 1 }
        VerifyJSON.writeBatchLine(line: number, verdict: verdict.verdict.rawValue, failed: verdict.failedIDs, scopes: verdict.grantedScopes,
                                  warned: verdict.warnedIDs, findings: findings, to: &done.text)
    }

    /// Trims ASCII whitespace and an `Authorization:` / `Bearer ` prefix (case-insensitive), on bytes.
    static func normalize(_ line: [UInt8]) -> [UInt8] {
        var lower = 0, upper = line.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0x0B || b == 0x0C }
        while lower < upper, isSpace(line[lower]) { lower += 1 }
        while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
        func hasPrefix(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard upper - lower >= count else { return false }
            let w = word.utf8Start
            for k in 0..<count where line[lower + k] | 0x20 != w[k] { return false }
            return true
        }
        if hasPrefix("authorization:") {
            lower += 14
            while lower < upper, isSpace(line[lower]) { lower += 1 }
        }
        if upper - lower > 7, hasPrefix("bearer ") {
            lower += 7
            while lower < upper, isSpace(line[lower]) { lower += 1 }
        }
        if lower == 0, upper == line.count { return line }
        return Array(line[lower..<upper])
    }
}
