import JOSECore
@testable import JWTCommands
import Testing

/// Rule messages speak of settings in words; only `jwt verify` adds its flags. A conform report (JSON, Markdown,
/// JUnit) must never tell a suite author to pass `--typ` or `--aud` (issue 10 item 5): every report the command writes
/// for the mocked suites is searched for a `--flag`.
@Suite(.serialized) struct ReportFlagTests {
    @Test(arguments: ["mock.yaml", "mock-faults.yaml"])
    func reportsNameNoCommandLineFlag(suite: String) async throws {
        let (_, capture) = try await Harness.run(["--mock", Harness.suite(suite), "--json", "out/r.json", "--junit", "out/r.xml", "--markdown", "out/r.md"])
        let files = capture.files.withLock { $0 }
        let json = try #require(files["out/r.json"])
        let report = try #require(try JSONParser().parse(Array(json.utf8)).objectValue)
        let statuses = (report["endpoints"]?.arrayValue ?? []).flatMap { $0["checks"]?.arrayValue ?? [] }.compactMap { $0["status"]?.stringValue }
        #expect(statuses.contains("skip"), "the suite skips nothing: the test would prove nothing about skip messages")
        for path in ["out/r.json", "out/r.xml", "out/r.md"] {
            let hits = Self.flagMentions(try #require(files[path]))
            #expect(hits.isEmpty, "\(suite) \(path): \(hits)")
        }
    }

    /// Each `--` followed by an ASCII letter, with up to 40 bytes before it for the failure message.
    static func flagMentions(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var hits: [String] = []
        var i = 0
        while i + 2 < bytes.count {
            let letter = bytes[i + 2] | 0x20
            if bytes[i] == 0x2D, bytes[i + 1] == 0x2D, letter >= 0x61, letter <= 0x7A {
                hits.append(String(decoding: bytes[max(0, i - 40)..<(i + 3)], as: UTF8.self))
            }
            i += 1
        }
        return hits
    }
}
