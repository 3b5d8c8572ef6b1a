import JWTCommands
import OAuth2MockServer
import Testing

@Suite("MockRunner over an injected environment")
struct MockRunnerTests {
    static func environment(files: [String: String], variables: [String: String] = [:]) -> CommandEnvironment {
        CommandEnvironment(
            now: { 1_700_000_000 }, writeOut: { _ in }, writeErr: { _ in },
            readStdin: { _ in [] },
            readFile: { path, _ throws(JWTCommandsError) in
                guard let text = files[path] else { throw JWTCommandsError.noInput("\(path): no such file") }
                return Array(text.utf8)
            },
            variables: variables, stdoutIsTerminal: false)
    }

    static let yaml = """
        algorithm: ES384
        clients:
          - client_id: ci
            client_secret_env: CI_SECRET
            scopes: [read]
        """

    @Test func configWithEnvironmentSecret() throws {
        let runner = MockRunner(options: try MockCommand.parse(["--config", "/m.yaml"]))
        let service = try runner.makeService(environment: Self.environment(files: ["/m.yaml": Self.yaml], variables: ["CI_SECRET": "x"]))
        #expect(service.configuration.clients.map(\.clientID) == ["ci"])
        #expect(service.signer.algorithm.rawValue == "ES384")
    }

    @Test func missingSecretVariableIsNoInput() throws {
        let runner = MockRunner(options: try MockCommand.parse(["--config", "/m.yaml"]))
        let environment = Self.environment(files: ["/m.yaml": Self.yaml])
        let outcome = Result { () throws(JWTCommandsError) -> Int in try runner.makeService(environment: environment).configuration.clients.count }
        guard case .failure(let error) = outcome else {
            Issue.record("expected an error")
            return
        }
        #expect(error.exit == .noInput)
        #expect(error.message.contains("CI_SECRET"))
    }

    @Test func demoWithoutConfig() throws {
        let runner = MockRunner(options: try MockCommand.parse([]))
        let service = try runner.makeService(environment: Self.environment(files: [:]))
        #expect(service.configuration.clients.count == 4)
    }

    @Test(arguments: [["--port", "70000"], ["--port", "-1"]])
    func badPortIsUsageError(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try MockCommand.parse(arguments) }
    }
}
