import JOSECore
import Testing
@testable import OAuth2MockServer

/// Base64 and form decoding are tested once, in JOSECoreTests; here only how the mock reads the headers.
@Suite("HTTP Basic decoding in the mock")
struct BasicDecodingTests {
    @Test func rfc6749BasicDecodesFormEncodedParts() {
        let header = "Basic MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA=="
        let decoded = RequestCredentials.rfc6749Basic(header)
        #expect(decoded?.id == "1PpG/Q 1")
        #expect(decoded?.secret == "z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=")
    }
}
