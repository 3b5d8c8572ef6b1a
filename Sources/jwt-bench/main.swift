#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JOSECore

// In-process verify throughput, one thread (pin with `taskset -c 1`): HS256, RS256 (2048), ES256, EdDSA over a
// realistic ~800-byte claims set. Keys are generated at start and parsed once; the "verify" row passes the signing
// input and the already-decoded signature (what `openssl speed` measures, plus hashing the input); the
// "parse+verify" row adds compact parsing (base64url, strict JSON of header and claims) per token.
//
// Usage: jwt-bench [--seconds S] [ALG ...]      (default 2 s per row; ALG among HS256 RS256 ES256 EdDSA, …)
//        jwt-bench decode [COUNT]               (decode throughput of a ~900-byte access token; COUNT: fixed count)
//        jwt-bench verdict TOKENS KEYFILE [ROUNDS] (the per-token work of `verify --batch`, one thread; KEYFILE: PEM public key or HMAC secret)
//        jwt-bench encode [SECONDS]             (the mock's token-route encoders: compact JSON, base64url)

struct Options {
    var seconds = 2.0
    var algorithms: [JWSAlgorithm] = [.HS256, .RS256, .ES256, .EdDSA]
}

func parseOptions() -> Options {
    if CommandLine.arguments.dropFirst().first == "decode" {
        if let count = CommandLine.arguments.dropFirst(2).first.flatMap({ Int($0) }) {
            DecodeBenchmark.runCount(count)
        } else {
            DecodeBenchmark.run()
        }
        exit(0)
    }
    if CommandLine.arguments.dropFirst().first == "verdict", CommandLine.arguments.count >= 4 {
        let arguments = CommandLine.arguments
        VerdictBenchmark.run(tokensPath: arguments[2], secretPath: arguments[3], rounds: arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1)
        exit(0)
    }
    if CommandLine.arguments.dropFirst().first == "encode" {
        EncodeBenchmark.run(seconds: CommandLine.arguments.dropFirst(2).first.flatMap { Double($0) } ?? 1)
        exit(0)
    }
    var options = Options()
    var chosen: [JWSAlgorithm] = []
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        if argument == "--seconds", let value = arguments.popFirst().flatMap(Double.init), value > 0 {
            options.seconds = value
        } else if let algorithm = JWSAlgorithm(rawValue: argument), algorithm != .none {
            chosen.append(algorithm)
        } else {
            print("usage: jwt-bench [--seconds S] [ALG ...]")
            exit(64)
        }
    }
    if !chosen.isEmpty { options.algorithms = chosen }
    return options
}

/// ~800 bytes of JSON, 21 claims: the shape of a real access token.
let claims: JSONObject = [
    "iss": "https://login.example.com/tenant-7c1f4a2e-9b3d-4e5f-8a6b-1c2d3e4f5a6b/v2.0",
    "sub": "user-00u1a2b3c4d5e6f7g8h9",
    "aud": ["api://orders-service", "api://billing-service"],
    "exp": 1_900_000_000, "nbf": 1_700_000_000, "iat": 1_700_000_000,
    "jti": "b6f1c0de-3a5e-4f1b-9d2c-7e8a9b0c1d2e",
    "azp": "web-frontend-client-0123456789",
    "scope": "openid profile email orders:read orders:write billing:read invoices:read",
    "roles": ["order.reader", "order.writer", "billing.reader"],
    "tid": "7c1f4a2e-9b3d-4e5f-8a6b-1c2d3e4f5a6b",
    "oid": "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
    "name": "Alexandra Example-Testperson",
    "preferred_username": "alexandra.example@contoso.example",
    "email": "alexandra.example@contoso.example",
    "email_verified": true,
    "auth_time": 1_700_000_000,
    "acr": "urn:mace:incommon:iap:silver",
    "amr": ["pwd", "mfa", "hwk"],
    "sid": "session-5f4e3d2c1b0a99887766554433221100",
    "ver": "2.0",
]

/// User CPU seconds of this process (what `openssl speed` measures by default, unless `-elapsed`).
func userCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
}

struct Rate {
    /// Per user-CPU second (comparable with `openssl speed`), and per wall-clock second.
    var cpuOps: Double
    var wallOps: Double
}

func measure(seconds: Double, _ body: () -> Bool) -> Rate {
    let clock = ContinuousClock()
    // Warm-up: contexts are created and caches filled.
    let warmUpEnd = clock.now.advanced(by: .milliseconds(Int(seconds * 150)))
    while clock.now < warmUpEnd { precondition(body(), "verification failed") }
    var operations = 0
    let start = clock.now
    let cpuStart = userCPUSeconds()
    let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
    var now = start
    while now < deadline {
        for _ in 0..<64 { precondition(body(), "verification failed") }
        operations += 64
        now = clock.now
    }
    let wall = (now - start) / .seconds(1)
    let cpu = max(userCPUSeconds() - cpuStart, 1e-6)
    return Rate(cpuOps: Double(operations) / cpu, wallOps: Double(operations) / wall)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...]
        if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
        if decimals == 0 { text = String(text[..<dot]) }
    }
    return text
}

func report(_ algorithm: JWSAlgorithm, _ row: String, _ rate: Rate) {
    print("\(pad(algorithm.rawValue, 8))  \(pad(row, 13))  \(pad(format(rate.cpuOps, decimals: 0), 12))  "
        + "\(pad(format(1_000_000 / rate.cpuOps, decimals: 2), 9))  \(pad(format(rate.wallOps, decimals: 0), 12))")
}

let options = parseOptions()
let payload = Array(JSONValue.object(claims).compact.utf8)
print("payload: \(payload.count) bytes JSON; \(format(options.seconds, decimals: 1)) s per row, one thread")
print("ops/s and µs/op per user-CPU second (as `openssl speed` counts); wall-clock ops/s in the last column")
print("\(pad("alg", 8))  \(pad("row", 13))  \(pad("ops/s", 12))  \(pad("µs/op", 9))  \(pad("wall ops/s", 12))")
for algorithm in options.algorithms {
    do {
        let key = try JWSKey.generate(for: algorithm, kid: "bench")
        let verifyKey = key.type == .oct(bytes: algorithm.hashLength) ? key : try KeyLoader.jwk(key.publicJWK)
        let header: JSONObject = ["alg": .string(algorithm.rawValue), "typ": "at+jwt", "kid": "bench"]
        let compact = try JWSSigner.sign(header: header, payload: payload, key: key)
        guard case .jws(let token) = try CompactToken.parse(compact) else { fatalError("signed token is not a JWS") }
        let signingInput = Array(token.signingInput)
        let signature = token.signature
        let compactBytes = Array(compact.utf8)
        if algorithm == options.algorithms.first {
            print("token: \(compactBytes.count) bytes, signing input \(signingInput.count) bytes")
        }
        let verify = measure(seconds: options.seconds) {
            (try? JWSVerifier.verify(algorithm: algorithm, signingInput: signingInput, signature: signature, key: verifyKey)) ?? false
        }
        report(algorithm, "verify", verify)
        let full = measure(seconds: options.seconds) {
            guard case .jws(let parsed)? = try? CompactToken.parse(bytes: compactBytes) else { return false }
            return (try? JWSVerifier.verify(parsed, key: verifyKey)) ?? false
        }
        report(algorithm, "parse+verify", full)
    } catch {
        print("\(algorithm.rawValue): \(error)")
        exit(70)
    }
}
