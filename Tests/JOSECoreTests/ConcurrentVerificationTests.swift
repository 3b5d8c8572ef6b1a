import Testing
import JOSECore

/// One parsed key shared by many concurrent verifications (pooled libcrypto contexts): every result stays correct.
@Suite struct ConcurrentVerificationTests {
    @Test(arguments: [JWSAlgorithm.HS256, .RS256, .PS256, .ES256, .EdDSA])
    func sharedKeyUnderConcurrency(algorithm: JWSAlgorithm) async throws {
        let key = try JWSKey.generate(for: algorithm)
        let input = Array("header.payload".utf8)
        let good = try JWSSigner.sign(algorithm: algorithm, signingInput: input, key: key)
        var bad = good
        bad[0] ^= 0x80
        let tampered = bad
        let results = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var accepted = 0, rejected = 0
                    for round in 0..<200 {
                        if round % 2 == 0 {
                            if try JWSVerifier.verify(algorithm: algorithm, signingInput: input, signature: good, key: key) { accepted += 1 }
                        } else {
                            if try !JWSVerifier.verify(algorithm: algorithm, signingInput: input, signature: tampered, key: key) { rejected += 1 }
                        }
                    }
                    return (accepted, rejected)
                }
            }
            var total = (0, 0)
            for try await (a, r) in group { total.0 += a; total.1 += r }
            return total
        }
        #expect(results.0 == 800)
        #expect(results.1 == 800)
    }
}
