import Yams

extension SuiteLoader {
    /// The endpoint names a suite file declares, as written (no `${VAR}` replaced, nothing else checked): what
    /// `--only` accepts. For shell completion, so a suite that does not load gives what it can and never an error.
    public static func endpointNames(in text: String) -> [String] {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let top) = root,
              let endpoints = top["endpoints"], case .sequence(let list) = endpoints else { return [] }
        return list.compactMap { node -> String? in
            guard case .mapping(let fields) = node else { return nil }
            return fields["name"]?.scalar?.string
        }
    }
}
