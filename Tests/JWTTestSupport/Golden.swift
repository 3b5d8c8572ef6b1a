import Foundation
import Testing

/// Golden files: text a test produces compared with a file kept in the repository. On a mismatch the issue shows a
/// line diff in the unified style (`-` golden, `+` actual, a few lines of context around the first differences).
/// `JWT_UPDATE_GOLDEN=1 swift test` (or the older `RECORD_SNAPSHOTS=1`) rewrites the files instead of comparing.
public struct Golden: Sendable {
    /// The folder holding this group's golden files.
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `<package root>/Tests/<relative>`, e.g. `Golden(tests: "JWTCommandsTests/Golden")`.
    public init(tests relative: String) {
        directory = BinaryRunner.packageRoot.appendingPathComponent("Tests").appendingPathComponent(relative, isDirectory: true)
    }

    /// Whether this run rewrites golden files.
    public static var updating: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["JWT_UPDATE_GOLDEN"] == "1" || environment["RECORD_SNAPSHOTS"] == "1"
    }

    /// The golden file's URL.
    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The golden file's text (throws when it is missing).
    public func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

    /// Compares `actual` with the golden file `name` and records an issue with a diff when they differ; when
    /// updating, writes the file. Returns whether the text matched (or was written).
    @discardableResult
    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        if Self.updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url(name), atomically: true, encoding: .utf8)
            return true
        }
        let expected: String
        do {
            expected = try text(name)
        } catch {
            Issue.record("golden file \(name) is missing in \(directory.path) (JWT_UPDATE_GOLDEN=1 writes it)", sourceLocation: sourceLocation)
            return false
        }
        guard let diff = Self.diff(expected: expected, actual: actual, name: name) else { return true }
        Issue.record("\(name) differs from its golden file (JWT_UPDATE_GOLDEN=1 rewrites it):\n\(diff)", sourceLocation: sourceLocation)
        return false
    }

    /// A unified-style line diff of `expected` → `actual`, or nil when they are equal. Shows hunks around the
    /// differing lines with `context` lines either side, at most `maxHunks` hunks.
    public static func diff(expected: String, actual: String, name: String = "golden", context: Int = 3, maxHunks: Int = 3) -> String? {
        guard expected != actual else { return nil }
        let old = lines(expected), new = lines(actual)
        let edits = editScript(old, new)
        // Indices of changed edits, grouped into hunks with context.
        var hunks: [Range<Int>] = []
        for (index, edit) in edits.enumerated() where edit.kind != .same {
            let lower = max(0, index - context), upper = min(edits.count, index + context + 1)
            if let last = hunks.last, lower <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                hunks.append(lower..<upper)
            }
        }
        var out = ["--- \(name) (golden)", "+++ \(name) (actual)"]
        for hunk in hunks.prefix(maxHunks) {
            let first = edits[hunk.lowerBound]
            out.append("@@ -\(first.oldLine + 1) +\(first.newLine + 1) @@")
            for edit in edits[hunk] {
                switch edit.kind {
                case .same: out.append(" " + edit.text)
                case .removed: out.append("-" + edit.text)
                case .added: out.append("+" + edit.text)
                }
            }
        }
        if hunks.count > maxHunks { out.append("… \(hunks.count - maxHunks) more differing region(s)") }
        return out.joined(separator: "\n")
    }

    /// Lines with invisible differences made visible: a carriage return as `␍`, a missing final newline noted.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\r", with: "␍") }
        if lines.last == "" { lines.removeLast() } else { lines.append("\\ no newline at end of file") }
        return lines
    }

    struct Edit {
        enum Kind { case same, removed, added }
        let kind: Kind
        let text: String
        let oldLine: Int
        let newLine: Int
    }

    /// A shortest edit script by longest common subsequence (golden files are small: quadratic is fine; very long
    /// inputs fall back to a line-by-line comparison).
    static func editScript(_ old: [String], _ new: [String]) -> [Edit] {
        guard old.count * new.count <= 4_000_000 else {
            var edits: [Edit] = []
            for i in 0..<max(old.count, new.count) {
                if i < old.count, i < new.count, old[i] == new[i] { edits.append(Edit(kind: .same, text: old[i], oldLine: i, newLine: i)); continue }
                if i < old.count { edits.append(Edit(kind: .removed, text: old[i], oldLine: i, newLine: min(i, new.count))) }
                if i < new.count { edits.append(Edit(kind: .added, text: new[i], oldLine: min(i, old.count), newLine: i)) }
            }
            return edits
        }
        let n = old.count, m = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(Edit(kind: .same, text: old[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .removed, text: old[i], oldLine: i, newLine: j)); i += 1
            } else {
                edits.append(Edit(kind: .added, text: new[j], oldLine: i, newLine: j)); j += 1
            }
        }
        return edits
    }
}
