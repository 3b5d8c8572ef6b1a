import Foundation
import JOSECore
import JWTTestSupport

/// The shared vectors folder: `JWT_VECTORS_DIR`, else `../shared/vectors` beside the package. Tests that need it
/// are enabled when it exists, and also when `CI` is set (so a missing folder fails there instead of skipping).
enum Vectors {
    static var directory: String { VectorFolder.directory.path }
    static var enabled: Bool { VectorFolder.enabled }

    static func json(_ path: String) throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
        return try JSONParser().parse([UInt8](data), context: path)
    }
}
