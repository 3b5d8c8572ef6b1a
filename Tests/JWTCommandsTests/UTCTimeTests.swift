import Testing
@testable import JWTCommands

@Suite struct UTCTimeTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_300_819_380, "2011-03-22T18:43:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_714_564_800.5, "2024-05-01T12:00:00.500Z"),
        (-86_400, "1969-12-31T00:00:00Z"),
        (4_102_444_800, "2100-01-01T00:00:00Z"),
    ] as [(Double, String)])
    func formatsAndParses(seconds: Double, text: String) {
        #expect(UTCTime.format(seconds) == text)
        #expect(UTCTime.parse(text) == seconds)
    }

    /// RFC 3339 §5.7: a day its month does not have (30 February, 29 February outside a leap year) is no time.
    @Test(arguments: ["2024-13-01T00:00:00Z", "2024-01-01 00:00:00", "soon", "2024-01-01T00:00:00+02:00", "",
                      "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-04-31T00:00:00Z", "1900-02-29T00:00:00Z"])
    func rejects(text: String) { #expect(UTCTime.parse(text) == nil) }

    @Test(arguments: [
        (59.0, "59 s"), (180, "3 min"), (86_340, "23 h 59 min"), (3600, "1 h"),
        (200_000, "2 d 7 h"), (86_400 * 400, "1 y 35 d"),
    ] as [(Double, String)])
    func relative(seconds: Double, text: String) {
        #expect(RelativeTime.duration(seconds) == text)
        #expect(RelativeTime.phrase(-seconds) == text + " ago")
        #expect(RelativeTime.phrase(seconds) == "in " + text)
    }
}
