import Foundation
import Testing
import JOSECore
import JWTTestSupport

/// Runs the built `jwt` binary (next to the test bundle, `.build/debug/jwt`) and checks stdout, stderr, exit code.
/// `swift build --build-tests` does not relink executables, so run `swift build` before `swift test` (as CI does).
@Suite struct EndToEndTests {
    static var binary: String? { try? BinaryRunner.jwtBinary().path }

    @Test func verifyThroughTheBinary() throws {
        let jwt = try #require(Self.binary, "the jwt binary was not built next to the tests: run `swift build` before `swift test`")
        let dir = try TempDir()
        let secret = "end-to-end-secret-0123456789abcdef-xyz"
        let env = ["JWT_TEST_SECRET": secret, "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        let (encodeStatus, token, encodeErr) = try Shell.exec(jwt, ["encode", "--alg", "HS256", "--secret-env", "JWT_TEST_SECRET",
                                                                      "--claim", "scope=read", "--exp", "+1h"], environment: env)
        #expect(encodeStatus == 0, "\(encodeErr)")
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)

        let (ok, out, err) = try Shell.exec(jwt, ["verify", "--secret-env", "JWT_TEST_SECRET", "--scope", "read", "-"], environment: env, stdin: "Bearer " + trimmed + "\n")
        #expect(ok == 0)
        #expect(out.contains("✓ SIG-01"))
        #expect(out.contains("VALID"))
        #expect(err.isEmpty)
        #expect(!out.contains(secret) && !out.contains(trimmed))

        let (failed, failOut, _) = try Shell.exec(jwt, ["verify", "--secret-env", "JWT_TEST_SECRET", "--scope", "admin", trimmed], environment: env)
        #expect(failed == 1)
        #expect(failOut.contains("✗ SCOPE-01  not granted: admin"))

        let (malformed, _, malformedErr) = try Shell.exec(jwt, ["verify", "--secret-env", "JWT_TEST_SECRET", "x.y"], environment: env)
        #expect(malformed == 65)
        #expect(malformedErr.hasPrefix("jwt verify: error: "))

        let (usage, _, usageErr) = try Shell.exec(jwt, ["verify", trimmed], environment: env)
        #expect(usage == 64)
        #expect(usageErr.contains("no key"))

        let (missing, _, _) = try Shell.exec(jwt, ["verify", "--key", dir.path + "/nope.pem", trimmed], environment: env)
        #expect(missing == 66)

        let batch = try dir.write("batch.txt", trimmed + "\n" + trimmed + "\n")
        let (batchStatus, batchOut, batchErr) = try Shell.exec(jwt, ["verify", "--batch", batch, "--secret-env", "JWT_TEST_SECRET"], environment: env)
        #expect(batchStatus == 0)
        #expect(batchOut == #"{"line":1,"verdict":"pass","failed":[],"scopes":["read"]}"# + "\n" + #"{"line":2,"verdict":"pass","failed":[],"scopes":["read"]}"# + "\n")
        #expect(batchErr == "jwt verify --batch: 2 tokens: 2 passed, 0 failed, 0 malformed\n")

        let (none, _, noneErr) = try Shell.exec(jwt, ["encode", "--alg", "none"], environment: env)
        #expect(none == 64)
        #expect(noneErr.contains("--unsecured"))
    }
}
