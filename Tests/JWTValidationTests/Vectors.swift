import Foundation
import JOSECore

/// The shared vectors folder: `JWT_VECTORS_DIR`, else `../shared/vectors` beside the package. Tests that need it
/// are enabled when it exists, and also when `CI` is set (so a missing folder fails there instead of skipping).
enum Vectors {
    static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["JWT_VECTORS_DIR"], !dir.isEmpty { return dir }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/vectors").path
    }

    static var enabled: Bool {
        FileManager.default.fileExists(atPath: directory) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static func json(_ path: String) throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
        return try JSONParser().parse([UInt8](data), context: path)
    }
}
