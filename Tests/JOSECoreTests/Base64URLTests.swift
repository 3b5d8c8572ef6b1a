import Testing
@testable import JOSECore

@Suite struct Base64URLTests {
    @Test(arguments: [
        ("", []),
        ("AA", [0]),
        ("AAE", [0, 1]),
        ("AAEC", [0, 1, 2]),
        ("-_8", [0xFB, 0xFF]),
        ("eyJhbGciOiJIUzI1NiJ9", Array(#"{"alg":"HS256"}"#.utf8)),
    ] as [(String, [UInt8])])
    func decodesCanonicalInput(text: String, bytes: [UInt8]) throws {
        #expect(try Base64URL.decode(text) == bytes)
        #expect(Base64URL.encode(bytes) == text)
    }

    @Test(arguments: [
        ("AA==", "padding '='", 2),
        ("AA A", "whitespace", 2),
        ("ab+c", "'+' (standard base64", 2),
        ("ab/c", "'/' (standard base64", 2),
        ("ab?c", "'?'", 2),
        ("abcdA", "impossible", nil),
        ("AB", "non-zero unused bits", 1),
        ("AAF", "non-zero unused bits", 2),
    ] as [(String, String, Int?)])
    func rejectsNonCanonicalInput(text: String, reason: String, offset: Int?) {
        #expect {
            try Base64URL.decode(text, segment: "payload")
        } throws: { error in
            guard let error = error as? JOSEError, error.code == .invalidBase64URL else { return false }
            let offsetOK = offset.map { error.message.contains("byte offset \($0)") } ?? true
            return error.message.hasPrefix("payload:") && error.message.contains(reason) && offsetOK
        }
    }

    @Test func roundTripsEveryLength() throws {
        var bytes: [UInt8] = []
        for n in 0..<300 {
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
            bytes.append(UInt8(truncatingIfNeeded: n &* 37 &+ 11))
        }
    }
}
