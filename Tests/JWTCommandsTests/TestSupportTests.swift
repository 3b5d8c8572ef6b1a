import Foundation
import JWTTestSupport
import Testing

/// The shared test helpers themselves: the golden diff names the differing lines, the binary runner captures what a
/// child wrote and kills a hung child at its deadline.
@Suite struct TestSupportTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(Golden.diff(expected: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func aDiffShowsTheChangedLineWithContext() throws {
        let golden = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let actual = golden.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        let diff = try #require(Golden.diff(expected: golden, actual: actual, name: "x.txt"))
        let lines = diff.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == ["--- x.txt (golden)", "+++ x.txt (actual)", "@@ -7 +7 @@"])
        #expect(lines.contains("-line 10") && lines.contains("+line ten"))
        #expect(lines.firstIndex(of: "-line 10")! < lines.firstIndex(of: "+line ten")!)
        #expect(lines.contains(" line 7") && lines.contains(" line 13"), "three lines of context either side")
        #expect(!lines.contains(" line 6") && !lines.contains(" line 14"))
    }

    @Test func aMissingFinalNewlineIsShown() throws {
        let diff = try #require(Golden.diff(expected: "a\n", actual: "a"))
        #expect(diff.contains("+\\ no newline at end of file"))
    }

    @Test func insertedAndRemovedLinesAreAligned() throws {
        let diff = try #require(Golden.diff(expected: "a\nb\nc\n", actual: "a\nx\nb\n"))
        let body = diff.split(separator: "\n").dropFirst(3).map(String.init)
        #expect(body == [" a", "+x", " b", "-c"])
    }

    @Test func aMismatchRecordsAnIssueAndAMatchDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a\nb\n".write(to: folder.appendingPathComponent("g.txt"), atomically: true, encoding: .utf8)
        let golden = Golden(directory: folder)
        #expect(try golden.check("a\nb\n", "g.txt"))
        guard !Golden.updating else { return }
        withKnownIssue("the golden helper reports the differing line") {
            _ = try? golden.check("a\nc\n", "g.txt")
        } matching: { issue in
            String(describing: issue).contains("-b") && String(describing: issue).contains("+c")
        }
    }

    @Test func theRunnerCapturesStatusAndBothStreams() throws {
        let result = try BinaryRunner.tool("sh", ["-c", "read line; echo \"out:$line\"; echo err >&2; exit 3"], stdin: Array("in\n".utf8))
        #expect(result.status == 3 && !result.signalled && !result.timedOut)
        #expect(result.out == "out:in\n")
        #expect(result.err == "err\n")
    }

    /// A tool that is not installed is a failed run (127, as `env` reports it), not a crash of the test process.
    @Test func aMissingToolIsAFailedRun() throws {
        let result = try BinaryRunner.tool("jwt-test-no-such-tool", ["x"], stdin: Array("input".utf8))
        #expect(result.status == 127 && !result.signalled)
        #expect(result.err.contains("jwt-test-no-such-tool"))
    }

    @Test func aHungChildIsKilledAtItsDeadline() throws {
        let result = try BinaryRunner.tool("sleep", ["600"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.signalled && result.status == 128 + SIGKILL)
    }

    @Test func theJWTBinaryIsFound() throws {
        let binary = try BinaryRunner.jwtBinary()
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
        #expect(try BinaryRunner.jwt(["--help"]).status == 0)
    }
}
