import JOSECore
import Testing
@testable import OAuth2MockServer

@Suite("HTTP Basic decoding in the mock")
struct BasicDecodingTests {
    @Test(arguments: [("Zm9vYmFy", "foobar"), ("Zm9vYg==", "foob"), ("Zm8=", "fo"), ("", "")])
    func decodes(_ encoded: String, _ plain: String) {
        #expect(StandardBase64.decode(encoded) == Array(plain.utf8))
    }

    @Test(arguments: ["Zm9v!", "Zm9", "Zg=a", "Z===", "Zm9v-_"])
    func rejects(_ encoded: String) {
        #expect(StandardBase64.decode(encoded) == nil)
    }

    @Test func rfc6749BasicDecodesFormEncodedParts() {
        let header = "Basic MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA=="
        let decoded = RequestCredentials.rfc6749Basic(header)
        #expect(decoded?.id == "1PpG/Q 1")
        #expect(decoded?.secret == "z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=")
    }
}
