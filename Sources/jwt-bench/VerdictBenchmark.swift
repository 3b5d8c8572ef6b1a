#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JOSECore
import JWTValidation

/// The per-token work of `jwt verify --batch` without its I/O, on one thread, for instruction profiles
/// (`valgrind --tool=callgrind` cannot follow the command's worker threads): parse, then the verdict path of the
/// validator with all rules, with the key given: a PEM public key (RS256, ES256, EdDSA tokens) or else an HMAC secret
/// (HS256). `jwt-bench verdict TOKENFILE KEYFILE [ROUNDS]`.
enum VerdictBenchmark {
    static func run(tokensPath: String, secretPath: String, rounds: Int) {
        guard let text = read(tokensPath), let secret = read(secretPath) else {
            print("jwt-bench verdict: cannot read the files")
            exit(66)
        }
        let tokens = text.split(separator: 0x0A).map(Array.init)
        let loaded: [JWSKey]?
        if secret.starts(with: Array("-----BEGIN".utf8)) {
            loaded = try? KeyLoader.load(secret)
        } else {
            loaded = (try? JWSKey.hmac(secret: Array(secret.prefix { $0 != 0x0A }))).map { [$0] }
        }
        guard let loaded, !loaded.isEmpty else {
            print("jwt-bench verdict: the key file is neither a PEM public key nor a usable HMAC secret")
            exit(65)
        }
        let keys = KeyRing(loaded)
        let options = ValidationOptions(now: SystemClock.now(), issuer: "https://as.example", audiences: ["api"], requiredScopes: ["read"])
        let validator = Validator(options: options)
        let run = validator.run(keyRing: keys)
        var passed = 0
        let start = SystemClock.monotonic()
        for _ in 0..<rounds {
            for token in tokens {
                guard case .jws(let jws)? = try? CompactToken.parse(bytes: token) else { continue }
                if validator.verdict(token: jws, run: run).passed { passed += 1 }
            }
        }
        let elapsed = SystemClock.monotonic() - start
        print("\(passed) of \(tokens.count * rounds) passed, \(Int(Double(tokens.count * rounds) / elapsed)) tokens/s")
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }
}
