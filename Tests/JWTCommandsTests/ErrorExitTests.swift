import Foundation
import JOSECore
import Testing
import OAuth2Client
import OAuth2Conformance
import OAuth2MockServer
@testable import JWTCommands

/// The command layer's codes and the one mapping from an error's class to the exit code.
@Suite struct ErrorExitTests {
    @Test(arguments: [
        (ErrorClass.checkFailed, JWTExit.failed), (.usage, .usage), (.malformedInput, .malformed),
        (.inputMissing, .noInput), (.unreachable, .unavailable), (.internal, .internalError),
    ])
    func eachClassMapsToItsExitCode(_ errorClass: ErrorClass, _ exit: JWTExit) {
        #expect(JWTExit(errorClass) == exit)
    }

    @Test func everyClassHasItsOwnExitCode() {
        let exits = ErrorClass.allCases.map { JWTExit($0) }
        #expect(Set(exits).count == ErrorClass.allCases.count)
        #expect(!exits.contains(.ok))
    }

    @Test func cliCodesAreUniqueAndNamedCLI() {
        let codes = JWTCommandsError.Code.allCases
        #expect(Set(codes.map(\.rawValue)).count == codes.count)
        for code in codes {
            #expect(code.rawValue.wholeMatch(of: /CLI-\d{3}/) != nil, "\(code)")
            #expect(JWTCommandsError.Code(rawValue: code.rawValue) == code)
        }
    }

    @Test(arguments: [
        (JWTCommandsError.usage("x"), "CLI-001", JWTExit.usage),
        (.noInput("x"), "CLI-002", .noInput),
        (.claimMissing("x"), "CLI-003", .failed),
        (.keySource("x"), "CLI-010", .malformed),
        (.unreachable("x"), "CLI-011", .unavailable),
        (.unreadableLines("x"), "CLI-012", .malformed),
        (.cannotWrite("x"), "CLI-013", .noInput),
    ])
    func eachCLIErrorHasItsCodeAndExit(_ error: JWTCommandsError, _ code: String, _ exit: JWTExit) {
        #expect(error.code.rawValue == code)
        #expect(error.exit == exit)
    }

    /// CLI-010 meant both "unusable key source" and "cannot write report"; now they are two codes and two exits.
    @Test func aReportThatCannotBeWrittenIsNotAKeySourceError() async throws {
        let dir = try TempDir()
        let blocker = try dir.write("file", "not a folder")
        #expect(throws: JWTCommandsError.cannotWrite("")) { try ReportFiles.live.write(blocker + "/reports/x.xml", "<x/>") }
        do {
            try ReportFiles.live.write(blocker + "/x.xml", "<x/>")
            Issue.record("wrote under a regular file")
        } catch {
            #expect(error.code.rawValue == "CLI-013")
            #expect(error.exit == .noInput)
            #expect(error.code != JWTCommandsError.keySource("").code)
        }
        let harness = CommandHarness()
        let empty = try dir.write("empty-secret", "")
        let token = try harness.token(["--alg", "HS256", "--secret-file", try dir.write("secret", String(repeating: "k", count: 40)), "--exp", "+1h"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", empty, "--json"]) == .malformed)
        #expect(harness.out.contains(/"code"\s*:\s*"CLI-010"/), "\(harness.out)")
    }

    /// Another module's error keeps its code and its class on the way to the command line.
    @Test(arguments: [
        (JWTCommandsError(JOSEError(.invalidJSON, "x")), "JOSE-003", JWTExit.malformed),
        (JWTCommandsError(JOSEError(.cryptoFailure, "x")), "JOSE-010", .internalError),
        (JWTCommandsError(ConformanceError(.unreadableFile, "x")), "CONF-007", .noInput),
        (JWTCommandsError(ConformanceError(.invalidSuite, "x")), "CONF-001", .malformed),
        (JWTCommandsError(MockServerError(.secretUnavailable, "x")), "MOCK-002", .noInput),
        (JWTCommandsError(MockServerError(.server, "x")), "MOCK-004", .unavailable),
        (JWTCommandsError(OAuth2ClientError(.timeout, "x")), "OA2-003", .unavailable),
    ])
    func wrappedErrorsKeepCodeAndClass(_ error: JWTCommandsError, _ code: String, _ exit: JWTExit) {
        #expect(error.code.rawValue == code)
        #expect(error.exit == exit)
    }
}
