import Foundation
import JOSECore
import OAuth2Conformance
import Testing
@testable import JWTCommands

/// `jwt --version` and `jwt version [--json]` through the built binary: one version number (``JWTVersion/number``),
/// the OpenSSL library the process actually loaded.
@Suite struct VersionEndToEndTests {
    static func jwt() throws -> String {
        try #require(EndToEndTests.binary, "the jwt binary was not built next to the tests: run `swift build` before `swift test`")
    }

    @Test func versionFlagPrintsTheNumberAlone() throws {
        let (code, out, err) = try Shell.exec(try Self.jwt(), ["--version"])
        #expect(code == 0, "\(err)")
        #expect(out == JWTVersion.number + "\n")
        #expect(JWTVersion.number.split(separator: ".").count == 3 && JWTVersion.number.first?.isNumber == true)
    }

    @Test func versionJSONNamesEveryComponent() throws {
        let (code, out, err) = try Shell.exec(try Self.jwt(), ["version", "--json"])
        #expect(code == 0, "\(err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String])
        #expect(Set(object.keys) == ["version", "commit", "swift", "openssl", "openssl_compiled"])
        #expect(object["version"] == JWTVersion.number)
        // A test build is not an install: no commit is injected, and it says so rather than guessing.
        #expect(object["commit"] == "unknown")
        #expect(object["swift"]?.first?.isNumber == true, "\(object)")
        // The runtime library, as libcrypto reports it (the same text `openssl version` prints for that library).
        #expect(object["openssl"] == OpenSSLVersion.runtime)
        #expect(object["openssl"]?.hasPrefix("OpenSSL 3.") == true, "\(object)")
        #expect(object["openssl_compiled"]?.hasPrefix("OpenSSL 3.") == true, "\(object)")
    }

    @Test func versionTextHasOneLineEach() throws {
        let (code, out, _) = try Shell.exec(try Self.jwt(), ["version"])
        #expect(code == 0)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first == "jwt \(JWTVersion.number)")
        #expect(lines.contains("commit: unknown"))
        #expect(lines.contains("openssl: \(OpenSSLVersion.runtime)"))
    }

    @Test func versionRejectsOperands() throws {
        let (code, _, err) = try Shell.exec(try Self.jwt(), ["version", "extra"])
        #expect(code == 64, "\(err)")
    }
}

/// `jwt conform --list-checks`: the catalogue, generated from ``CheckCatalogue`` (text and JSON).
@Suite struct ListChecksEndToEndTests {
    @Test func textHasOneLinePerCheck() throws {
        let (code, out, err) = try Shell.exec(try VersionEndToEndTests.jwt(), ["conform", "--list-checks"])
        #expect(code == 0, "\(err)")
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == CheckCatalogue.all.count + 1)
        #expect(lines.first?.hasPrefix("id ") == true)
        for (line, check) in zip(lines.dropFirst(), CheckCatalogue.all) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(Array(words.prefix(4)) == [check.id, check.kind.rawValue, check.severity.rawValue, check.strictSeverity.rawValue], "\(line)")
            #expect(line.contains(check.title) && line.hasSuffix(check.reference), "\(line)")
        }
    }

    @Test(arguments: [true, false])
    func jsonToStdoutOrFile(toFile: Bool) throws {
        let dir = try TempDir()
        let path = dir.path + "/checks.json"
        let (code, out, err) = try Shell.exec(try VersionEndToEndTests.jwt(), ["conform", "--list-checks", "--json", toFile ? path : "-"])
        #expect(code == 0, "\(err)")
        let text = toFile ? String(decoding: try Shell.read(path), as: UTF8.self) : out
        if toFile { #expect(out.isEmpty) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [[String: String]]])
        let checks = try #require(object["checks"])
        #expect(checks.map { $0["id"] ?? "" } == CheckCatalogue.all.map(\.id))
        for (item, check) in zip(checks, CheckCatalogue.all) {
            #expect(item == ["id": check.id, "title": check.title, "kind": check.kind.rawValue, "severity": check.severity.rawValue,
                             "strict_severity": check.strictSeverity.rawValue, "reference": check.reference])
        }
    }

    @Test(arguments: [["conform", "--list-checks", "conformance/mock.yaml"], ["conform", "--list-checks", "--mock"], ["conform", "--list-checks", "--strict"]])
    func listChecksTakesNothingElse(_ arguments: [String]) throws {
        let (code, out, err) = try Shell.exec(try VersionEndToEndTests.jwt(), arguments)
        #expect(code == 64, "\(err)")
        #expect(out.isEmpty)
    }
}
