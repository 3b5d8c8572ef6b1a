/// Counts how often a limited fault (`name:N`) has been applied, so `503:1` means "503 once, then normal".
actor FaultCounter {
    private var used: [String: Int] = [:]

    /// Whether the fault keyed by `key` may still be applied `limit` times; counts this use.
    func take(_ key: String, limit: Int) -> Bool {
        let n = used[key, default: 0]
        guard n < limit else { return false }
        used[key] = n + 1
        return true
    }
}
