#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A token in JOSE compact serialization, classified (RFC 7515 §7.1, RFC 7516 §7.1, RFC 7519 §6).
public enum CompactToken: Sendable, Equatable {
    /// Three segments: a JWS. ``JWSToken/isUnsecured`` marks `alg: none` with an empty signature.
    case jws(JWSToken)
    /// Five segments: a JWE. Only its protected header is readable without the key.
    case jwe(JWEToken)

    public struct Limits: Sendable, Equatable {
        /// Largest token in bytes. Default 256 KiB (access tokens are usually 1–4 KiB).
        public var maxTokenBytes: Int
        /// Limits for the header and claims JSON.
        public var json: JSONParser.Limits
        public init(maxTokenBytes: Int = 256 * 1024, json: JSONParser.Limits = .default) {
            self.maxTokenBytes = maxTokenBytes
            self.json = json
        }
        public static let `default` = Limits()
    }

    /// Parses and classifies `text` (already trimmed of whitespace and `Bearer` prefixes by the caller).
    public static func parse(_ text: String, limits: Limits = .default) throws(JOSEError) -> CompactToken {
        let bytes = Array(text.utf8)
        return try parse(bytes: bytes, limits: limits)
    }

    public static func parse(bytes: [UInt8], limits: Limits = .default) throws(JOSEError) -> CompactToken {
        guard !bytes.isEmpty else { throw JOSEError(.malformedCompact, "empty input: no token given") }
        guard bytes.count <= limits.maxTokenBytes else {
            throw JOSEError(.inputTooLarge, "token of \(bytes.count) bytes exceeds the limit of \(limits.maxTokenBytes) bytes")
        }
        if bytes[0] == UInt8(ascii: "{") {
            throw JOSEError(.malformedCompact, "input is JSON, not a compact token: the JWS/JWE JSON serializations are not supported (compact only)")
        }
        // Find the dots with memchr; the bytes between them are checked by the strict base64url decoder, and only
        // when that fails is the token scanned again for the friendlier "whitespace / non-ASCII" message.
        var dots = (0, 0, 0, 0)
        var dotCount = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            while from < buffer.count, let hit = memchr(base + from, Int32(UInt8(ascii: ".")), buffer.count - from) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                switch dotCount {
                case 0: dots.0 = offset
                case 1: dots.1 = offset
                case 2: dots.2 = offset
                case 3: dots.3 = offset
                default: break
                }
                dotCount += 1
                from = offset + 1
            }
        }
        if dotCount != 2, dotCount != 4 { try diagnoseBytes(bytes) }
        do throws(JOSEError) {
            switch dotCount {
            case 2: return .jws(try JWSToken(bytes: bytes, dots: (dots.0, dots.1), limits: limits))
            case 4: return .jwe(try JWEToken(bytes: bytes, firstDot: dots.0, limits: limits))
            default: break
            }
        } catch {
            if error.code == .invalidBase64URL { try diagnoseBytes(bytes) }
            throw error
        }
        do {
            let segments = dotCount > 4 ? "more than 5" : "\(dotCount + 1)"
            throw JOSEError(.malformedCompact, "\(segments) segment\(dotCount == 0 ? "" : "s") separated by '.': a JWS has 3 and a JWE 5")
        }
    }

    /// Throws when the token holds a byte that can never be in a compact token (whitespace, control, non-ASCII).
    static func diagnoseBytes(_ bytes: [UInt8]) throws(JOSEError) {
        guard let offset = bytes.firstIndex(where: { $0 >= 0x80 || $0 < 0x21 }) else { return }
        let byte = bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        let what = byte >= 0x80 ? "non-ASCII byte 0x\(hex)" : "whitespace or control byte 0x\(hex)"
        throw JOSEError(.malformedCompact, "\(what) at byte offset \(offset): a compact token holds only base64url segments and dots")
    }

    static func decodeObject(_ bytes: ArraySlice<UInt8>, segment: String, limits: Limits) throws(JOSEError) -> JSONObject {
        // The decoded JSON is only read, never kept: decode it into a temporary buffer.
        let value = try bytes.withUnsafeBufferPointer { encoded throws(JOSEError) in
            try Base64URL.withDecoded(encoded, segment: segment) { raw throws(JOSEError) in
                try JSONParser(limits: limits.json).parse(buffer: raw, context: segment)
            }
        }
        guard case .object(let object) = value else {
            throw JOSEError(segment == "header" ? .invalidHeader : .invalidClaims, "\(segment): must be a JSON object, found \(value.typeName)")
        }
        return object
    }
}

/// A compact JWS (RFC 7515 §7.1): `BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature)`.
public struct JWSToken: Sendable, Equatable {
    public let header: JOSEHeader
    /// The payload octets (base64url-decoded unless the header says `b64: false`, RFC 7797).
    public let payload: [UInt8]
    /// The decoded signature; empty when the segment is empty or unreadable (see ``signatureDefect``).
    public let signature: [UInt8]
    /// Why the signature segment cannot be a signature for this header, or `nil`: an undecodable or non-canonical
    /// segment (RFC 7515 §2, §7.1), an empty one under an algorithm other than `none`, or a non-empty one under
    /// `none` (RFC 7518 §3.6). The header and claims are still readable (`decode` shows them); nothing verifies
    /// against such a token (``JWSVerifier`` returns false and `SIG-01` fails).
    public let signatureDefect: JOSEError?
    /// The JWS Signing Input: `ASCII(header segment . payload segment)` (RFC 7515 §5.1 step 6).
    public let signingInput: ArraySlice<UInt8>
    /// The payload as a claims set, or why it is not one.
    public let claims: Result<JWTClaims, JOSEError>

    /// `alg: none` with an empty signature: an Unsecured JWS (RFC 7515 §A.5, RFC 7519 §6).
    public var isUnsecured: Bool { header.alg == "none" && signature.isEmpty && signatureDefect == nil }

    init(bytes: [UInt8], dots: (Int, Int), limits: CompactToken.Limits) throws(JOSEError) {
        // Every part is built in a local and the stored properties are set once at the end: assigning them one by
        // one between throwing steps made the compiler copy (and then destroy) the whole token.
        let headerPart = bytes[..<dots.0]
        let payloadPart = bytes[(dots.0 + 1)..<dots.1]
        let signaturePart = bytes[(dots.1 + 1)...]
        guard !headerPart.isEmpty else { throw JOSEError(.malformedCompact, "header segment is empty") }
        let header = try JOSEHeader(json: CompactToken.decodeObject(headerPart, segment: "header", limits: limits))
        var signature: [UInt8] = []
        var signatureDefect: JOSEError?
        do throws(JOSEError) {
            signature = try signaturePart.withUnsafeBufferPointer { buffer throws(JOSEError) in
                try Base64URL.decode(buffer, segment: "signature")
            }
        } catch {
            // Whitespace, control or non-ASCII bytes mean the text is not a compact token at all (a mangled paste):
            // that stays malformed input. Printable text that is not canonical base64url is a defect of the signature.
            if signaturePart.contains(where: { $0 < 0x21 || $0 > 0x7E }) { throw error }
            signatureDefect = error
        }
        let payload: [UInt8]
        if header.b64 == false {
            payload = Array(payloadPart)
        } else {
            payload = try payloadPart.withUnsafeBufferPointer { buffer throws(JOSEError) in
                try Base64URL.decode(buffer, segment: "payload")
            }
        }
        if signatureDefect == nil {
            let unsecured = header.alg == "none"
            if unsecured, !signaturePart.isEmpty {
                signatureDefect = JOSEError(.malformedCompact, "alg is \"none\" but the signature segment is not empty (RFC 7518 §3.6 requires an empty signature)")
            } else if signaturePart.isEmpty, !unsecured {
                signatureDefect = JOSEError(.malformedCompact, "signature segment is empty but alg is \"\(header.alg)\"")
            }
        }
        // A payload that opens with '{' is a claims set and must be valid JSON (duplicates, depth and size included);
        // anything else is a plain JWS payload (RFC 7515 A.4 signs the text "Payload"), shown but not a JWT.
        let claims: Result<JWTClaims, JOSEError>
        if payload.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "{") {
            let value = try JSONParser(limits: limits.json).parse(payload, context: "claims")
            guard case .object(let object) = value else {
                throw JOSEError(.invalidClaims, "claims: must be a JSON object, found \(value.typeName)")
            }
            claims = .success(JWTClaims(json: object))
        } else {
            claims = .failure(JOSEError(.invalidClaims, "payload is not a JSON object, so this JWS is not a JWT (RFC 7519 §7.2 step 10)"))
        }
        self.header = header
        self.payload = payload
        self.signature = signatureDefect == nil ? signature : []
        self.signatureDefect = signatureDefect
        self.signingInput = bytes[..<dots.1]
        self.claims = claims
    }
}

/// A compact JWE (RFC 7516 §7.1): five segments. Nothing is decrypted; only the protected header is read.
public struct JWEToken: Sendable, Equatable {
    public let header: JOSEHeader

    init(bytes: [UInt8], firstDot: Int, limits: CompactToken.Limits) throws(JOSEError) {
        let headerPart = bytes[..<firstDot]
        guard !headerPart.isEmpty else { throw JOSEError(.malformedCompact, "JWE protected header segment is empty") }
        header = try JOSEHeader(json: CompactToken.decodeObject(headerPart, segment: "header", limits: limits), requireEnc: true)
    }
}
