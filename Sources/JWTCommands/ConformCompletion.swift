import OAuth2Conformance

/// Shell completion for `jwt conform` (argument-parser's `.custom` completion kind).
enum ConformCompletion {
    /// Largest suite file read while completing (a suite is a few kilobytes).
    static let maxSuiteBytes = 1 << 20

    /// `--only`'s candidates: the endpoint names of the suite files on the command line (`*.yaml`, `*.yml`) that
    /// start with `prefix`, in file order, each once. Unreadable or malformed files contribute nothing.
    static func endpointNames(words: [String], prefix: String, environment: CommandEnvironment) -> [String] {
        var names: [String] = []
        for word in words where word.hasSuffix(".yaml") || word.hasSuffix(".yml") {
            guard let bytes = try? environment.readFile(word, maxSuiteBytes), bytes.count <= maxSuiteBytes else { continue }
            for name in SuiteLoader.endpointNames(in: String(decoding: bytes, as: UTF8.self))
            where name.hasPrefix(prefix) && !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }
}
