import JOSECore

/// The scopes a token grants, read from every claim that commonly carries them:
/// `scope` (a space-separated string, RFC 8693 §4.2, RFC 9068 §2.2.3 — or, as UAA-style issuers and seed 001
/// send it, a JSON array of strings: read as granted and reported in ``deviations``), `scp` (a string or an array, Microsoft /
/// Okta), `scopes` and `roles` (arrays, RFC 9068 §2.2.3.1 / RFC 7643 `roles`). Tokens are compared exactly and
/// case-sensitively, byte for byte with no Unicode normalization (RFC 6749 §3.3): `read` never matches `read:all` or `Read`.
public struct ScopeSet: Sendable, Equatable {
    /// The claims scopes are read from, in order.
    public static let claimNames = ["scope", "scp", "scopes", "roles"]

    /// Every granted scope, unique, in first-seen order.
    public let granted: [String]
    /// The claims they came from.
    public let sources: [String]
    /// Scope claims that had an unusable shape (e.g. `scope` as a number), as messages.
    public let problems: [String]
    /// Scope claims read although their shape departs from the standard (`scope` as an array), as messages.
    public let deviations: [String]

    public init(granted: [String], sources: [String] = [], problems: [String] = [], deviations: [String] = []) {
        self.granted = granted
        self.sources = sources
        self.problems = problems
        self.deviations = deviations
    }

    /// The message for a `scope` claim sent as a JSON array (RFC 9068 §2.2.3 says a space-separated string).
    public static func scopeArrayDeviation(count: Int) -> String {
        "\"scope\" is a JSON array, not a space-separated string (RFC 9068 §2.2.3); its \(count) string\(count == 1 ? "" : "s") are read as granted scopes"
    }

    public init(claims: JSONObject) {
        var list = Granted()
        var sources: [String] = []
        var problems: [String] = []
        var deviations: [String] = []
        for name in Self.claimNames {
            guard let value = claims[name] else { continue }
            switch value {
            case .string(let text) where name == "scope" || name == "scp":
                // scope-token delimiter is exactly %x20 (RFC 6749 §3.3).
                Self.splitOnSpaces(text) { list.add($0) }
                sources.append(name)
            case .array(let items):
                var ok = true
                var strings = 0
                for item in items {
                    if case .string(let s) = item {
                        list.add(s)
                        strings += 1
                    } else {
                        ok = false
                    }
                }
                if !ok { problems.append("\"\(name)\" holds a non-string element; those were ignored") }
                if name == "scope" { deviations.append(Self.scopeArrayDeviation(count: strings)) }
                sources.append(name)
            default:
                let expected = name == "scope" ? "a space-separated string" : name == "scp" ? "a string or an array of strings" : "an array of strings"
                problems.append("\"\(name)\" must be \(expected), found \(value.typeName)")
            }
        }
        self.granted = list.granted
        self.sources = sources
        self.problems = problems
        self.deviations = deviations
    }

    /// Granted scopes, unique, in first-seen order: a value mutated in place (a nested function capturing the
    /// arrays cost a heap box and dynamic exclusivity checks per token).
    struct Granted {
        var granted: [String] = []
        // A token grants a handful of scopes: a linear scan; a hash set only past ``linearLimit``.
        var seen: Set<ExactString> = []

        mutating func add(_ s: String) {
            guard !s.isEmpty else { return }
            if granted.count < ScopeSet.linearLimit {
                if !ExactText.contains(granted, s) { granted.append(s) }
                return
            }
            if seen.isEmpty { seen = Set(granted.map(ExactString.init)) }
            if seen.insert(ExactString(s)).inserted { granted.append(s) }
        }
    }

    /// The non-empty runs between %x20 bytes of `text`, in order.
    static func splitOnSpaces(_ text: String, _ body: (String) -> Void) {
        // One pass over the contiguous UTF-8 (a native or small string is already; others are made so once).
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x20 {
                if start != index { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if start != bytes.count { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        }
    }

    /// Up to this many scopes, membership is a linear scan of exact byte comparisons (no set is built per token).
    static let linearLimit = 16

    /// Required scopes that are not granted, in the order given.
    public func missing(_ required: [String]) -> [String] {
        Self.notIn(granted, required)
    }

    /// Granted scopes outside `allowed`, in granted order.
    public func excess(_ allowed: [String]) -> [String] {
        Self.notIn(allowed, granted)
    }

    /// The members of `items` not in `list`, exactly compared, in order; empty results allocate nothing.
    static func notIn(_ list: [String], _ items: [String]) -> [String] {
        if list.count <= linearLimit || items.count <= 2 {
            var out: [String] = []
            for item in items where !ExactText.contains(list, item) { out.append(item) }
            return out
        }
        let set = Set(list.map(ExactString.init))
        return items.filter { !set.contains(ExactString($0)) }
    }
}
