import JOSECore
@testable import JWTValidation

/// Builds tokens for rule tests: signed with real keys, or with an arbitrary signature.
enum TokenFactory {
    static let now: Double = 1_700_000_000

    static func object(_ text: String) -> JSONObject {
        (try? JSONParser().parse(text))?.objectValue ?? [:]
    }

    /// A compact token with the given header, payload and raw signature bytes.
    static func compact(header: String, payload: String, signature: [UInt8]) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
    }

    static func parse(_ compact: String) throws -> JWSToken {
        guard case .jws(let jws) = try CompactToken.parse(compact) else { throw JOSEError(.malformedCompact, "not a JWS") }
        return jws
    }

    /// A token whose signature is garbage (for claim rules, which do not look at it).
    static func unsigned(header: String = #"{"alg":"HS256","typ":"JWT"}"#, claims: String) throws -> JWSToken {
        try parse(compact(header: header, payload: claims, signature: [UInt8](repeating: 7, count: 32)))
    }

    static func signed(_ header: JSONObject, claims: String, key: JWSKey) throws -> JWSToken {
        try parse(try JWSSigner.sign(header: header, payload: Array(claims.utf8), key: key))
    }

    static let secret = JWSSignerTestSecret.bytes

    static func context(_ token: JWSToken, _ options: ValidationOptions = ValidationOptions(now: now), keys: [JWSKey] = []) -> ValidationContext {
        ValidationContext(token: token, options: options, keys: keys)
    }

    /// Evaluates one rule on claims given as JSON.
    static func evaluate(_ rule: some ValidationRule, claims: String, header: String = #"{"alg":"HS256","typ":"JWT"}"#,
                         options: ValidationOptions = ValidationOptions(now: now)) throws -> Finding {
        rule.evaluate(context(try unsigned(header: header, claims: claims), options))
    }
}

enum JWSSignerTestSecret {
    static let bytes = Array("0123456789abcdef0123456789abcdef-test-secret".utf8)
}
