import Foundation
import JWTTestSupport
import OAuth2Conformance
import Testing

/// A fixed run (injected times, hand-made results) covering pass, fail, warn, skip, an unreachable endpoint, a scope
/// audit and text that needs escaping (markup, pipes, quotes, control characters).
enum Fixture {
    static let run = RunResult(suite: "demo", startedAt: 1_800_000_000.25, duration: 1.2345, endpoints: [
        EndpointResult(
            name: "json-style", style: "json-client-credentials", url: "http://127.0.0.1:8080/oauth/token",
            checks: [
                CheckResult(id: "TOK-01", title: "token endpoint answers HTTP 200", severity: .fail, status: .pass, expected: "HTTP 200", actual: "HTTP 200", reference: "RFC 6749 §5.1", latency: 0.0123),
                CheckResult(id: "TOK-05", title: "expires_in is a positive number", severity: .fail, status: .warn, expected: "a positive integer", actual: "\"3599\" (a string)", message: "a string is tolerated", reference: "RFC 6749 §5.1"),
                CheckResult(id: "JWT-06", title: "aud contains the expected audience", severity: .fail, status: .fail, expected: "https://api.test", actual: "AUD-01: aud <\"other\"> & | pipe\u{1B}[31m", reference: "RFC 7519 §4.1.3"),
                CheckResult(id: "SCP-02", title: "no scope beyond the allowed set (over-privilege)", severity: .fail, status: .fail, expected: "only: read", actual: "excess: admin", reference: "RFC 6749 §3.3"),
                CheckResult(id: "SCP-03", title: "no forbidden scope granted", severity: .fail, status: .skip, message: "no forbidden scopes configured", reference: "RFC 6749 §3.3"),
            ],
            scopeAudit: ScopeAudit(granted: ["admin", "read"], missing: [], excess: ["admin"]),
            tokenFingerprint: "sha256:0123456789abcdef", startedAt: 1_800_000_000.5, duration: 0.0456, networkTime: 0.03, reachable: true
        ),
        EndpointResult(
            name: "down", style: "client-secret-basic", url: "http://127.0.0.1:9/oauth2/token",
            checks: [
                CheckResult(id: "TOK-01", title: "token endpoint answers HTTP 200", severity: .fail, status: .fail, expected: "HTTP 200", actual: "unreachable: connection refused", reference: "RFC 6749 §5.1", latency: 0.001),
                CheckResult(id: "TOK-02", title: "response is a JSON object with a JSON content type", severity: .fail, status: .skip, message: "no token response", reference: "RFC 6749 §5.1"),
            ],
            startedAt: 1_800_000_000.5, duration: 0.001, networkTime: 0.001, reachable: false
        ),
    ])

    /// Package root, from this file's path.
    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var goldenDirectory: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    /// The project's own schema for the JUnit shape ``JUnitReportWriter`` emits (required attributes, element
    /// order), kept beside these tests so a fresh clone validates without anything outside the repository.
    static var schema: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schemas/jwt-junit.xsd")
    }

    /// Compares with the golden file (a line diff on mismatch), or rewrites it when JWT_UPDATE_GOLDEN=1.
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden(directory: goldenDirectory).check(text, name, sourceLocation: sourceLocation)
    }

    /// `xmllint --noout --schema Schemas/jwt-junit.xsd FILE`; returns (exit code, output).
    static func xmllint(_ xml: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BinaryRunner.tool("xmllint", ["--noout", "--schema", schema.path, file.path])
        return (result.status, result.out + result.err)
    }
}
