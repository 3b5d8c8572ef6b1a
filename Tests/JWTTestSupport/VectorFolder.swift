import Foundation
import JOSECore

/// The public third-party JOSE vectors carried in the repository: `Tests/Vectors` (provenance and licences in its
/// `README.md`). Found from this file's own path (`#filePath`), so a fresh clone needs nothing beside it and no
/// environment variable. There is no "missing folder" mode: a vector that cannot be read is a thrown error, and the
/// test that wanted it fails. One locator for every test target.
public enum VectorFolder {
    /// `<package root>/Tests/Vectors`.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Tests/JWTTestSupport
        .deletingLastPathComponent() // Tests
        .appendingPathComponent("Vectors", isDirectory: true)

    /// A vector that could not be read, with the path that was tried.
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "test vector not found at \(path) (Tests/Vectors is part of the repository)" }
    }

    /// The URL of a file inside the folder, e.g. `url("rfc/rfc_jws_examples.json")`.
    public static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    /// The file-system path of a file inside the folder.
    public static func path(_ relative: String) -> String { url(relative).path }

    /// The exact bytes of a vector file.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        let path = path(relative)
        guard let data = FileManager.default.contents(atPath: path) else { throw Missing(path: path) }
        return [UInt8](data)
    }

    /// A vector file as UTF-8 text.
    public static func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }

    /// A vector file parsed by the project's strict JSON parser (limits raised to fit the largest Wycheproof file).
    public static func json(_ relative: String) throws -> JSONValue {
        try JSONParser(limits: .init(maxBytes: 8 << 20, maxDepth: 64)).parse(try bytes(relative), context: relative)
    }
}
