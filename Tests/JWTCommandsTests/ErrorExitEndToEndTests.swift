import Foundation
import Testing

/// Errors that cross layers keep their exit class all the way out of the built binary: a secret file named by a
/// suite that cannot be read ends `jwt conform` with 66 (input missing), like a missing suite file, not 65.
@Suite struct ErrorExitEndToEndTests {
    static func suite(secretFile: String) -> String {
        """
        endpoints:
          - name: e
            style: client-secret-post
            token_url: "http://127.0.0.1:9/oauth2/token"
            client_id: c
            client_secret: {file: "\(secretFile)"}
        """
    }

    @Test(arguments: [
        ("missing", 66, "cannot open"),
        ("directory", 66, "it is a directory"),
        ("empty", 65, "is empty"),
    ])
    func suiteSecretFileExitClass(_ kind: String, _ status: Int32, _ message: String) throws {
        let jwt = try #require(EndToEndTests.binary, "the jwt binary was not built next to the tests: run `swift build` before `swift test`")
        let dir = try TempDir()
        let secret: String = switch kind {
        case "missing": dir.path + "/no-such-secret"
        case "directory": dir.path
        default: try dir.write("empty-secret", "")
        }
        let suite = try dir.write("suite.yaml", Self.suite(secretFile: secret))
        let reports = dir.path + "/reports"
        let (code, out, err) = try Shell.exec(jwt, ["conform", suite, "--junit", reports + "/s.xml", "--markdown", reports + "/s.md"],
                                              environment: ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
        #expect(code == status, "\(kind): \(err)")
        #expect(err.hasPrefix("jwt conform: error: "), "\(err)")
        #expect(err.contains(message), "\(err)")
        #expect(out.isEmpty, "nothing runs when the suite does not load: \(out)")
        #expect(!FileManager.default.fileExists(atPath: reports))
    }

    @Test func aReportThatCannotBeWrittenExits66() throws {
        let jwt = try #require(EndToEndTests.binary, "the jwt binary was not built next to the tests: run `swift build` before `swift test`")
        let dir = try TempDir()
        let blocker = try dir.write("file", "not a folder")
        let (code, _, err) = try Shell.exec(jwt, ["conform", "--mock", "--junit", blocker + "/r/s.xml", "--markdown", blocker + "/r/s.md"],
                                            environment: ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
        #expect(code == 66, "\(err)")
        #expect(err.contains("cannot create folder"), "\(err)")
    }
}
