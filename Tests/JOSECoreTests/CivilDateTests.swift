import Testing
import JOSECore

/// Days from 1970-01-01 and back, proleptic Gregorian (the conversion behind `UTCTime`, `HTTPDate` and the reports).
@Suite struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (2000, 2, 29, 11_016),   // leap: divisible by 400
        (2000, 3, 1, 11_017),
        (1900, 3, 1, -25_508),   // 1900 is not leap: 28 Feb is the day before
        (2024, 2, 29, 19_782),
        (2011, 3, 22, 15_055),
        (1, 1, 1, -719_162),     // NumericDate's earliest (RFC 7519 §2 as this kit bounds it)
        (9999, 12, 31, 2_932_896),
        (0, 3, 1, -719_468),     // the algorithm's era origin
    ] as [(Int64, Int64, Int64, Int64)])
    func knownDates(year: Int64, month: Int64, day: Int64, days: Int64) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    /// RFC 3339 §5.7: the day must exist in its month and year.
    @Test(arguments: [
        (2023, 2, 29), (1900, 2, 29), (2100, 2, 29), (2024, 4, 31), (2024, 6, 31), (2024, 1, 32), (2024, 1, 0),
        (2024, 0, 1), (2024, 13, 1), (1_000_000_000_001, 1, 1),
    ] as [(Int64, Int64, Int64)])
    func rejectsDaysTheMonthDoesNotHave(year: Int64, month: Int64, day: Int64) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [(2000, true), (2024, true), (1900, false), (2100, false), (2023, false), (0, true), (-4, true)] as [(Int64, Bool)])
    func leapYears(year: Int64, leap: Bool) {
        #expect(CivilDate.isLeapYear(year) == leap)
    }

    /// Every day from 1600-01-01 to 2400-12-31 round-trips, exists, and is the day after the one before.
    @Test func roundTripsFourCenturies() {
        var previous = CivilDate(daysSinceEpoch: -135_141)
        #expect(previous == CivilDate(year: 1599, month: 12, day: 31))
        for days in Int64(-135_140)...157_419 {
            let date = CivilDate(daysSinceEpoch: days)
            let sameMonth = date.year == previous.year && date.month == previous.month && date.day == previous.day + 1
            let monthTurned = date.day == 1 && CivilDate(year: previous.year, month: previous.month, day: previous.day + 1) == nil
                && (date.month == 1 ? previous.month == 12 && date.year == previous.year + 1 : date.month == previous.month + 1 && date.year == previous.year)
            guard date.daysSinceEpoch == days, CivilDate(year: date.year, month: date.month, day: date.day) == date, sameMonth || monthTurned else {
                Issue.record("day \(days): \(previous) → \(date)")
                return
            }
            previous = date
        }
        #expect(previous == CivilDate(year: 2400, month: 12, day: 31))
    }

    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_300_819_380, "2011-03-22T18:43:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ] as [(Int64, String)])
    func civilTimes(seconds: Int64, text: String) {
        #expect(CivilTime(epochSeconds: seconds).iso8601() == text)
    }

    /// Total for every Int64: no trap at the extremes.
    @Test(arguments: [Int64.min, Int64.max])
    func extremesDoNotTrap(seconds: Int64) {
        let time = CivilTime(epochSeconds: seconds)
        #expect((0..<86_400).contains(time.secondOfDay))
        _ = CivilDate(daysSinceEpoch: seconds)
    }
}
