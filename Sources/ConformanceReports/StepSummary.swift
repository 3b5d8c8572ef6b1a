/// GitHub's job summary (`GITHUB_STEP_SUMMARY`) takes at most 1 MiB per step: a report longer than the budget is cut
/// at a line boundary and ends with a visible note. Pure; the command layer does the appending.
public enum StepSummary {
    public static let limit = 1_048_576

    public static func trimmed(_ markdown: String, limit: Int = StepSummary.limit) -> String {
        if markdown.utf8.count <= limit { return markdown }
        let note = "\n\n> **Note:** this summary was trimmed to stay under GitHub's 1 MiB step-summary limit; the full report is in the Markdown file written by `jwt conform`.\n"
        let budget = max(0, limit - note.utf8.count)
        var bytes = Array(markdown.utf8.prefix(budget))
        if let newline = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((newline + 1)...) }
        // Never leave a cut multi-byte character or an unclosed <details>.
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.last == "\u{FFFD}" { text.unicodeScalars.removeLast() }
        let opened = text.components(of: "<details>"), closed = text.components(of: "</details>")
        var closing = ""
        if opened > closed { closing = "\n</details>\n" }
        while (text + closing + note).utf8.count > limit, let cut = text.lastIndex(of: "\n") {
            text = String(text[..<cut])
        }
        return text + closing + note
    }
}

extension String {
    fileprivate func components(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
