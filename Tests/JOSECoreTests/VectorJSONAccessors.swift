import JOSECore

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
