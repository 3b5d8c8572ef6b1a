import Foundation
import JWTTestSupport

/// Short forms over ``BinaryRunner`` for the tests here that shell out (`openssl`, the built `jwt`).
enum Shell {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs `command` with `/bin/sh -c`; throws unless it exits 0.
    static func run(_ command: String) throws {
        let result = try BinaryRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        guard result.status == 0 else { throw Failure(description: "\(command): exit \(result.status): \(result.err)") }
    }

    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Runs an executable; returns exit status, stdout, stderr.
    static func exec(_ path: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> (Int32, String, String) {
        let result = try BinaryRunner.run(URL(fileURLWithPath: path), arguments, stdin: stdin.map { Array($0.utf8) }, environment: environment)
        return (result.status, result.out, result.err)
    }
}

/// Minimal DER reading for OpenSSL's ECDSA output: SEQUENCE { INTEGER r, INTEGER s } → r‖s.
enum DER {
    static func ecdsaToRaw(_ der: [UInt8], size: Int) throws -> [UInt8] {
        var index = 2
        if der[1] & 0x80 != 0 { index = 2 + Int(der[1] & 0x7F) }
        func integer() -> [UInt8] {
            let length = Int(der[index + 1])
            let value = Array(der[(index + 2)..<(index + 2 + length)].drop { $0 == 0 })
            index += 2 + length
            return [UInt8](repeating: 0, count: size - value.count) + value
        }
        return integer() + integer()
    }
}
