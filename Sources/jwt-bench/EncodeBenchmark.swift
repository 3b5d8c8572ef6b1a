import JOSECore

/// The mock's token-route encoders, in process: compact JSON of the claims (RFC 7159 §4) and of the token answer,
/// base64url (RFC 4648 §5) of the payload and the signature. One thread; ns per operation over user CPU time.
enum EncodeBenchmark {
    /// The claims the mock signs (`MockService.tokenMembers`): seven short members plus a scope.
    static let claims: JSONObject = [
        "iss": "http://127.0.0.1:8080",
        "sub": "demo-basic",
        "aud": "https://api.example.test",
        "client_id": "demo-basic",
        "iat": 1_800_000_000,
        "exp": 1_800_003_600,
        "jti": "0b7f6c1d2e3a4b5c9d8e7f6a5b4c3d2e",
        "scope": "read write",
    ]

    static func run(seconds: Double) {
        let payload = Array(JSONValue.object(claims).compact.utf8)
        let signature = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let token = "eyJhbGciOiJFUzI1NiJ9." + Base64URL.encode(payload) + "." + Base64URL.encode(signature)
        let answer: JSONObject = [
            "access_token": .string(token), "token_type": "Bearer", "expires_in": 3600, "scope": "read write",
        ]
        print("payload \(payload.count) bytes, signature \(signature.count) bytes, token \(token.utf8.count) bytes")
        print("\(pad("row", 28))  \(pad("ns/op", 8))")
        row("claims compact", seconds) { JSONValue.object(claims).compact.utf8.count }
        row("base64url payload", seconds) { Base64URL.encode(payload).utf8.count }
        row("base64url signature", seconds) { Base64URL.encode(signature).utf8.count }
        row("token answer compact", seconds) { JSONValue.object(answer).compact.utf8.count }
        row("base64 (std) 48 bytes", seconds) { Base64.encode(signature[0..<48]).utf8.count }
    }

    static func row(_ name: String, _ seconds: Double, _ body: () -> Int) {
        var sink = 0
        let rate = measure(seconds: seconds) {
            sink &+= body()
            return true
        }
        print("\(pad(name, 28))  \(pad(format(1e9 / rate.cpuOps, decimals: 0), 8))" + (sink == 42 ? " " : ""))
    }
}
