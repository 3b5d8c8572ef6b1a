import Foundation
import JWTTestSupport
import Testing

/// The `openssl` command-line tool as an independent implementation (tests only): key generation, PEM conversions,
/// signing and verification. A missing tool is a test failure, not a skip.
struct OpenSSLCLI {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-openssl-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: directory.appendingPathComponent(name)) }

    func read(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: directory.appendingPathComponent(name))) }

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// Runs `openssl args…` in the work directory; returns the exit status and stdout.
    @discardableResult
    func run(_ arguments: [String], allowFailure: Bool = false) throws -> (status: Int32, output: String) {
        let result = try BinaryRunner.tool("openssl", arguments, directory: directory.path)
        if result.status != 0, !allowFailure {
            throw Failed(description: "openssl \(arguments.joined(separator: " ")) exited \(result.status): \(result.err)")
        }
        return (result.status, result.out)
    }
}

/// Minimal DER handling for ECDSA-Sig-Value in tests (independent of the code under test).
enum TestDER {
    /// SEQUENCE { INTEGER r, INTEGER s } → r‖s of `size` octets each.
    static func ecdsaRaw(_ der: [UInt8], size: Int) -> [UInt8]? {
        var index = 0
        func readLength() -> Int? {
            guard index < der.count else { return nil }
            let first = der[index]; index += 1
            if first < 0x80 { return Int(first) }
            guard first == 0x81, index < der.count else { return nil }
            defer { index += 1 }
            return Int(der[index])
        }
        guard der.first == 0x30 else { return nil }
        index = 1
        guard readLength() != nil else { return nil }
        var out: [UInt8] = []
        for _ in 0..<2 {
            guard index < der.count, der[index] == 0x02 else { return nil }
            index += 1
            guard let length = readLength(), index + length <= der.count else { return nil }
            let value = Array(der[index..<(index + length)].drop(while: { $0 == 0 }))
            index += length
            guard value.count <= size else { return nil }
            out += [UInt8](repeating: 0, count: size - value.count) + value
        }
        return out
    }

    /// r‖s → DER SEQUENCE { INTEGER r, INTEGER s }.
    static func ecdsaDER(_ raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop(while: { $0 == 0 }))
            if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02] + length(value.count) + value
        }
        func length(_ n: Int) -> [UInt8] { n < 0x80 ? [UInt8(n)] : [0x81, UInt8(n)] }
        let half = raw.count / 2
        let body = integer(raw[..<half]) + integer(raw[half...])
        return [0x30] + length(body.count) + body
    }
}
