import Foundation
import Testing
import JOSECore
import JWTTestSupport

/// Locates the shared third-party vectors: `JWT_VECTORS_DIR`, else `../shared/vectors` next to the package root
/// (computed from this file's path). When the folder is missing, vector tests are disabled locally but FAIL when
/// `CI` is set (they are enabled and `load` records the failure), so CI can never pass without running them.
enum Vectors {
    static let directory: URL = VectorFolder.directory
    static var isPresent: Bool { VectorFolder.isPresent }
    static var enabled: Bool { VectorFolder.enabled }

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "test vectors not found at \(path): set JWT_VECTORS_DIR (required when CI is set)" }
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return [UInt8](data)
    }

    static func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }

    static func json(_ relative: String) throws -> JSONValue {
        try JSONParser(limits: .init(maxBytes: 8 << 20, maxDepth: 64)).parse(try bytes(relative), context: relative)
    }
}

extension JSONValue {
    /// Test-side accessors: fail loudly (a thrown error) when the vector file does not have the expected shape.
    struct ShapeError: Error, CustomStringConvertible { let description: String }

    func string(_ name: String) throws -> String {
        guard let value = self[name]?.stringValue else { throw ShapeError(description: "member \(name) is not a string") }
        return value
    }

    func int(_ name: String) throws -> Int {
        guard let value = self[name]?.numberValue?.intValue else { throw ShapeError(description: "member \(name) is not an integer") }
        return value
    }

    func object(_ name: String) throws -> JSONObject {
        guard let value = self[name]?.objectValue else { throw ShapeError(description: "member \(name) is not an object") }
        return value
    }

    func array(_ name: String) throws -> [JSONValue] {
        guard let value = self[name]?.arrayValue else { throw ShapeError(description: "member \(name) is not an array") }
        return value
    }

    func hex(_ name: String) throws -> [UInt8] {
        let text = Array(try string(name).utf8)
        guard text.count % 2 == 0 else { throw ShapeError(description: "member \(name) is odd-length hex") }
        func nibble(_ c: UInt8) throws -> UInt8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: throw ShapeError(description: "member \(name) is not hex")
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            out.append(try nibble(text[index]) << 4 | nibble(text[index + 1]))
            index += 2
        }
        return out
    }
}

/// The Wycheproof `result` field.
enum WycheproofResult: String {
    case valid, invalid, acceptable
}
