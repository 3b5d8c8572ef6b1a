import JOSECore
import Testing
@testable import OAuth2MockServer

@Suite("Token body fast path")
struct TokenBodyTests {
    @Test(arguments: [
        ["access_token": "eyJ.abc-_.x1", "token_type": "Bearer", "expires_in": 60] as JSONObject,
        ["access_token": "eyJ.abc"] as JSONObject,
        ["access_token": "needs \"escaping\"", "scope": "a"] as JSONObject,
        ["token_type": "Bearer"] as JSONObject,
    ])
    func sameJSONAsTheGenericWriter(_ members: JSONObject) throws {
        let fast = try JSONParser().parse(MockService.tokenBody(members))
        #expect(fast.objectValue.map { Set($0.names) } == Set(members.names))
        for name in members.names { #expect(fast[name] == members[name]) }
    }
}
