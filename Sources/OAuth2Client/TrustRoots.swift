import NIOSSL

/// A CA bundle: the PEM certificates that TLS server certificates are verified against, INSTEAD of the system's
/// roots (as `SSL_CERT_FILE` does for OpenSSL and curl's `--cacert`): a server whose chain does not end in one of
/// these certificates fails the handshake, even if a public CA signed it. Verification itself (chain and host name,
/// RFC 9110 §4.3.4) stays on.
///
/// Made from the file's bytes, read by the caller (so a missing file is the caller's "input missing"); bytes that
/// hold no PEM certificate are ``OAuth2ClientError/Code/caBundle`` (malformed input).
public struct TrustRoots: Sendable, Equatable {
    /// Where the bundle came from (a path), for messages.
    public let source: String
    let certificates: [NIOSSLCertificate]

    /// How many certificates the bundle holds.
    public var count: Int { certificates.count }

    public init(pem bytes: [UInt8], source: String) throws(OAuth2ClientError) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN CERTIFICATE-----") else {
            throw OAuth2ClientError(.caBundle, "\(source): not a PEM CA bundle (no -----BEGIN CERTIFICATE----- block)")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(bytes)
        } catch {
            throw OAuth2ClientError(.caBundle, "\(source): a PEM certificate in the CA bundle cannot be read")
        }
        guard !certificates.isEmpty else {
            throw OAuth2ClientError(.caBundle, "\(source): the CA bundle holds no certificate")
        }
        self.source = source
        self.certificates = certificates
    }
}
