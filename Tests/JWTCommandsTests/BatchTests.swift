import Testing
import JOSECore
@testable import JWTCommands

@Suite struct BatchTests {
    static func setup() throws -> (TempDir, KeyFiles, CommandHarness, good: String, expired: String) {
        let dir = try TempDir()
        let keys = try KeyFiles(.HS256, in: dir)
        let harness = CommandHarness()
        let good = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--exp", "+1h", "--claim", "scope=read write"])
        let expired = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--exp=-1h", "--iat=-2h"])
        harness.reset()
        return (dir, keys, harness, good, expired)
    }

    @Test func oneJSONLinePerTokenNeverTheToken() async throws {
        let (dir, keys, harness, good, expired) = try Self.setup()
        let input = try dir.write("tokens.txt", "\(good)\n\nBearer \(expired)\r\nnot-a-token\n  \(good)  \n")
        #expect(try await harness.verify(["--batch", input, "--secret-file", keys.publicPath]) == .failed)
        let lines = harness.out.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"line":1,"verdict":"pass","failed":[],"scopes":["read","write"]}"#,
            #"{"line":3,"verdict":"fail","failed":["EXP-01"],"scopes":[]}"#,
            #"{"line":4,"verdict":"malformed","failed":["JWS-01"],"scopes":[],"error":"JOSE-002: 1 segment separated by '.': a JWS has 3 and a JWE 5"}"#,
            #"{"line":5,"verdict":"pass","failed":[],"scopes":["read","write"]}"#,
        ])
        #expect(!harness.out.contains(good) && !harness.out.contains(expired))
        #expect(!harness.err.contains(good))
        #expect(harness.err == "jwt verify --batch: 4 tokens: 2 passed, 1 failed, 1 malformed\n")
    }

    @Test func allPassIsZero() async throws {
        let (dir, keys, harness, good, _) = try Self.setup()
        let input = try dir.write("tokens.txt", String(repeating: good + "\n", count: 50))
        #expect(try await harness.verify(["--batch", input, "--secret-file", keys.publicPath, "--scope", "read"]) == .ok)
        #expect(harness.out.split(separator: "\n").count == 50)
        #expect(harness.err.contains("50 tokens: 50 passed, 0 failed"))
    }

    @Test func stdinBatch() async throws {
        let (_, keys, harness, good, expired) = try Self.setup()
        let code = try await harness.verify(["--batch", "-", "--secret-file", keys.publicPath], stdinLines: Array("\(good)\n\(expired)".utf8))
        #expect(code == .failed)
        #expect(harness.out.split(separator: "\n").count == 2)
    }

    @Test func unreadableInputIs65() async throws {
        let (dir, keys, harness, good, _) = try Self.setup()
        let binary = try dir.write("binary.bin", Array(good.utf8) + [0x0A, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x0A])
        #expect(try await harness.verify(["--batch", binary, "--secret-file", keys.publicPath]) == .malformed)
        #expect(harness.err.contains("NUL byte"))
        let long = try dir.write("long.txt", [UInt8](repeating: 0x41, count: FDLineReader.maxLineBytes + 10))
        harness.reset()
        #expect(try await harness.verify(["--batch", long, "--secret-file", keys.publicPath]) == .malformed)
        #expect(harness.err.contains("longer than"))
    }

    @Test func missingBatchFileIs66AndTokenWithBatchIsUsage() async throws {
        let (dir, keys, harness, good, _) = try Self.setup()
        #expect(try await harness.verify(["--batch", dir.path + "/none.txt", "--secret-file", keys.publicPath]) == .noInput)
        #expect(try await harness.verify([good, "--batch", "-", "--secret-file", keys.publicPath]) == .usage)
        #expect(try await harness.verify(["--batch", dir.path, "--secret-file", keys.publicPath]) == .noInput)
    }

    /// The reader streams: many lines through a small buffer, last line without a newline, CRLF endings.
    @Test func lineReaderSplitsAcrossBuffers() throws {
        let dir = try TempDir()
        var text = ""
        for k in 0..<5000 { text += "line-\(k)-" + String(repeating: "x", count: k % 97) + (k % 3 == 0 ? "\r\n" : "\n") }
        text += "last"
        let path = try dir.write("lines.txt", text)
        let reader = try FDLineReader(path: path)
        var count = 0
        var last: [UInt8] = []
        while let line = try reader.nextLine() {
            if count < 5000 { #expect(line.starts(with: Array("line-\(count)-".utf8)) && !line.contains(0x0D)) }
            last = line
            count += 1
        }
        #expect(count == 5001)
        #expect(last == Array("last".utf8))
    }

    @Test(arguments: [
        (["read"], #"["read"]"#),
        (["a\"b", "c\\d"], #"["a\"b","c\\d"]"#),
        (["é", "tab\there"], #"["é","tab\there"]"#),
    ])
    func batchLineEscapesScopes(scopes: [String], json: String) throws {
        let line = VerifyJSON.batchLine(line: 7, verdict: "pass", failed: [], scopes: scopes)
        #expect(line == #"{"line":7,"verdict":"pass","failed":[],"scopes":"# + json + "}\n")
        #expect(try JSONParser().parse(String(line.dropLast()))["scopes"]?.arrayValue?.compactMap(\.stringValue) == scopes)
    }
}
