import NIOConcurrencyHelpers

/// Counts the answers the mock is holding back (the `slow` fault) at once, and the most it ever held: a test can
/// tell that a client sent its requests together without timing it.
public final class DelayGauge: Sendable {
    private let state = NIOLockedValueBox((current: 0, peak: 0))

    public init() {}

    /// The most answers held back at the same time since the server started.
    public var peak: Int { state.withLockedValue { $0.peak } }

    /// Holds an answer back for `delay`, counted while it waits.
    func hold(for delay: Duration) async {
        state.withLockedValue { s in
            s.current += 1
            s.peak = max(s.peak, s.current)
        }
        try? await Task.sleep(for: delay)
        state.withLockedValue { $0.current -= 1 }
    }
}
