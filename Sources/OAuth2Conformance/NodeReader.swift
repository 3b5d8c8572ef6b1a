import Yams

/// Typed, strict access to a composed YAML tree, with `${VAR}` interpolation and errors that name the place.
struct NodeReader {
    let suite: String
    let variables: [String: String]

    init(suite: String, variables: [String: String]) {
        self.suite = suite
        self.variables = variables
    }

    func error(_ code: ConformanceError.Code, _ path: String, _ problem: String) -> ConformanceError {
        ConformanceError(code, "\(suite): \(path.isEmpty ? "top level" : path): \(problem)")
    }

    static func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }

    /// A mapping with string keys; `keys` lists the allowed ones (nil: any).
    func mapping(_ node: Node, at path: String, keys: Set<String>?) throws(ConformanceError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(.invalidSuite, path, "expected a mapping of keys to values") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(.invalidSuite, path, "keys must be plain strings") }
            if let keys, !keys.contains(name) {
                let place = path.isEmpty ? name : "\(path).\(name)"
                throw error(.unknownKey, place, "unknown key '\(name)' (allowed: \(keys.sorted().joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    func sequence(_ node: Node, at path: String) throws(ConformanceError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(.invalidSuite, path, "expected a list") }
        return Array(sequence)
    }

    /// A string scalar with `${VAR}` replaced.
    func string(_ node: Node, at path: String) throws(ConformanceError) -> String {
        guard let scalar = node.scalar else { throw error(.invalidSuite, path, "expected a string") }
        return try interpolate(scalar.string, at: path)
    }

    func strings(_ node: Node, at path: String) throws(ConformanceError) -> [String] {
        var out: [String] = []
        for (i, item) in try sequence(node, at: path).enumerated() { out.append(try string(item, at: "\(path)[\(i)]")) }
        return out
    }

    /// Scopes as a list, or as one space-separated string.
    func scopeList(_ node: Node, at path: String) throws(ConformanceError) -> [String] {
        let list = node.scalar != nil ? try string(node, at: path).split(separator: " ").map(String.init) : try strings(node, at: path)
        for scope in list where scope.isEmpty || scope.contains(" ") { throw error(.invalidValue, path, "'\(scope)' is not a scope token") }
        return list
    }

    /// A requested scope: a string or a list, joined with spaces (RFC 6749 §3.3).
    func scopeString(_ node: Node, at path: String) throws(ConformanceError) -> String {
        try scopeList(node, at: path).joined(separator: " ")
    }

    func integer(_ node: Node, at path: String) throws(ConformanceError) -> Int {
        guard let value = Int(try string(node, at: path)) else { throw error(.invalidValue, path, "expected a whole number") }
        return value
    }

    func seconds(_ node: Node, at path: String, allowZero: Bool = false) throws(ConformanceError) -> Double {
        let text = try string(node, at: path)
        guard let value = Double(text), value.isFinite, allowZero ? value >= 0 : value > 0, value <= 86_400 * 366 else {
            throw error(.invalidValue, path, "expected a number of seconds\(allowZero ? "" : " above 0"), got '\(text)'")
        }
        return value
    }

    func status(_ node: Node, at path: String) throws(ConformanceError) -> Int {
        let value = try integer(node, at: path)
        guard (100...599).contains(value) else { throw error(.invalidValue, path, "\(value) is not an HTTP status") }
        return value
    }

    func bool(_ node: Node, at path: String) throws(ConformanceError) -> Bool {
        switch try string(node, at: path).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(.invalidValue, path, "expected true or false, got '\(other)'")
        }
    }

    /// An absolute `http`/`https` URL with a host and no user info or fragment.
    func url(_ node: Node, at path: String) throws(ConformanceError) -> String {
        let text = try string(node, at: path)
        let lower = text.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { throw error(.invalidURL, path, "'\(text)' is not an absolute http:// or https:// URL") }
        let rest = text.dropFirst(schemeLength)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.hasPrefix("[") ? authority : authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !host.isEmpty, !authority.contains("@"), !text.contains("#"),
              !text.contains(where: { $0 == " " || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }),
              authority.split(separator: ":", omittingEmptySubsequences: false).count <= 2 || authority.hasPrefix("["),
              host.allSatisfy({ $0.isLetter || $0.isNumber || "-._[]:".contains($0) })
        else { throw error(.invalidURL, path, "'\(text)' is not a usable URL (host missing or malformed, user info or fragment present)") }
        if authority.contains(":"), !authority.hasPrefix("[") {
            guard let port = Int(authority.split(separator: ":").last ?? ""), (1...65535).contains(port) else {
                throw error(.invalidURL, path, "'\(text)' has a bad port")
            }
        }
        return text
    }

    func variable(_ name: String, at path: String) throws(ConformanceError) -> String {
        guard let value = variables[name] else {
            throw error(.missingVariable, path, "environment variable \(name) is not set")
        }
        return value
    }

    /// Replaces `${NAME}`; `$$` is a literal `$`. An unset variable is an error naming it.
    func interpolate(_ text: String, at path: String) throws(ConformanceError) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if c == "$", next < text.endIndex, text[next] == "$" {
                out.append("$")
                index = text.index(after: next)
            } else if c == "$", next < text.endIndex, text[next] == "{" {
                guard let close = text[next...].firstIndex(of: "}") else { throw error(.invalidValue, path, "unterminated ${ in '\(text)'") }
                let name = String(text[text.index(after: next)..<close])
                guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter) else { throw error(.invalidValue, path, "'${\(name)}' is not a variable reference") }
                out += try variable(name, at: path)
                index = text.index(after: close)
            } else {
                out.append(c)
                index = next
            }
        }
        return out
    }
}
