import Testing
@testable import JOSECore

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func keepsMemberOrderAndExactNumbers() throws {
        let text = #"{"z":1,"a":123456789012345678901234567890,"m":1.50,"e":-2.5E+10,"s":"x\u00e9\ud83d\ude00","n":null,"t":[true,false,{}]}"#
        let value = try parser.parse(text)
        #expect(value.objectValue?.names == ["z", "a", "m", "e", "s", "n", "t"])
        #expect(value.compact == #"{"z":1,"a":123456789012345678901234567890,"m":1.50,"e":-2.5E+10,"s":"xé😀","n":null,"t":[true,false,{}]}"#)
    }

    @Test func prettyPrintsInOrder() throws {
        let value = try parser.parse(#"{"b":[1,2],"a":{"c":"d"},"e":[],"f":{}}"#)
        #expect(value.pretty() == """
            {
              "b": [
                1,
                2
              ],
              "a": {
                "c": "d"
              },
              "e": [],
              "f": {}
            }
            """)
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, #"duplicate member name "a""#),
        (#"{"x":{"sub":"a","sub":"b"}}"#, #"duplicate member name "sub""#),
        (#"{"a":1,}"#, "expected a member name"),
        (#"[1,]"#, "unexpected character ']'"),
        (#"{"a":01}"#, "leading zero"),
        (#"{"a":NaN}"#, "unexpected character 'N'"),
        (#"{"a":1} x"#, "unexpected data after"),
        (#"{"a":"\ud800"}"#, "unpaired surrogate"),
        (#"{"a":"\x"}"#, "invalid escape"),
        ("{\"a\":\"\u{01}\"}", "control character"),
        (#"{"a":tru}"#, "invalid literal"),
        (#"{"a":1.}"#, "invalid fraction"),
        (#"{"a":"abc"#, "unterminated string"),
        ("", "unexpected end of input"),
    ])
    func rejectsInvalidJSON(text: String, reason: String) {
        #expect {
            try parser.parse(text, context: "claims")
        } throws: { error in
            (error as? JOSEError)?.code == .invalidJSON && "\(error)".contains(reason) && "\(error)".hasPrefix("claims:")
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect { try parser.parse(bytes) } throws: { "\($0)".contains("invalid UTF-8") }
        let overlong: [UInt8] = Array(#"{"a":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)
        #expect { try parser.parse(overlong) } throws: { "\($0)".contains("invalid UTF-8") }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect { try parser.parse(deep) } throws: { "\($0)".contains("nesting deeper than the limit of 64") }
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect { try parser.parse(objects) } throws: { "\($0)".contains("nesting deeper") }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try parser.parse(ok) }
    }

    @Test func sizeLimit() {
        let parser = JSONParser(limits: .init(maxBytes: 10))
        #expect { try parser.parse(#"{"a":"0123456789"}"#) } throws: { ($0 as? JOSEError)?.code == .inputTooLarge }
    }
}
