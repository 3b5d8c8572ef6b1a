import JOSECore
import Testing
@testable import OAuth2MockServer

@Suite("Mock fast encoders agree with JOSECore")
struct FastEncodingTests {
    @Test(arguments: [
        [:] as JSONObject,
        ["iss": "http://127.0.0.1:1", "aud": "x", "iat": 1700000000, "scope": "a b"] as JSONObject,
        ["quote\"d": "line\nbreak \\ é", "n": nil, "arr": [1, "two"], "obj": ["k": true]] as JSONObject,
    ])
    func compactMatches(_ object: JSONObject) {
        #expect(FastEncoding.compact(object) == JSONValue.object(object).compact)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 64, 65, 66, 255])
    func base64URLMatches(_ count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        #expect(FastEncoding.base64URL(bytes) == Base64URL.encode(bytes))
    }
}
