import Foundation
import Testing
import JOSECore
import JWTTestSupport
import JWTValidation
@testable import JWTCommands

/// `verify --batch` (the verdict path, on one thread or several) says what single-token `verify` says: the same
/// verdict, failed ids, warned ids and granted scopes for every token of the vector and fixture set, under several
/// option sets (issue 12 "Done when").
@Suite struct BatchEquivalenceTests {
    /// Tokens that share a key and the options beside it.
    struct Group {
        let name: String
        /// The key arguments (`--key FILE` or `--jwks FILE`).
        let keyArguments: [String]
        let tokens: [String]
        var extra: [String] = []
    }

    /// What a line of `--batch` and the `--json` of single verify have in common.
    struct Verdict: Equatable, CustomStringConvertible {
        let verdict: String
        let failed: [String]
        let warned: [String]
        let scopes: [String]
        var description: String { "\(verdict) failed=\(failed) warned=\(warned) scopes=\(scopes)" }
    }

    /// The option sets every group is run under: none, then many rules configured, then header keys allowed.
    static let optionSets: [[String]] = [
        [],
        ["--iss", "https://example.com", "--aud", "aws-jwt-verify", "--aud", "api", "--scope", "read", "--allowed-scope", "read",
         "--max-lifetime", "1h", "--typ", "JWT", "--require-claim", "sub", "--sub", "TEST DATA", "--profile", "rfc9068"],
        ["--allow-header-key", "--allow-missing-exp", "--leeway", "0"],
    ]

    /// A token the command line and a line file both carry unchanged (no line break, no leading `@`/`-`, no outer blank).
    static func usable(_ token: String) -> Bool {
        guard let first = token.utf8.first, let last = token.utf8.last else { return false }
        return first != UInt8(ascii: "@") && first != UInt8(ascii: "-") && first > 0x20 && last > 0x20
            && !token.utf8.contains(0x0A) && !token.utf8.contains(0x0D)
    }

    static func groups(in dir: TempDir) throws -> [Group] {
        var groups: [Group] = []
        var fileNumber = 0
        func keyFile(_ json: JSONValue) throws -> String {
            fileNumber += 1
            return try dir.write("key-\(fileNumber).json", json.compact)
        }
        // Wycheproof JWS: one key per group, the tokens as they are.
        let wycheproof = try VectorFolder.json("wycheproof/testvectors_v1/json_web_signature_test.json")
        for (k, group) in (wycheproof["testGroups"]?.arrayValue ?? []).enumerated() {
            let jwk = try #require(group["public"] ?? group["private"])
            let tokens = (group["tests"]?.arrayValue ?? []).compactMap { $0["jws"]?.stringValue }.filter(usable)
            groups.append(Group(name: "wycheproof group \(k)", keyArguments: ["--key", try keyFile(jwk)], tokens: tokens))
        }
        // The RFC examples compiled for this project (compact ones with a key).
        // The unsecured ones (`alg: none`) carry no key: they are judged with the example before them's key.
        var lastKey: String?
        for example in try VectorFolder.json("rfc/rfc_jws_examples.json")["examples"]?.arrayValue ?? [] {
            guard let jws = example["jws"]?.stringValue, usable(jws) else { continue }
            if let key = example["key"], key.objectValue != nil { lastKey = try keyFile(key) }
            guard let lastKey else { continue }
            groups.append(Group(name: example["id"]?.stringValue ?? "rfc", keyArguments: ["--key", lastKey], tokens: [jws]))
        }
        // RFC 7520 (JOSE cookbook) compact signatures.
        for file in ["4_1.rsa_v15_signature", "4_2.rsa-pss_signature", "4_3.ecdsa_signature", "4_4.hmac-sha2_integrity_protection"] {
            let vector = try VectorFolder.json("jose-cookbook/jws/\(file).json")
            let compact = try #require(vector["output"]?["compact"]?.stringValue)
            let key = try #require(vector["input"]?["key"])
            groups.append(Group(name: file, keyArguments: ["--key", try keyFile(key)], tokens: [compact]))
        }
        // aws-jwt-verify: realistic RS256 access tokens with their JWK Set, at the fixture's instant.
        let aws = try JSONParser().parse(try VectorFolder.bytes("fixtures/aws-jwt-verify/token-data.json"))
        let awsTokens = (aws.objectValue?.members ?? []).compactMap { $0.value.stringValue }.filter { $0.hasPrefix("eyJ") && usable($0) }
        groups.append(Group(name: "aws-jwt-verify", keyArguments: ["--jwks", VectorFolder.path("fixtures/aws-jwt-verify/example-JWKS.json")],
                            tokens: awsTokens, extra: ["--now", "2022-03-04T01:08:20Z"]))
        // The kit's own fixtures and the seed tokens (whose keys are not ours: SIG-01 fails on both paths).
        var fixtureTokens: [String] = []
        for path in ["sample-access-token.jwt", "seeds/001-batch-token.jwt", "seeds/001-sample-token.jwt"] {
            let text = try String(contentsOfFile: TestPaths.fixtures.appendingPathComponent(path).path, encoding: .utf8)
            fixtureTokens.append(String(text.filter { !$0.isWhitespace }))
        }
        groups.append(Group(name: "fixtures", keyArguments: ["--key", TestPaths.fixtures.appendingPathComponent("sample-access-token.jwk.json").path],
                            tokens: fixtureTokens, extra: ["--now", "2024-05-01T12:00:00Z"]))
        return groups
    }

    static func int(_ value: JSONValue?) -> Int? {
        if case .number(let number)? = value { return number.intValue }
        return nil
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Single-token `verify --json`: the verdict, or `malformed` when the token is refused before any check runs.
    static func single(_ token: String, _ arguments: [String]) async throws -> Verdict {
        let harness = CommandHarness()
        let code = try await harness.verify([token, "--json"] + arguments)
        guard code == .ok || code == .failed else { return Verdict(verdict: "malformed", failed: ["JWS-01"], warned: [], scopes: []) }
        let json = try JSONParser().parse(harness.out)
        let findings = json["findings"]?.arrayValue ?? []
        return Verdict(verdict: json["verdict"]?.stringValue ?? "?", failed: strings(json["failed"]),
                       warned: findings.filter { $0["status"]?.stringValue == "warn" }.compactMap { $0["id"]?.stringValue },
                       scopes: strings(json["scopes"]?["granted"]))
    }

    static func batch(_ group: Group, _ arguments: [String], jobs: Int, dir: TempDir) throws -> (input: String, run: [String]) {
        let input = try dir.write("tokens-\(group.name.filter { $0.isLetter || $0.isNumber }).txt", group.tokens.joined(separator: "\n") + "\n")
        return (input, ["--batch", input, "--jobs", String(jobs)] + arguments)
    }

    @Test(arguments: [1, 4])
    func batchVerdictsEqualSingleVerify(jobs: Int) async throws {
        let dir = try TempDir()
        var compared = 0
        var verdicts: Set<String> = []
        for group in try Self.groups(in: dir) {
            for options in Self.optionSets {
                let arguments = group.keyArguments + group.extra + (group.extra.contains("--now") ? [] : ["--now", "2024-05-01T12:00:00Z"]) + options
                let (_, run) = try Self.batch(group, arguments, jobs: jobs, dir: dir)
                let harness = CommandHarness()
                let code = try await harness.verify(run)
                #expect(code == .ok || code == .failed, "\(group.name) \(options): \(harness.err)")
                let lines = harness.out.split(separator: "\n").map(String.init)
                #expect(lines.count == group.tokens.count, "\(group.name): one line per token")
                for (k, line) in lines.enumerated() where k < group.tokens.count {
                    let json = try JSONParser().parse(line)
                    #expect(Self.int(json["line"]) == k + 1)
                    let batch = Verdict(verdict: json["verdict"]?.stringValue ?? "?", failed: Self.strings(json["failed"]),
                                        warned: Self.strings(json["warned"]), scopes: Self.strings(json["scopes"]))
                    let single = try await Self.single(group.tokens[k], arguments)
                    #expect(batch == single, "\(group.name) token \(k + 1) \(options)")
                    verdicts.insert(batch.verdict)
                    compared += 1
                }
            }
        }
        // The set is large and varied: every verdict occurs.
        #expect(compared > 1000)
        #expect(verdicts == ["pass", "fail", "malformed"])
    }

    /// With several jobs the lines come out in input order, whatever chunk finishes first: chunks of slow (RS256)
    /// and fast (malformed) lines alternate, and every line says what its own token is.
    @Test func outputKeepsInputOrderWithJobs() async throws {
        let dir = try TempDir()
        let keys = try KeyFiles(.RS256, in: dir)
        let harness = CommandHarness()
        let good = try harness.token(["--alg", "RS256", "--key", keys.privatePath, "--exp", "+1h"])
        let expired = try harness.token(["--alg", "RS256", "--key", keys.privatePath, "--exp=-1h", "--iat=-2h"])
        var lines: [String] = []
        let count = 12 * BatchVerifier.chunkLines + 17
        for n in 1...count {
            let slow = (n / BatchVerifier.chunkLines) % 2 == 0
            lines.append(!slow ? "x\(n)" : n % 2 == 0 ? good : expired)
        }
        let input = try dir.write("ordered.txt", lines.joined(separator: "\n"))
        harness.reset()
        #expect(try await harness.verify(["--batch", input, "--key", keys.publicPath, "--jobs", "4"]) == .failed)
        let out = harness.out.split(separator: "\n").map(String.init)
        #expect(out.count == count)
        for (k, line) in out.enumerated() {
            let n = k + 1
            let json = try JSONParser().parse(line)
            #expect(Self.int(json["line"]) == n)
            let expected = lines[k].hasPrefix("x") ? "malformed" : n % 2 == 0 ? "pass" : "fail"
            #expect(json["verdict"]?.stringValue == expected, "line \(n)")
        }
        let malformed = lines.filter { $0.hasPrefix("x") }.count
        let passed = lines.filter { $0 == good }.count
        #expect(harness.err == "jwt verify --batch: \(count) tokens: \(passed) passed, \(count - passed - malformed) failed, \(malformed) malformed\n")
    }

    /// Memory is bounded by the window: the reader is never more than `2 × jobs` chunks (plus the output buffer)
    /// ahead of what has been written. A gauge, not a clock.
    @Test func readerStaysWithinTheWindow() async throws {
        let written = LineGauge()
        let environment = CommandEnvironment(
            now: { 1_700_000_000 }, writeOut: { written.add($0.utf8.count { $0 == 0x0A }) }, writeErr: { _ in },
            readStdin: { _ in [] }, readFile: { path, _ throws(JWTCommandsError) in throw JWTCommandsError.noInput(path) },
            variables: [:], stdoutIsTerminal: false)
        let total = 40_000
        var source: any LineSource = GaugedLines(count: total, gauge: written)
        let validator = Validator(options: ValidationOptions(now: 1_700_000_000))
        var verifier = BatchVerifier(validator: validator, keys: KeyRing([]), limits: .default)
        verifier.jobs = 4
        #expect(try await verifier.run(lines: &source, environment: environment) == .failed)
        #expect(written.lines == total)
        // Each malformed line's output is > 100 bytes, so the 64 KiB output buffer holds < 700 lines.
        let bound = (2 * verifier.jobs + 1) * BatchVerifier.chunkLines + BatchVerifier.flushBytes / 100
        #expect(written.maxAhead <= bound, "read \(written.maxAhead) lines ahead of the output")
        #expect(written.maxAhead >= BatchVerifier.chunkLines)
    }

    @Test(arguments: [
        ("Name:\tjwt\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n", 2 as Int?),
        ("Cpus_allowed:\tff,ffffffff\n", 40),
        ("Cpus_allowed:\t00000000,00000001\n", 1),
        ("Cpus_allowed:\t3g\n", nil),
        ("Cpus_allowed_list:\t0-1\n", nil),
    ])
    func affinityMaskCountsAllowedCores(status: String, count: Int?) {
        #expect(ProcessorCount.allowed(inStatus: Array(status.utf8)) == count)
    }

    @Test func defaultJobsIsAtLeastOne() {
        #expect(ProcessorCount.usable() >= 1)
    }

    @Test(arguments: [["--jobs", "0"], ["--jobs=-1"], ["--jobs", "100000"], ["--jobs", "two"], ["--explain"]])
    func badJobsIsUsage(arguments: [String]) async throws {
        let dir = try TempDir()
        let keys = try KeyFiles(.HS256, in: dir)
        let harness = CommandHarness()
        let batch = arguments == ["--explain"] ? ["eyJ.e30.x"] : ["--batch", "-"]
        #expect(try await harness.verify(batch + arguments + ["--secret-file", keys.publicPath], stdinLines: []) == .usage)
    }

    /// `--explain` puts every finding on the line; its failed ids are those the findings fail.
    @Test func explainAddsFindings() async throws {
        let (_, keys, harness, good, expired) = try BatchTests.setup()
        let code = try await harness.verify(["--batch", "-", "--explain", "--jobs", "2", "--secret-file", keys.publicPath],
                                            stdinLines: Array("\(good)\n\(expired)\n".utf8))
        #expect(code == .failed)
        let lines = try harness.out.split(separator: "\n").map { try JSONParser().parse(String($0)) }
        #expect(lines.count == 2)
        for line in lines {
            let findings = line["findings"]?.arrayValue ?? []
            #expect(findings.count == 22)
            #expect(findings.allSatisfy { !($0["message"]?.stringValue ?? "").isEmpty })
            let failed = findings.filter { $0["status"]?.stringValue == "fail" }.compactMap { $0["id"]?.stringValue }
            #expect(Self.strings(line["failed"]) == failed)
        }
        #expect(Self.strings(lines[1]["failed"]) == ["EXP-01"])
        #expect(!harness.out.contains(good) && !harness.out.contains(expired))
    }
}

/// Lines read versus lines written, for the window test.
final class LineGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var read = 0
    private var out = 0
    private var ahead = 0
    var lines: Int { lock.withLock { out } }
    var maxAhead: Int { lock.withLock { ahead } }
    func add(_ count: Int) { lock.withLock { out += count } }
    func readOne() { lock.withLock { read += 1; ahead = max(ahead, read - out) } }
}

/// `count` lines that are not tokens (cheap to judge), each read counted.
struct GaugedLines: LineSource {
    let count: Int
    let gauge: LineGauge
    var produced = 0
    mutating func nextLine() throws(JWTCommandsError) -> [UInt8]? {
        guard produced < count else { return nil }
        produced += 1
        gauge.readOne()
        return Array("not-a-token-\(produced)".utf8)
    }
}
