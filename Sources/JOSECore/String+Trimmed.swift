extension String {
    /// The text without leading and trailing characters of `set` (default: space and tab, HTTP's OWS, RFC 9110 §5.6.3).
    public func trimmed(_ set: String = " \t") -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
