import Foundation
import Testing
import JOSECore
import JWTTestSupport
@testable import JWTCommands

/// Issue 9 item 1 end to end: huge numbers in tokens and flags, through the built `jwt` binary, so a trap shows
/// as a signal exit (SIGILL) instead of hiding behind an in-process test.
@Suite(.serialized) struct LargeNumberEndToEndTests {
    /// `83333333333333333548` is the fuzzer's find (Tests/Fuzz/Regressions/token/iat-past-int64-relative-time):
    /// an `iat` past Int64 that trapped in the relative-time phrase of `jwt decode`.
    static let texts = ["83333333333333333548", "1e19", "-1e19", "1e300", "1e400", "9223372036854775807", "-9223372036854775808", "1e16", "1.7e308", "-1.7e308"]
    static let secret = "large-number-test-secret-0123456789abcdef"

    struct Run {
        let status: Int32
        let signalled: Bool
        let out: String
        let err: String
    }

    /// Runs the binary; `signalled` is true when it died of a signal (a trap).
    static func jwt(_ arguments: [String], stdin: String = "") throws -> Run {
        let result = try BinaryRunner.jwt(arguments, stdin: stdin, environment: BinaryRunner.plainEnvironment(["JWT_TEST_SECRET": secret]))
        return Run(status: result.status, signalled: result.signalled, out: result.out, err: result.err)
    }

    static func token(_ claim: String, _ text: String) -> String {
        let others = ["exp": "1800000000", "iat": "1700000000"].filter { $0.key != claim }.map { "\"\($0.key)\":\($0.value)" }
        let payload = "{" + (others + ["\"\(claim)\":\(text)"]).joined(separator: ",") + "}"
        return ForgedHMAC.token(key: Array(secret.utf8), payload: payload)
    }

    static func phrase(_ claim: String, _ text: String) -> String {
        "\(claim) \(text) is " + (text.hasPrefix("-") ? "before the year 1" : "past the year 9999")
    }

    @Test(.bug(id: "9"), arguments: ["exp", "nbf", "iat", "auth_time"], texts)
    func decodeNeverTraps(claim: String, text: String) throws {
        let token = Self.token(claim, text)
        let plain = try Self.jwt(["decode", token])
        #expect(!plain.signalled && plain.status == 0, "decode \(claim)=\(text): \(plain.status) \(plain.err)")
        #expect(plain.out.contains(Self.phrase(claim, text)), "\(plain.out)")
        if text == "1e19" {
            // No relative phrase ("expires in over 31 million y") for a time that is no instant at all.
            #expect(plain.out.contains("out of range  past the year 9999"), "\(plain.out)")
        }
        let json = try Self.jwt(["decode", "--json", token])
        #expect(!json.signalled && json.status == 0, "decode --json \(claim)=\(text): \(json.status) \(json.err)")
        #expect((try? JSONParser().parse(json.out)) != nil, "decode --json printed no JSON: \(json.out)")
    }

    @Test(.bug(id: "9"), arguments: ["exp", "nbf", "iat"], texts)
    func verifyNeverTraps(claim: String, text: String) throws {
        let token = Self.token(claim, text)
        let base = ["verify", "--secret-env", "JWT_TEST_SECRET", "--max-lifetime", "1h", "--now", "1750000000"]
        let plain = try Self.jwt(base + [token])
        #expect(!plain.signalled && plain.status == 1, "verify \(claim)=\(text): \(plain.status) \(plain.err)")
        #expect(plain.out.contains("✗ DATE-01"), "\(plain.out)")
        #expect(plain.out.contains(Self.phrase(claim, text)), "\(plain.out)")
        let json = try Self.jwt(base + ["--json", token])
        #expect(!json.signalled && json.status == 1, "verify --json \(claim)=\(text): \(json.status) \(json.err)")
        #expect(try JSONParser().parse(json.out)["verdict"]?.stringValue == "fail")
        let batch = try Self.jwt(base + ["--batch", "-"], stdin: token + "\n" + token + "\n")
        #expect(!batch.signalled && batch.status == 1, "verify --batch \(claim)=\(text): \(batch.status) \(batch.err)")
        #expect(batch.out.split(separator: "\n").count == 2, "\(batch.out)")
    }

    /// Times given as flags: out of the years 1…9999 is a usage error (64) naming the flag, never a trap.
    @Test(.bug(id: "9"), arguments: [
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--exp", "1e300"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--exp", "1e19"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--nbf=-1e19"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--iat", "9223372036854775807"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--iat=-9223372036854775808"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--now", "1e400"],
        ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--now", "253402300000", "--exp", "+1000d"],
        ["verify", "--secret-env", "JWT_TEST_SECRET", "--now", "1e300", "e30.e30.e30"],
        ["verify", "--secret-env", "JWT_TEST_SECRET", "--now=-9223372036854775808", "e30.e30.e30"],
        ["verify", "--secret-env", "JWT_TEST_SECRET", "--leeway", "1e300", "e30.e30.e30"],
        ["verify", "--secret-env", "JWT_TEST_SECRET", "--max-lifetime", "1e300", "e30.e30.e30"],
        ["decode", "--now", "1e300", "e30.e30.e30"],
        ["decode", "--json", "--now", "1e19", "e30.e30.e30"],
    ])
    func hugeTimeFlagsAreUsageErrors(arguments: [String]) throws {
        let run = try Self.jwt(arguments)
        #expect(!run.signalled && run.status == 64, "\(arguments): \(run.status) \(run.err)")
        #expect(run.out.isEmpty || arguments.contains("--json"), "\(run.out)")
    }

    @Test(arguments: [("--exp", "1e300", "--exp 1e300 is past the year 9999"), ("--nbf", "-1e19", "--nbf -1e19 is before the year 1")])
    func encodeSaysWhy(flag: String, value: String, message: String) throws {
        let run = try Self.jwt(["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "\(flag)=\(value)"])
        #expect(run.status == 64)
        #expect(run.err.contains(message), "\(run.err)")
    }

    /// Times still in range keep working (the bound is the year 9999, not something smaller).
    @Test func inRangeTimesStillWork() throws {
        let run = try Self.jwt(["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET", "--exp", "253402300799", "--iat=-62135596800"])
        #expect(run.status == 0, "\(run.err)")
        let decoded = try Self.jwt(["decode", "--json", run.out.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(decoded.out.contains("9999-12-31T23:59:59Z"), "\(decoded.out)")
    }
}

/// The time helpers behind decode and verify are total.
@Suite struct TimeTextTotalityTests {
    @Test(.bug(id: "9"), arguments: [1e19, -1e19, 1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18, 1e15])
    func relativeTimeNeverTraps(seconds: Double) {
        #expect(RelativeTime.duration(seconds) == "over 31 million y")
        #expect(!RelativeTime.phrase(seconds).isEmpty)
        #expect(UTCTime.format(seconds) == "out of range")
    }

    @Test(arguments: ["1e300", "1e19", "-1e19", "9223372036854775807", "-9223372036854775808", "1e400", "nan", "inf", "-inf", "0000-01-01T00:00:00Z"])
    func parseRefusesOutOfRange(text: String) {
        #expect(UTCTime.parse(text) == nil)
        #expect(UTCTime.problem("--now", text) != nil)
    }

    @Test func problemNamesTheYear() {
        #expect(UTCTime.problem("--now", "1e300") == "--now 1e300 is past the year 9999")
        #expect(UTCTime.problem("--now", "-1e19") == "--now -1e19 is before the year 1")
        #expect(UTCTime.problem("--now", "9999-12-31T23:59:59Z") == nil)
        #expect(UTCTime.parse("0001-01-01T00:00:00Z") == NumericDate.earliestSeconds)
    }
}
