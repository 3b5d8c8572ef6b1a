import Testing
import JOSECore
@testable import JWTCommands

/// Secrets never appear in any output: success, failure, JSON, batch, errors.
@Suite struct SecretLeakTests {
    static let secret = "s3cr3t-VALUE-that-must-never-leak-0123456789abcdef"

    @Test func secretNeverInOutput() async throws {
        let dir = try TempDir()
        let secretFile = try dir.write("secret", Self.secret + "\n")
        let harness = CommandHarness()
        harness.variables = ["JWT_SECRET": Self.secret]
        let token = try harness.token(["--alg", "HS256", "--secret-env", "JWT_SECRET", "--exp", "+1h", "--claim", "sub=x"])
        let wrong = try dir.write("wrong", "another-secret-another-secret-another-secret")
        let batch = try dir.write("batch", token + "\n" + token + "x\n")
        let runs: [[String]] = [
            [token, "--secret-file", secretFile],
            [token, "--secret-env", "JWT_SECRET", "--json"],
            [token, "--secret-file", wrong],
            [token, "--secret-file", wrong, "--json"],
            ["--batch", batch, "--secret-file", secretFile],
            ["garbage", "--secret-env", "JWT_SECRET", "--json"],
            [token, "--secret-env", "JWT_SECRET", "--alg", "HS512"],
        ]
        for arguments in runs {
            _ = try await harness.verify(arguments)
        }
        _ = try harness.encode(["--alg", "HS512", "--secret-env", "JWT_SECRET"])   // secret too short for HS512
        _ = try harness.encode(["--alg", "HS256", "--secret-file", secretFile, "--claim", "a=1"])
        let everything = harness.out + harness.err
        #expect(!everything.contains(Self.secret))
        #expect(!everything.contains(String(Self.secret.prefix(16))))
        #expect(!everything.contains(Base64URL.encode(Array(Self.secret.utf8))))
        #expect(everything.contains("✓ SIG-01"))   // the runs did happen
    }
}
