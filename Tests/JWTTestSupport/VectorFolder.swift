import Foundation

/// The shared third-party JOSE vectors (`../shared/vectors`): `JWT_VECTORS_DIR`, else the folder beside the package
/// root. Vector tests run when it exists, and always when `CI` is set — there a missing folder makes them fail
/// instead of skipping, so CI can never pass without running them. One locator for every test target.
public enum VectorFolder {
    public static var directory: URL {
        if let configured = ProcessInfo.processInfo.environment["JWT_VECTORS_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors", isDirectory: true)
    }

    public static var isPresent: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path)
    }

    /// Run vector tests when the folder exists, and always under CI (where a missing folder is a failure).
    public static var enabled: Bool { isPresent || ProcessInfo.processInfo.environment["CI"] != nil }
}
