import Testing
import JOSECore

/// `application/x-www-form-urlencoded` as RFC 6749 Appendix B uses it: the client's bodies and Basic credentials
/// (§2.3.1), the mock's parsing of them.
@Suite struct FormURLEncodingTests {
    @Test(arguments: [
        // RFC 6749 Appendix B: U+0020 U+0025 U+0026 U+002B U+00A3 U+20AC.
        (" %&+£€", "+%25%26%2B%C2%A3%E2%82%AC"),
        ("a b", "a+b"), ("/+:=", "%2F%2B%3A%3D"), ("AZaz09*-._", "AZaz09*-._"), ("~", "%7E"), ("é", "%C3%A9"), ("", ""),
        ("line\r\nbreak", "line%0D%0Abreak"),
    ])
    func encodesAndDecodes(plain: String, encoded: String) {
        #expect(FormURLEncoding.encode(plain) == encoded)
        #expect(FormURLEncoding.decode(encoded) == plain)
    }

    /// Lower-case hex and `%20` are read too (what other encoders send).
    @Test(arguments: [("%c3%a9", "é"), ("a%20b", "a b"), ("a+b%2B", "a b+")])
    func decodesOtherSpellings(encoded: String, plain: String) {
        #expect(FormURLEncoding.decode(encoded) == plain)
    }

    @Test(arguments: ["%", "%4", "%zz", "%FF", "%C3", "a%g1"])
    func decodeRejectsMalformed(text: String) {
        #expect(FormURLEncoding.decode(text) == nil)
    }

    @Test func bodyAndParseRoundTrip() throws {
        let pairs = [("grant_type", "client_credentials"), ("scope", "read write"), ("client_secret", "s/x+y=")]
        let body = FormURLEncoding.body(pairs)
        #expect(body == "grant_type=client_credentials&scope=read+write&client_secret=s%2Fx%2By%3D")
        let parsed = try #require(FormURLEncoding.parse(body))
        #expect(parsed.map(\.0) == pairs.map(\.0) && parsed.map(\.1) == pairs.map(\.1))
    }

    /// Empty parts are skipped, a name without `=` has an empty value, repeated names are kept in order (the
    /// caller decides: RFC 6749 §3.2 forbids them in a token request), a broken escape fails the whole body.
    @Test func parseEdges() throws {
        #expect(try #require(FormURLEncoding.parse("")).isEmpty)
        let parsed = try #require(FormURLEncoding.parse("a=1&&b&a=2"))
        #expect(parsed.map(\.0) == ["a", "b", "a"] && parsed.map(\.1) == ["1", "", "2"])
        #expect(FormURLEncoding.parse("a=1&b=%zz") == nil)
    }

    /// The one percent-decoder: `+` is a space only in form encoding, not in a URL's user info (RFC 3986 §2.1).
    @Test(arguments: [("a+b%20c", true, "a b c"), ("a+b%20c", false, "a+b c"), ("p%3Aw%40rd", false, "p:w@rd")])
    func percentDecodingWithAndWithoutPlus(_ text: String, _ plusIsSpace: Bool, _ expected: String) {
        #expect(FormURLEncoding.percentDecoded(Substring(text), plusIsSpace: plusIsSpace) == expected)
    }
}
