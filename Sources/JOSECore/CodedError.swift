/// A stable error code such as `JOSE-003`: a string for programs and logs, and the ``ErrorClass`` it belongs to.
///
/// Each module declares its codes as a `struct Code` with static members (the shape swift-nio and
/// async-http-client use), not as a frozen enum: a new code is not a source break, and callers outside the module
/// match the codes they care about and decide everything else by ``errorClass``. Codes are never renumbered or reused;
/// `allCases` lists them so a test can prove they are unique. Equality and hashing use the string only.
public protocol ErrorCode: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible
where RawValue == String, AllCases == [Self] {
    /// How a failure with this code ends a program (exit code, report category).
    var errorClass: ErrorClass { get }
}

extension ErrorCode {
    /// The declared code with this string, if any.
    public init?(rawValue: String) {
        guard let code = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = code
    }

    public var description: String { rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// The one error shape every module uses: a stable ``ErrorCode`` and a message for people that never contains a
/// secret, a key or a token. Equality compares the code only, so tests match the kind of failure while the message
/// stays free to carry detail (file, segment, byte offset, member name, …).
public protocol CodedError: Error, Sendable, Equatable, CustomStringConvertible {
    associatedtype Code: ErrorCode
    var code: Code { get }
    var message: String { get }
}

extension CodedError {
    /// The class of the failure (from its code): what the command layer turns into an exit code.
    public var errorClass: ErrorClass { code.errorClass }

    public var description: String { message }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}
