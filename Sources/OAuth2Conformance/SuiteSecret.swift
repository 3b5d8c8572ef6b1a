/// A credential resolved from an environment variable or a file named in the suite. Its description is redacted, so
/// interpolation, `print` and `dump` never show it; `reveal()` is for building requests only.
public struct SuiteSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String
    /// Where it came from, for messages: `env MOCK_SECRET` or `file secrets/x`.
    public let source: String

    public init(_ value: String, source: String) {
        self.value = value
        self.source = source
    }

    public func reveal() -> String { value }
    public var description: String { "<secret from \(source)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
