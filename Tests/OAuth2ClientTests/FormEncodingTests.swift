import Testing
@testable import OAuth2Client

@Suite("RFC 6749 §2.3.1 / Appendix B encoding")
struct FormEncodingTests {
    /// The vector from issue 4: id and secret form-encoded, joined by ':', base64.
    @Test func rfc6749BasicVector() {
        let value = rfc6749BasicCredentials(clientID: "1PpG/Q 1", secret: Secret("z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw="))
        #expect(value == "MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA==")
    }

    @Test(arguments: [
        ("a b", "a+b"), ("/+:=", "%2F%2B%3A%3D"), ("AZaz09*-._", "AZaz09*-._"), ("~", "%7E"), ("é", "%C3%A9"), ("", ""),
    ])
    func encode(_ input: String, _ expected: String) {
        #expect(FormURLEncoding.encode(input) == expected)
        #expect(FormURLEncoding.decode(expected) == input)
    }

    @Test(arguments: ["%", "%4", "%zz", "%FF"])
    func decodeRejectsMalformed(_ input: String) {
        #expect(FormURLEncoding.decode(input) == nil)
    }

    @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar"])
    func base64RoundTrip(_ text: String) {
        let encoded = Base64.encode(Array(text.utf8))
        #expect(Base64.decode(encoded) == Array(text.utf8))
    }

    @Test func base64KnownValue() {
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
    }
}
