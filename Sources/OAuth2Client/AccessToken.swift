import JOSECore

/// An issued access token. Printing it shows only its ``TokenFingerprint``; ``value`` is for sending it and validating it.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let value: String

    public init(_ value: String) { self.value = value }

    public var fingerprint: String { TokenFingerprint.of(value) }
    public var description: String { "<token \(fingerprint)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["fingerprint": fingerprint], displayStyle: .struct) }
}
