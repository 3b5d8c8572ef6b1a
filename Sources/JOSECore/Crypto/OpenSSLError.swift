import COpenSSL

/// The thread's libcrypto error queue (notes §1 gotcha 6: a failed call leaves entries behind).
enum OpenSSLError {
    /// Drops every queued error; called after each expected failure (a signature that does not verify).
    @inline(__always)
    static func clear() { ERR_clear_error() }

    /// The queued errors as one line (library reason strings only: never key bytes), and clears the queue.
    static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("error 0x\(String(code, radix: 16))")
            }
        }
        return reasons.isEmpty ? "libcrypto gave no reason" : reasons.joined(separator: "; ")
    }

    /// A ``JOSEError`` for a failure that is libcrypto's, not the caller's.
    static func failure(_ what: String) -> JOSEError {
        JOSEError(.cryptoFailure, "\(what) failed in libcrypto: \(drain())")
    }
}
