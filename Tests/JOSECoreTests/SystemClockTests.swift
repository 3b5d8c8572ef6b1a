import Testing
import JOSECore

@Suite struct SystemClockTests {
    /// Wall-clock seconds on the NumericDate scale (RFC 7519 §2): after 2020-01-01 and inside the years 1…9999.
    @Test func nowIsEpochSeconds() {
        let now = SystemClock.now()
        #expect(now > 1_577_836_800)
        #expect(NumericDate.range(of: now) == .inRange)
    }

    @Test func monotonicNeverStepsBack() {
        var last = SystemClock.monotonic()
        for _ in 0..<1000 {
            let next = SystemClock.monotonic()
            #expect(next >= last)
            last = next
        }
    }
}
