import Foundation

/// A throwaway certificate authority and a server certificate it signed for `localhost` and `127.0.0.1` (P-256, valid
/// two days), made at test time with the `openssl` command-line tool into a fresh temporary folder. The CA is in no
/// system trust store, so a client trusts the server only when given ``caPath``. ``otherCAPath`` is a second CA that
/// signed nothing here: a bundle that parses but does not vouch for the server.
public struct TestPKI: Sendable {
    public let folder: URL
    /// The CA certificate (PEM): the bundle a client needs.
    public var caPath: String { folder.appendingPathComponent("ca.pem").path }
    /// An unrelated CA certificate (PEM).
    public var otherCAPath: String { folder.appendingPathComponent("other-ca.pem").path }
    /// The server's certificate (PEM), signed by the CA.
    public var certificatePath: String { folder.appendingPathComponent("server.pem").path }
    /// The server's private key (PEM).
    public var keyPath: String { folder.appendingPathComponent("server.key").path }

    /// Makes the CA, the unrelated CA and the server certificate. Throws with openssl's output when a step fails.
    public static func make() throws -> TestPKI {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-pki-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pki = TestPKI(folder: folder)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for name in ["ca", "other-ca"] {
            try pki.openssl(["req", "-x509"] + ec + [
                "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2", "-subj", "/CN=jwt test \(name)",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        }
        try pki.openssl(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"])
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
            .write(to: folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try pki.openssl([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2",
            "-days", "2", "-out", "server.pem", "-extfile", "server.ext",
        ])
        return pki
    }

    /// Removes the folder.
    public func remove() { try? FileManager.default.removeItem(at: folder) }

    private func openssl(_ arguments: [String]) throws {
        let result = try BinaryRunner.tool("openssl", arguments, directory: folder.path, timeout: 60)
        guard result.status == 0 else {
            throw BinaryRunner.Failure(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed (\(result.status)): \(result.err)")
        }
    }
}
