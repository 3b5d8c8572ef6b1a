import Testing
@testable import JOSECore

/// Differential tests: the optimized JSON parser, base64url decoder, header/claims readers and compact parser must
/// agree with the original implementation (`ReferenceParser.swift`) on every input: equal values when both accept,
/// the same error code and the same message when both refuse. Inputs come from a seeded generator (reproducible)
/// plus byte-level mutations that hit the error paths (escapes, surrogates, UTF-8, control bytes, duplicates
/// spelled with escapes, limits, truncation).
@Suite struct ParserDifferentialTests {
    /// SplitMix64: deterministic, so a failure names a reproducible seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let names: [String] = [
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time", "alg", "enc", "typ", "cty", "kid", "crit", "jku",
        "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64", "a", "b", "", "\\u0061", "i\\u0073s", "\\u0069\\u0073\\u0073",
        "al\\u0067", "client_id", "scope", "preferred_username", "a_name_longer_than_sixteen_bytes", "sévère", "\\ud83d\\ude00",
        "😀", "n\\u0000", "n", "\\\"q", "x5t#S25", "exq", "eyp", "auth_timf", "abcdefgh", "abcdefghi", "abcdefg",
    ]
    static let stringPieces: [String] = [
        "a", "RS256", "HS256", "none", "ES256", "at+jwt", "JWT", "https://auth.example.test/", "\\\"", "\\\\", "\\/",
        "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0061", "\\ud83d\\ude00", "é", "😀", "€", "0123456789abcdef",
        "svc-inventory@clients", " ", "\\u2028", "\\uFFFF", "\\u0000", "x",
    ]
    static let numbers: [String] = [
        "0", "-0", "1", "-1", "1714564800", "-1714564800", "123456789012345", "1234567890123456", "9007199254740993",
        "12345678901234567890", "1.5", "-2.5E+10", "1e3", "0.1", "1E-7", "100000000000", "1.0", "-0.0", "0e0",
        "999999999999999", "-999999999999999", "9999999999999999",
    ]
    static let interesting: [UInt8] = Array("\"\\{}[]:,0123456789eE+-.utfnrl /\t\n\r".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    static func string(_ r: inout Random) -> String {
        var s = ""
        for _ in 0..<r.below(6) { s += r.pick(stringPieces) }
        return "\"" + s + "\""
    }

    static func whitespace(_ r: inout Random) -> String {
        r.chance(80) ? "" : r.pick([" ", "\n", "\t", "\r\n  "])
    }

    static func value(_ r: inout Random, depth: Int) -> String {
        let kind = depth > 3 ? r.below(5) : r.below(7)
        switch kind {
        case 0, 1: return string(&r)
        case 2: return r.pick(numbers)
        case 3: return r.pick(["true", "false", "null"])
        case 4: return r.chance(50) ? string(&r) : r.pick(numbers)
        case 5:
            let items = (0..<r.below(5)).map { _ in whitespace(&r) + value(&r, depth: depth + 1) + whitespace(&r) }
            return "[" + items.joined(separator: ",") + "]"
        default: return object(&r, depth: depth + 1)
        }
    }

    static func object(_ r: inout Random, depth: Int) -> String {
        let members = (0..<r.below(depth == 1 ? 20 : 6)).map { _ in
            whitespace(&r) + "\"" + r.pick(names) + "\"" + whitespace(&r) + ":" + whitespace(&r) + value(&r, depth: depth) + whitespace(&r)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func mutate(_ bytes: [UInt8], _ r: inout Random) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + r.below(3)) {
            let at = bytes.isEmpty ? 0 : r.below(bytes.count)
            switch r.below(5) {
            case 0 where !bytes.isEmpty: bytes[at] = r.pick(interesting)
            case 1 where !bytes.isEmpty: bytes.remove(at: at)
            case 2: bytes.insert(r.pick(interesting), at: at)
            case 3 where !bytes.isEmpty: bytes = Array(bytes[..<at])
            default: bytes.insert(contentsOf: Array(r.pick(["\\u", "\\ud800", "\\udc00", "\\u00", "\"a\":1,", "\\", "é", "\u{2028}"]).utf8), at: at)
            }
        }
        return bytes
    }

    static func outcome<T>(_ body: () throws(JOSEError) -> T) -> Result<T, JOSEError> {
        do throws(JOSEError) { return .success(try body()) } catch { return .failure(error) }
    }

    static func sameError(_ a: JOSEError, _ b: JOSEError) -> Bool { a.code == b.code && a.message == b.message }

    static func compareJSON(_ bytes: [UInt8], limits: JSONParser.Limits = .default) -> Bool {
        let expected = outcome { () throws(JOSEError) in try ReferenceJSON.parse(bytes, limits: limits, context: "claims") }
        let actual = outcome { () throws(JOSEError) in try JSONParser(limits: limits).parse(bytes, context: "claims") }
        switch (expected, actual) {
        case (.success(let a), .success(let b)): return a == b && a.compact == b.compact
        case (.failure(let a), .failure(let b)): return sameError(a, b)
        default: return false
        }
    }

    @Test(arguments: 0..<8)
    func jsonParserAgreesWithReference(seed: Int) {
        var r = Random(state: UInt64(seed) &* 7919 &+ 1)
        var failures: [String] = []
        for _ in 0..<1500 {
            let document = Array(Self.object(&r, depth: 1).utf8)
            let inputs = [document, Self.mutate(document, &r), Self.mutate(document, &r), Array(Self.value(&r, depth: 2).utf8)]
            for input in inputs {
                let limits: JSONParser.Limits = r.chance(10) ? .init(maxBytes: r.below(200), maxDepth: r.below(4)) : .default
                if !Self.compareJSON(input, limits: limits), failures.count < 5 {
                    failures.append(String(decoding: input, as: UTF8.self))
                }
            }
        }
        #expect(failures.isEmpty, "inputs where the parsers disagree: \(failures)")
    }

    @Test(arguments: [
        #"{"a":1,"\u0061":2}"#, #"{"\u0061":1,"a":2}"#, #"{"iss":1,"i\u0073s":2}"#, #"{"😀":1,"\ud83d\ude00":2}"#,
        #"{"abcdefgh":1,"abcdefgh":2}"#, #"{"abcdefghi":1,"abcdefgh":2}"#, #"{"n\u0000":1,"n":2}"#, #"{"n":1,"n\u0000":2}"#,
        #"{"a":"\ud800\u0041"}"#, #"{"a":"\udc00"}"#, "{\"a\":\"\u{7F}\"}", #"{"a":"abcdefgh\"#, #"{"a":"abcdefghijklmnop"#,
        #"{"a":-}"#, #"{"a":-01}"#, #"{"a":1e}"#, #"{"a":1e+}"#, #"{"a":.5}"#, #"{"a":1.5e-3}"#, "{\"a\":\"x\u{2028}\"}",
    ])
    func edgeCasesAgreeWithReference(text: String) {
        #expect(Self.compareJSON(Array(text.utf8)))
    }

    @Test func invalidUTF8AndControlBytesAtEveryPosition() {
        // Each special byte at each offset of strings up to 40 bytes long (crosses the 8-byte word boundaries).
        for length in 0..<40 {
            for offset in 0..<max(length, 1) {
                for special: [UInt8] in [[0x00], [0x1F], [0x22], [0x5C], [0x80], [0xC3, 0xA9], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x7F], [0xE2, 0x82, 0xAC]] {
                    var body = [UInt8](repeating: UInt8(ascii: "q"), count: length)
                    if length > 0 { body.replaceSubrange(offset..<offset + 1, with: special) }
                    let document = Array(#"{"k":""#.utf8) + body + Array(#"","#.utf8) + body + Array(#"":1}"#.utf8)
                    #expect(Self.compareJSON(document), "length \(length) offset \(offset) special \(special)")
                }
            }
        }
    }

    @Test(arguments: 0..<4)
    func base64URLAgreesWithReference(seed: Int) {
        var r = Random(state: UInt64(seed) &+ 99)
        for _ in 0..<3000 {
            let bytes = (0..<r.below(90)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            var text = Array(Base64URL.encode(bytes).utf8)
            if r.chance(60) {
                let at = text.isEmpty ? 0 : r.below(text.count)
                switch r.below(3) {
                case 0 where !text.isEmpty: text[at] = r.pick(Array("=+/ \n.?\u{7F}AQgw_-".utf8) + [0x00, 0x80, 0xFF])
                case 1 where !text.isEmpty: text.remove(at: at)
                default: text.insert(r.pick(Array("A=+-_".utf8)), at: at)
                }
            }
            let expected = Self.outcome { () throws(JOSEError) in try text.withUnsafeBufferPointer { b throws(JOSEError) in try ReferenceBase64URL.decode(b, segment: "payload") } }
            let actual = Self.outcome { () throws(JOSEError) in try text.withUnsafeBufferPointer { b throws(JOSEError) in try Base64URL.decode(b, segment: "payload") } }
            let agree: Bool
            switch (expected, actual) {
            case (.success(let a), .success(let b)): agree = a == b
            case (.failure(let a), .failure(let b)): agree = Self.sameError(a, b)
            default: agree = false
            }
            #expect(agree, "input \(String(decoding: text, as: UTF8.self))")
            if !agree { return }
        }
    }

    static func header(_ r: inout Random) -> String {
        let parameters = ["alg", "enc", "typ", "cty", "kid", "crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64", "zip", "a\\u006cg"]
        var members: [String] = []
        if r.chance(90) { members.append(#""alg":"# + r.pick([#""HS256""#, #""none""#, #""RS256""#, "1", "null", #""A128KW""#])) }
        for _ in 0..<r.below(6) {
            let name = r.pick(parameters)
            let value: String
            switch r.below(6) {
            case 0: value = #"["exp","b64"]"#
            case 1: value = "[]"
            case 2: value = r.pick(["true", "false"])
            case 3: value = #"{"kty":"oct"}"#
            case 4: value = #"["AA",1]"#
            default: value = string(&r)
            }
            members.append("\"\(name)\":\(value)")
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func claims(_ r: inout Random) -> String {
        let registered = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time", "scope", "i\\u0073s"]
        var members: [String] = []
        for _ in 0..<r.below(12) {
            let value: String
            switch r.below(5) {
            case 0: value = r.pick(numbers)
            case 1: value = r.pick([#"["a","b"]"#, #"["a",1]"#, "[]", "true", "null", "{}"])
            default: value = string(&r)
            }
            members.append("\"\(r.pick(registered))\":\(value)")
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func compareTokens(_ bytes: [UInt8]) -> Bool {
        let expected = outcome { () throws(JOSEError) in try ReferenceCompactToken.parse(bytes: bytes) }
        let actual = outcome { () throws(JOSEError) in try CompactToken.parse(bytes: bytes) }
        switch (expected, actual) {
        case (.failure(let a), .failure(let b)): return sameError(a, b)
        case (.success(.jwe(let a)), .success(.jwe(let b))): return a.header.matches(b.header)
        case (.success(.jws(let a)), .success(.jws(let b))):
            guard a.header.matches(b.header), a.payload == b.payload, a.signature == b.signature,
                a.signingInput == b.signingInput, a.isUnsecured == b.isUnsecured,
                a.signatureDefect?.code == b.signatureDefect?.code
            else { return false }
            switch (a.claims, b.claims) {
            case (.success(let x), .success(let y)): return x.matches(y)
            case (.failure(let x), .failure(let y)): return sameError(x, y)
            default: return false
            }
        default: return false
        }
    }

    @Test(arguments: 0..<6)
    func compactTokensAgreeWithReference(seed: Int) {
        var r = Random(state: UInt64(seed) &* 31 &+ 5)
        var failures: [String] = []
        for _ in 0..<1500 {
            let header = Array(Self.header(&r).utf8)
            let payload = r.chance(85) ? Array(Self.claims(&r).utf8) : Array(r.pick(["[1]", "Payload", " {\"a\":1}", "", "{"]).utf8)
            let signature = (0..<r.pick([0, 32, 64, 256])).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            let h = r.chance(10) ? Self.mutate(header, &r) : header
            let p = r.chance(10) ? Self.mutate(payload, &r) : payload
            var token = Base64URL.encode(h) + "." + Base64URL.encode(p) + "." + Base64URL.encode(signature)
            if r.chance(5) { token = Base64URL.encode(h) + ".AAAA.BBBB.CCCC.DDDD" }
            var bytes = Array(token.utf8)
            if r.chance(10) { bytes = Self.mutate(bytes, &r) }
            if !Self.compareTokens(bytes), failures.count < 5 { failures.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(failures.isEmpty, "tokens where the parsers disagree: \(failures)")
    }

    @Test func registeredNameKeysAreTheKeysOfTheirNames() {
        for name in RegisteredName.allCases {
            #expect(JSONObject.hash(name.text) == name.rawValue, "\(name.text)")
            #expect(RegisteredName(rawValue: JSONObject.hash(name.text)) == name)
            #expect(RegisteredName.lookup(JSONObject.hash(name.text)) == name, "\(name.text) is not found: change the multiplier")
        }
        for name in ["client_id", "auth_time", "x5t#S256", "als", "Alg", "alg\u{0}", "", "isss", "jwks", "qq", "é"] {
            #expect(RegisteredName.lookup(JSONObject.hash(name)) == nil, "\(name)")
        }
        // Keys of short names are exact; long names are flagged so they never collide with a short key.
        #expect(JSONObject.hash("alg") != JSONObject.hash("alg\u{0}"))
        #expect(JSONObject.hash("x5t#S256") >= 1 << 63)
        #expect(JSONObject.hash("") == 0)
    }

    @Test func doubleValueAgreesWithStrtod() {
        var texts = Self.numbers + ["", "-", "+1", " 1", "1 ", "007", "-007", "0x10", "inf", "nan", "1_000", "٣", "999999999999999",
            "1000000000000000", "-9999999999999999", "4503599627370497", "9007199254740993123"]
        var r = Random(state: 42)
        for _ in 0..<2000 {
            let digits = 1 + r.below(17)
            texts.append((r.chance(30) ? "-" : "") + String((0..<digits).map { _ in Character(Unicode.Scalar(UInt8(48 + r.below(10)))) }))
        }
        for text in texts {
            let expected = Double(text)
            let actual = JSONNumber(text: text).doubleValue
            #expect(expected?.bitPattern == actual?.bitPattern, "\(text)")
        }
    }
}
