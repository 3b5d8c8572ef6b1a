import Foundation
import JOSECore
import Testing

/// Runs the built `jwt` binary: stdout, stderr and exit code, as a user sees them.
@Suite(.serialized) struct DecodeEndToEndTests {
    static let sample = TestPaths.fixtures.appendingPathComponent("sample-access-token.jwt").path

    @Test func decodesTheShippedSample() throws {
        let result = try Harness.runBinary(["decode", "@" + Self.sample, "--now", "2026-11-26T00:00:00Z"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out.contains("\"client_id\": \"svc-inventory\""))
        #expect(result.out.contains("NOT VERIFIED"))
        #expect(!result.out.contains("\u{1B}["), "no colour when stdout is a pipe")
    }

    @Test func readsStdinWithAuthorizationHeader() throws {
        let token = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let result = try Harness.runBinary(["decode", "--claim", "scope"], stdin: "Authorization: Bearer " + token)
        #expect(result.status == 0)
        #expect(result.out == "inventory:read inventory:write\n")
    }

    @Test(arguments: [
        (["decode", "a.b"], Int32(65), "2 segments"),
        (["decode", "@/nonexistent/token"], 66, "cannot open /nonexistent/token"),
        (["decode", "--bogus"], 64, "Unknown option '--bogus'"),
        (["decode", "--json", "--claim", "x", "a.b.c"], 64, "--json and --claim cannot be combined"),
        (["nosuchcommand"], 64, "Unexpected argument"),
    ])
    func exitCodes(arguments: [String], status: Int32, message: String) throws {
        let result = try Harness.runBinary(arguments)
        #expect(result.status == status)
        #expect(result.out.isEmpty, "nothing on stdout on error")
        #expect(result.err.contains(message), "stderr: \(result.err)")
    }

    @Test func jsonErrorGoesToStdout() throws {
        let result = try Harness.runBinary(["decode", "--json", "e30.e30"])
        #expect(result.status == 65)
        #expect(result.err.isEmpty)
        #expect(try JSONParser().parse(result.out)["error"]?["exit_code"] == 65)
    }

    @Test func hugeInputIsRefusedCleanly() throws {
        let huge = String(repeating: "A", count: 5_000_000)
        let result = try Harness.runBinary(["decode"], stdin: huge)
        #expect(result.status == 65)
        #expect(result.err.contains("larger than the limit"))
        #expect(result.out.isEmpty)
    }

    @Test func deepNestingIsRefusedCleanly() throws {
        let payload = Base64URL.encode(Array(("{\"a\":" + String(repeating: "[", count: 100_000)).utf8))
        let token = "eyJhbGciOiJIUzI1NiJ9." + payload + ".AAAA"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deep-\(UUID().uuidString).jwt")
        try token.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Harness.runBinary(["decode", "@" + file.path])
        #expect(result.status == 65)
        #expect(result.err.contains("nesting deeper than the limit"))
    }

    @Test func noColorEnvironmentIsHonouredEvenWhenForced() throws {
        let result = try Harness.runBinary(["decode", "@" + Self.sample], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(!result.out.contains("\u{1B}["))
    }
}
