import Foundation
import Testing
@testable import JWTCommands

/// Shell completions (argument-parser's generators): each script is produced by the built binary and knows every
/// subcommand; suite files complete as `*.yaml`/`*.yml`; `--only` completes the endpoint names of the suite files
/// already on the command line.
@Suite struct CompletionTests {
    static let subcommands = JWTCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }

    @Test func everySubcommandIsKnown() {
        #expect(Self.subcommands == ["decode", "verify", "encode", "mock", "conform", "version"])
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptNamesEverySubcommand(_ shell: String) throws {
        let jwt = try VersionEndToEndTests.jwt()
        let (code, out, err) = try Shell.exec(jwt, ["--generate-completion-script", shell])
        #expect(code == 0, "\(err)")
        #expect(out.count > 500, "\(shell): \(out)")
        for name in Self.subcommands {
            #expect(out.contains(name), "\(shell) script does not mention \(name)")
        }
        // conform's suites complete as YAML files, and --only asks the binary for endpoint names.
        #expect(out.contains("yaml") && out.contains("yml"), "\(shell): no suite file completion")
        #expect(out.contains("---completion"), "\(shell): no custom completion for --only")
        for option in ["--only", "--list-checks", "--strict", "--json"] {
            #expect(out.contains(option.dropFirst(2)), "\(shell): \(option)")
        }
    }

    static let suiteA = """
        endpoints:
          - name: auth0-prod
            style: json-client-credentials
          - name: auth0-stage
          - {name: basic}
        """
    static let suiteB = "endpoints:\n  - name: basic\n  - name: tenant\n"

    @Test(arguments: [
        (["jwt", "conform", "a.yaml", "--only", ""], "", ["auth0-prod", "auth0-stage", "basic"]),
        (["jwt", "conform", "a.yaml", "b.yml", "--only", "b"], "b", ["basic"]),
        (["jwt", "conform", "a.yaml", "b.yml", "--only", ""], "", ["auth0-prod", "auth0-stage", "basic", "tenant"]),
        (["jwt", "conform", "a.yaml", "--only", "auth0-s"], "auth0-s", ["auth0-stage"]),
        (["jwt", "conform", "missing.yaml", "broken.yaml", "--only", ""], "", []),
        (["jwt", "conform", "--only", ""], "", []),
    ])
    func onlyCompletesEndpointNames(_ words: [String], _ prefix: String, _ expected: [String]) {
        let capture = OutputCapture()
        let environment = Harness.environment(capture: capture, files: ["a.yaml": Self.suiteA, "b.yml": Self.suiteB, "broken.yaml": "endpoints: [\n"])
        #expect(ConformCompletion.endpointNames(words: words, prefix: prefix, environment: environment) == expected)
        #expect(capture.err.isEmpty)
    }

    /// The path the shell scripts take: `jwt ---completion conform -- --only INDEX CURSOR WORDS…`.
    @Test func binaryAnswersTheShellsCompletionRequest() throws {
        let jwt = try VersionEndToEndTests.jwt()
        let dir = try TempDir()
        let suite = try dir.write("s.yaml", Self.suiteA)
        let words = ["jwt", "conform", suite, "--only", "auth"]
        let (code, out, err) = try Shell.exec(jwt, ["---completion", "conform", "--", "--only", "4", "4"] + words)
        #expect(code == 0, "\(err)")
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.contains("auth0-prod") && lines.contains("auth0-stage"), "\(out)")
        #expect(!lines.contains("basic"), "\(out)")
    }
}
