import FuzzSupport
import JOSECore

/// Strict base64url (RFC 7515 §2, RFC 4648 §5 without padding): decoding never traps; whatever decodes is the
/// canonical encoding of its bytes (no padding, no whitespace, no non-zero unused bits); the String and the buffer
/// entry points agree; encoding any bytes decodes back to them.
fuzz { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    let viaString = try? Base64URL.decode(text)
    let viaBuffer = bytes.withUnsafeBufferPointer { try? Base64URL.decode($0) }
    if Array(text.utf8) == bytes { precondition(viaString == viaBuffer, "String and buffer decoders disagree") }
    if let decoded = viaBuffer {
        precondition(Base64URL.encode(decoded) == text, "accepted a non-canonical encoding")
    }
    let encoded = Base64URL.encode(bytes)
    precondition((try? Base64URL.decode(encoded)) == bytes, "encode/decode round trip failed")
}
