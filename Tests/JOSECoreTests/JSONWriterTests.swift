import Testing
import JOSECore

/// The compact writer's two string paths (plain printable ASCII copied whole, everything else escaped per scalar)
/// give RFC 8259 §7 strings that parse back to the same value.
@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain ASCII ~!", #""plain ASCII ~!""#),
        ("eyJhbGciOiJFUzI1NiJ9.e30.c2ln-_", #""eyJhbGciOiJFUzI1NiJ9.e30.c2ln-_""#),
        ("", #""""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("tab\there", #""tab\there""#),
        ("nul\u{0}", #""nul\u0000""#),
        ("del\u{7F}", #""del\u007f""#),
        ("é", #""é""#),
        ("\u{2028}", #""\u2028""#),
    ])
    func strings(value: String, json: String) throws {
        #expect(JSONValue.quoted(value) == json)
        #expect(try JSONParser().parse(json) == .string(value))
    }

    /// The mock's token answer (RFC 6749 §5.1) written by the one writer, members in order.
    @Test func tokenAnswer() throws {
        let members: JSONObject = ["access_token": "eyJ.abc-_.x1", "token_type": "Bearer", "expires_in": 60, "scope": "a \"b\""]
        let text = JSONValue.object(members).compact
        #expect(text == #"{"access_token":"eyJ.abc-_.x1","token_type":"Bearer","expires_in":60,"scope":"a \"b\""}"#)
        #expect(try JSONParser().parse(text) == .object(members))
    }
}
