import FuzzSupport
import JOSECore

/// The strict JSON parser (RFC 8259; duplicate names refused per RFC 7515 §4 / RFC 7519 §4): never traps, never
/// exceeds its limits; what it accepts prints back (compact and pretty) to text that parses to the same value.
fuzz { bytes in
    let parser = JSONParser(limits: .init(maxBytes: 64 * 1024, maxDepth: 64))
    guard let value = try? parser.parse(bytes) else { return }
    let compact = value.compact
    precondition((try? parser.parse(Array(compact.utf8))) == value, "compact output does not parse back to the value")
    precondition((try? JSONParser(limits: .init(maxBytes: 1 << 20, maxDepth: 64)).parse(Array(value.pretty().utf8))) == value,
                 "pretty output does not parse back to the value")
}
