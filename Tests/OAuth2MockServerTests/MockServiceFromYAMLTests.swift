import JOSECore
import OAuth2MockServer
import Testing

/// The mock's library API from a YAML configuration to a service: what `jwt mock --config` builds through
/// `MockRunner` (tested with the commands, in JWTCommandsTests), here without the command layer.
@Suite struct MockServiceFromYAMLTests {
    static let yaml = """
        algorithm: ES384
        clients:
          - client_id: ci
            client_secret_env: CI_SECRET
            scopes: [read]
        """

    @Test func configWithEnvironmentSecretMakesAService() throws {
        let configuration = try MockConfiguration.load(yaml: Self.yaml, variables: ["CI_SECRET": "x"], readFile: { _ in nil })
        let service = try MockServer.makeService(configuration: configuration)
        #expect(service.configuration.clients.map(\.clientID) == ["ci"])
        #expect(service.configuration.clients.map(\.secret) == ["x"])
        #expect(service.signer.algorithm.rawValue == "ES384")
    }

    @Test func missingSecretVariableIsInputMissing() {
        do {
            _ = try MockConfiguration.load(yaml: Self.yaml, variables: [:], readFile: { _ in nil })
            Issue.record("a client whose secret variable is unset was accepted")
        } catch {
            #expect(error.code == .secretUnavailable)
            #expect(error.code.errorClass == .inputMissing)
            #expect(error.message.contains("CI_SECRET"))
        }
    }

    @Test func demoServiceHasTheFourDemoClients() throws {
        let service = try MockServer.makeService(configuration: .demo)
        #expect(service.configuration.clients.count == 4)
    }
}
