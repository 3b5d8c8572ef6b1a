import Foundation
import JOSECore
import JWTTestSupport
import Testing
@testable import JWTCommands

/// Issue 10 item 5: `JWTValidation` messages speak of options in words; `jwt verify` adds its flag, chosen by the
/// finding's typed setting and status.
@Suite struct VerifyFlagHintTests {
    @Test func textOutputNamesTheFlagBehindEachUnsetOption() async throws {
        let dir = try TempDir()
        let keys = try KeyFiles(.HS256, in: dir)
        let harness = CommandHarness()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--claim", "aud=api"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath]) == .failed)
        let out = harness.out
        #expect(out.contains("no expected typ given (--typ)"))
        #expect(out.contains("no expected issuer given (--iss)"))
        #expect(out.contains("but no expected audience was given (--aud)"))
        #expect(out.contains("no maximum lifetime given (--max-lifetime)"))
        #expect(out.contains("no exp: the token never expires (use --allow-missing-exp to accept that)"))
        #expect(out.contains("no allowed scopes given (--allowed-scope)"))

        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath, "--allow-missing-exp", "--json"]) == .ok)
        let json = try JSONParser().parse(harness.out)
        let exp = json["findings"]?.arrayValue?.first { $0["id"]?.stringValue == "EXP-01" }
        #expect(exp?["message"]?.stringValue == "no exp: the token never expires, which the options allow (--allow-missing-exp)")
    }
}
