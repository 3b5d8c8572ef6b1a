import Testing
@testable import OAuth2Client

/// The codecs themselves are tested once, in JOSECoreTests (`FormURLEncodingTests`, `Base64Tests`).
@Suite("RFC 6749 §2.3.1 Basic credentials")
struct FormEncodingTests {
    /// The vector from issue 4: id and secret form-encoded, joined by ':', base64.
    @Test func rfc6749BasicVector() {
        let value = rfc6749BasicCredentials(clientID: "1PpG/Q 1", secret: Secret("z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw="))
        #expect(value == "MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA==")
    }
}
