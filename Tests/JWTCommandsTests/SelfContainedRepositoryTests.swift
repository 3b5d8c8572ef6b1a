import Foundation
import JWTTestSupport
import Testing

/// A fresh clone must pass `swift test` with nothing beside it: no file under `Sources/` or `Tests/` may point at the
/// sibling folder the project was once developed next to. The forbidden strings are assembled at run time so this
/// file does not match itself.
@Suite struct SelfContainedRepositoryTests {
    static let forbidden = ["../" + "shared", "shared" + "/vectors", "shared" + "/schemas", "shared" + "/seeds", "JWT_VECTORS" + "_DIR"]

    /// Every regular file under `Sources/` and `Tests/`, relative to the package root.
    static func files() -> [String] {
        let root = TestPaths.packageRoot
        var out: [String] = []
        for top in ["Sources", "Tests"] {
            guard let walker = FileManager.default.enumerator(at: root.appendingPathComponent(top), includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                out.append(String(url.path.dropFirst(root.path.count + 1)))
            }
        }
        return out.sorted()
    }

    @Test func noFileReachesOutsideTheRepository() throws {
        let files = Self.files()
        #expect(files.contains("Tests/JWTCommandsTests/SelfContainedRepositoryTests.swift"), "the walk found nothing")
        for file in files {
            let bytes = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent(file))
            let text = String(decoding: bytes, as: UTF8.self)
            for needle in Self.forbidden where text.contains(needle) {
                Issue.record("\(file) mentions \(needle): the repository must be self-contained (use VectorFolder, Tests/Vectors)")
            }
        }
    }

    @Test func theVectorFolderIsInsideThePackage() throws {
        #expect(VectorFolder.directory.path == TestPaths.packageRoot.appendingPathComponent("Tests/Vectors").path)
        #expect(FileManager.default.fileExists(atPath: VectorFolder.path("README.md")))
    }

    /// Every vector file stays small enough for a repository (2 MB at most).
    @Test func vectorFilesAreSmall() throws {
        for file in Self.files() where file.hasPrefix("Tests/Vectors/") {
            let size = try FileManager.default.attributesOfItem(atPath: TestPaths.packageRoot.appendingPathComponent(file).path)[.size] as? Int ?? 0
            #expect(size <= 2_000_000, "\(file) is \(size) bytes")
        }
    }
}
