import Foundation

enum Shell {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(command): exit \(process.terminationStatus)") }
    }

    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Runs an executable; returns exit status, stdout, stderr.
    static func exec(_ path: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
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
