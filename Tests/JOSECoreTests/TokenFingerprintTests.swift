import Testing
import JOSECore

/// One name per token everywhere (verify, conform, reports, the client's redactor): `sha256:` + 16 hex digits.
@Suite struct TokenFingerprintTests {
    @Test(arguments: [
        ("", "sha256:e3b0c44298fc1c14"),     // SHA-256 of the empty string (FIPS 180-2 / RFC 6234)
        ("abc", "sha256:ba7816bf8f01cfea"),  // FIPS 180-2 Appendix B.1
    ])
    func knownDigests(token: String, fingerprint: String) {
        #expect(TokenFingerprint.of(token) == fingerprint)
    }

    @Test func lengthIsSixteenHexDigits() {
        let fingerprint = TokenFingerprint.of("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
        #expect(fingerprint.utf8.count == "sha256:".utf8.count + 16)
        #expect(fingerprint.dropFirst(7).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
