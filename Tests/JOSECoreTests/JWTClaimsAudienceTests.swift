import Testing
@testable import JOSECore

/// `aud` (RFC 7519 §4.1.3) is built on access from the member the claims reader checked: every shape reads as
/// before (a string as a one-element array, an array of strings in order, anything else `nil` with a type error).
@Suite struct JWTClaimsAudienceTests {
    @Test(arguments: [
        (#"{"aud":"x"}"#, ["x"] as [String]?, false),
        (#"{"aud":["a","b"]}"#, ["a", "b"], false),
        (#"{"aud":[]}"#, [], false),
        (#"{"iss":"i","aud":["https://api.example.test","https://admin.example.test"],"exp":1}"#,
         ["https://api.example.test", "https://admin.example.test"], false),
        (#"{"aud":["a",1]}"#, nil, true),
        (#"{"aud":5}"#, nil, true),
        (#"{"aud":null}"#, nil, true),
        (#"{"sub":"s"}"#, nil, false),
    ])
    func audienceShapes(json: String, expected: [String]?, typeError: Bool) throws {
        guard case .object(let object) = try JSONParser().parse(json) else {
            Issue.record("not an object")
            return
        }
        let claims = JWTClaims(json: object)
        #expect(claims.aud == expected)
        #expect(claims.typeErrors.contains { $0.claim == "aud" } == typeError)
        if typeError {
            #expect(claims.typeErrors.first { $0.claim == "aud" }?.message.hasPrefix("\"aud\" must be a string or an array of strings (RFC 7519 §4.1.3)") == true)
        }
    }
}
