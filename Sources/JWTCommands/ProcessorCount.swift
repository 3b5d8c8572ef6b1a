#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of cores this process may run on: on Linux its CPU affinity mask (the `Cpus_allowed` line of
/// `/proc/self/status`, what `sched_getaffinity` returns, so `taskset` and container cpusets count), elsewhere the
/// online processors. At least 1.
enum ProcessorCount {
    static func usable() -> Int {
        #if os(Linux)
        if let status = try? FileIO.readFile("/proc/self/status", limit: 1 << 16), let count = allowed(inStatus: status), count > 0 {
            return count
        }
        #endif
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The number of bits set in the `Cpus_allowed:` hex mask (`ff,ffffffff` style, commas between 32-bit words).
    static func allowed(inStatus status: [UInt8]) -> Int? {
        let key = Array("Cpus_allowed:".utf8)
        var start = 0
        while start < status.count {
            let end = status[start...].firstIndex(of: 0x0A) ?? status.count
            let line = status[start..<end]
            if line.starts(with: key) {
                var bits = 0
                for byte in line.dropFirst(key.count) {
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): bits += Int(byte - UInt8(ascii: "0")).nonzeroBitCount
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): bits += Int(byte - UInt8(ascii: "a") + 10).nonzeroBitCount
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): bits += Int(byte - UInt8(ascii: "A") + 10).nonzeroBitCount
                    case UInt8(ascii: ","), 0x20, 0x09: continue
                    default: return nil
                    }
                }
                return bits
            }
            start = end + 1
        }
        return nil
    }
}
