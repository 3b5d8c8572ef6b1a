import Testing
import JOSECore
import JWTTestSupport

/// RFC 7520 (JOSE Cookbook) §4.1–4.4 and RFC 8037 A.4 (`curve25519/jws.json`): compact, general and flattened JSON
/// signatures verify with the public key; one changed byte fails; deterministic ones re-sign to the same compact.
@Suite struct CookbookTests {
    @Test(arguments: [
        "jws/4_1.rsa_v15_signature.json",
        "jws/4_2.rsa-pss_signature.json",
        "jws/4_3.ecdsa_signature.json",
        "jws/4_4.hmac-sha2_integrity_protection.json",
        "curve25519/jws.json",
    ])
    func example(file: String) throws {
        let example = try VectorFolder.json("jose-cookbook/" + file)
        let input = try #require(example["input"])
        let jwk = try input.object("key")
        let output = try #require(example["output"])
        try JWSExampleCheck.checkCompact(name: file, compact: try output.string("compact"), jwk: jwk)
        let general = try #require(output["json"])
        for entry in try general.array("signatures") {
            try JWSExampleCheck.checkJSONSignature(name: "\(file) json", protected: try entry.string("protected"),
                                                   payload: try general.string("payload"), signature: try entry.string("signature"), jwk: jwk)
        }
        let flat = try #require(output["json_flat"])
        try JWSExampleCheck.checkJSONSignature(name: "\(file) flat", protected: try flat.string("protected"),
                                               payload: try flat.string("payload"), signature: try flat.string("signature"), jwk: jwk)
        // The cookbook keys carry use "sig" (and a kid): they must still be usable for the example's alg.
        let key = try KeyLoader.jwk(jwk)
        #expect(key.compatibleAlgorithms.contains(try #require(JWSAlgorithm(rawValue: try input.string("alg")))))
    }
}
