/// Counted nouns for messages people read: `1 endpoint`, `2 endpoints`, `0 calls`.
public enum Plural {
    /// `count` and the noun, with `s` appended unless the count is exactly one (or `plural` when given).
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
