import Testing
@testable import JOSECore

/// The one base64 encoder behind ``Base64`` (RFC 4648 §4, padded) and ``Base64URL`` (RFC 4648 §5 without padding,
/// RFC 7515 §2), and the padded decoder HTTP Basic uses (RFC 7617 §2).
@Suite struct Base64Tests {
    /// RFC 4648 §10 test vectors.
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: rfc4648)
    func standardEncodesAndDecodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    /// The same vectors through the base64url alphabet: padding dropped (RFC 7515 §2), nothing else differs here.
    @Test(arguments: rfc4648)
    func urlEncodesRFC4648VectorsWithoutPadding(plain: String, encoded: String) throws {
        let unpadded = String(encoded.filter { $0 != "=" })
        #expect(Base64URL.encode(Array(plain.utf8)) == unpadded)
        #expect(try Base64URL.decode(unpadded) == Array(plain.utf8))
    }

    /// Bytes that reach the last two alphabet entries: `+` `/` in RFC 4648 §4, `-` `_` in §5.
    @Test(arguments: [
        ([0xFB, 0xFF] as [UInt8], "+/8=", "-_8"),
        ([0xFF, 0xFF, 0xFF], "////", "____"),
        ([0x00, 0x10, 0x83, 0x10, 0x51, 0x87, 0x20, 0x92, 0x8B, 0x30, 0xD3, 0x8F, 0x41, 0x14, 0x93, 0x51, 0x55, 0x97,
          0x61, 0x96, 0x9B, 0x71, 0xD7, 0x9F, 0x82, 0x18, 0xA3, 0x92, 0x59, 0xA7, 0xA2, 0x9A, 0xAB, 0xB2, 0xDB, 0xAF,
          0xC3, 0x1C, 0xB3, 0xD3, 0x5D, 0xB7, 0xE3, 0x9E, 0xBB, 0xF3, 0xDF, 0xBF],
         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
    ])
    func alphabets(bytes: [UInt8], standard: String, url: String) throws {
        #expect(Base64.encode(bytes) == standard)
        #expect(Base64URL.encode(bytes) == url)
        #expect(Base64.decode(standard) == bytes)
        #expect(try Base64URL.decode(url) == bytes)
    }

    /// Arrays, slices and collections without contiguous storage give the same text.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 63, 64, 65, 66, 255])
    func everyCollectionKindAgrees(count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let padded = Base64.encode(bytes)
        #expect(padded.utf8.count == (count + 2) / 3 * 4)
        #expect(Base64.encode(bytes[...]) == padded)
        #expect(Base64.encode(bytes.lazy.map { $0 }) == padded)
        #expect(Base64.decode(padded) == bytes)
        let url = Base64URL.encode(bytes)
        #expect(url == String(padded.filter { $0 != "=" }).replacing("+", with: "-").replacing("/", with: "_"))
        #expect(Base64URL.encode(bytes[...]) == url)
        #expect(Base64URL.encode(bytes.lazy.map { $0 }) == url)
        #expect(try Base64URL.decode(url) == bytes)
    }

    /// RFC 4648 §3.3: characters outside the alphabet (whitespace, base64url's `-` `_`) and misplaced or excess
    /// padding are errors; so is a length that is not a multiple of four (§4: padded).
    @Test(arguments: ["Zm9v!", "Zm9", "Zm9vYg", "Zg=a", "Z===", "====", "Zm9v-_==", " Zm8=", "Zm8=\n", "Zm=8", "Zg==Zg=="])
    func standardRejectsMalformed(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
