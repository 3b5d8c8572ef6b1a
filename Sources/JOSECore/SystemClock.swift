#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one `clock_gettime` wrapper. JOSECore never reads it itself (every rule takes the time as a value); the
/// processes that need the real time (the `jwt` commands, the mock server, the benchmark) read it here.
public enum SystemClock {
    /// Now as epoch seconds with a fraction: a NumericDate's scale (RFC 7519 §2, seconds since 1970-01-01T00:00:00Z
    /// UTC ignoring leap seconds, which is what `CLOCK_REALTIME` counts).
    @Sendable public static func now() -> Double { seconds(CLOCK_REALTIME) }

    /// Seconds on a clock that never steps back, for measuring intervals; its origin is arbitrary.
    @Sendable public static func monotonic() -> Double { seconds(CLOCK_MONOTONIC) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
