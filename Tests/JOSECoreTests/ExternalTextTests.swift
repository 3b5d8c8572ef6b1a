import JOSECore
import Testing

@Suite struct ExternalTextTests {
    @Test(arguments: [
        ("\u{1B}[31mred", #"\u001b[31mred"#),
        ("bell\u{7}", #"bell\u0007"#),
        ("\u{9B}2J", #"\u009b2J"#),
        ("a\r\nb\tc", #"a\u000d\u000ab\u0009c"#),
        ("del\u{7F}", #"del\u007f"#),
        ("\u{202E}txt\u{2066}\u{2069}", #"\u202etxt\u2066\u2069"#),
        ("line\u{2028}para\u{2029}", #"line\u2028para\u2029"#),
        (#"back\slash \u001b"#, #"back\\slash \\u001b"#),
        ("plain é ✓ 😀", "plain é ✓ 😀"),
    ])
    func escapesEveryControlAndTheBackslash(_ input: String, _ expected: String) {
        #expect(ExternalText.escaped(input) == expected)
    }

    @Test(arguments: [("abc-._~+/=", true), ("a b", true), ("", false), ("a\nb", false), ("tab\t", false), ("é", false), ("\u{7F}", false)])
    func printableASCIIIsOneLineOfVSCHAR(_ input: String, _ expected: Bool) {
        #expect(ExternalText.isPrintableASCII(input) == expected)
    }

    @Test func jsonEscapesBidiAndC1() {
        #expect(JSONValue.quoted("\u{202E}\u{9B}\u{2028}") == #""\u202e\u009b\u2028""#)
    }
}
