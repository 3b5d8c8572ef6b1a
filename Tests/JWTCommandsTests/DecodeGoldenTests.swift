import Foundation
import JOSECore
import JWTTestSupport
import Testing
@testable import JWTCommands

/// Golden files of `jwt decode` human and `--json` output at a fixed instant. `JWT_UPDATE_GOLDEN=1` re-records.
@Suite struct DecodeGoldenTests {
    static let cases: [(name: String, token: String)] = [
        ("access-token", DecodeCommandTests.token),
        ("warnings", Harness.token(
            header: #"{"alg":"HS256","typ":"JWT","crit":["x-tenant"],"x-tenant":"t1","jku":"http://127.0.0.1:9/jwks.json"}"#,
            payload: #"{"iss":"legacy","iat":1714564800000,"nbf":1714564800,"big":123456789012345678901234567890,"ratio":0.10,"nested":{"b":[1,{"c":null}],"a":"é"}}"#,
            signature: [1, 2, 3, 4])),
        ("expired", Harness.token(
            header: #"{"alg":"ES256","kid":"2024-01"}"#,
            payload: #"{"sub":"svc","iat":1714557420,"exp":1714564620.25,"auth_time":1714557400}"#,
            signature: Array(repeating: 5, count: 64))),
        ("unsecured", Harness.token(header: #"{"alg":"none"}"#, payload: #"{"iss":"joe","exp":1714568400}"#, signature: [])),
        ("jwe", Base64URL.encode(Array(#"{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"enc-1","cty":"JWT"}"#.utf8)) + ".AAAA.BBBB.CCCC.DDDD"),
    ]

    @Test(arguments: cases.map(\.name))
    func human(name: String) throws {
        let token = Self.cases.first { $0.name == name }!.token
        let result = try Harness.decode([token])
        #expect(result.exit == .ok)
        try TestPaths.goldenFiles.check(result.out, "decode-\(name).txt")
    }

    @Test(arguments: cases.map(\.name))
    func json(name: String) throws {
        let token = Self.cases.first { $0.name == name }!.token
        let result = try Harness.decode([token, "--json"])
        #expect(result.exit == .ok)
        try TestPaths.goldenFiles.check(result.out, "decode-\(name).json")
    }

    @Test func colouredHumanOutput() throws {
        let result = try Harness.decode([DecodeCommandTests.token], terminal: true)
        try TestPaths.goldenFiles.check(result.out, "decode-access-token.ansi.txt")
    }
}
