import JOSECore
import JWTValidation

/// In-process decode throughput: parse + classify + header + claims of a typical ~800-byte access token, one core.
enum DecodeBenchmark {
    /// A realistic access token: RS256 header with kid, 14 claims, 256-byte signature → about 800 bytes.
    static func sampleToken() -> String {
        let header = #"{"alg":"RS256","typ":"at+jwt","kid":"2024-05-rsa-01"}"#
        let payload = #"{"iss":"https://auth.example.test/","sub":"svc-inventory@clients","aud":["https://api.example.test","https://admin.example.test"],"client_id":"svc-inventory","iat":1714564800,"nbf":1714564800,"exp":1714651200,"jti":"0b7f6c1d-2e3a-4b5c-9d8e-7f6a5b4c3d2e","scope":"inventory:read inventory:write orders:read","tid":"tenant-42","azp":"svc-inventory","ver":"2.0"}"#
        let signature = (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        return Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
    }

    static func now() -> Double { SystemClock.monotonic() }

    /// Decodes exactly `count` tokens (for instruction counting with `perf stat`).
    static func runCount(_ count: Int) {
        let token = Array(sampleToken().utf8)
        var sink = 0
        for _ in 0..<count { sink &+= decodeOnce(token) }
        print("decoded \(count) tokens (checksum \(sink % 10))")
    }

    /// Runs for about `seconds` and prints tokens/s.
    static func run(seconds: Double = 2) {
        let token = Array(sampleToken().utf8)
        var sink = 0
        // Warm-up.
        for _ in 0..<10_000 { sink &+= decodeOnce(token) }
        var count = 0
        let start = now()
        let cpuStart = userCPUSeconds()
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<10_000 { sink &+= decodeOnce(token) }
            count += 10_000
            elapsed = now() - start
        }
        // Per user-CPU second (what the process got of the core; steady on a loaded machine) and per wall second.
        let cpuRate = Double(count) / max(userCPUSeconds() - cpuStart, 1e-6)
        let rate = Double(count) / elapsed
        print("decode  \(token.count)-byte token  \(Int(cpuRate)) tokens/s per CPU-second  \(String(format2: 1e6 / cpuRate)) µs/token"
            + "  \(Int(rate)) tokens/s wall  (checksum \(sink % 10))")
    }

    @inline(never)
    static func decodeOnce(_ token: [UInt8]) -> Int {
        guard case .jws(let jws)? = try? CompactToken.parse(bytes: token), case .success(let claims) = jws.claims else { return 0 }
        return claims.json.count + jws.signature.count
    }
}

extension String {
    init(format2 value: Double) {
        let scaled = (value * 100).rounded() / 100
        self = "\(scaled)"
    }
}
