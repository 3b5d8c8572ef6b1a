import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

/// Short, stable messages for the ways an exchange fails below HTTP: "connection refused", "no such host",
/// "TLS handshake failed: …", "timed out after N s". AsyncHTTPClient and NIO describe these with type names and
/// errno text (`IOError connection reset (error set): Connection refused (errno: 111)`); people and reports get the
/// category and the host, never request data.
enum ConnectionFailure {
    /// What the transport knew when the exchange failed.
    struct Limits {
        /// The deadline that applied to the whole exchange.
        var exchange: Duration
        /// The connect timeout of the client.
        var connect: Duration
        /// The largest body accepted.
        var maxBytes: Int
    }

    static func classify(_ error: any Error, host: String, limits: Limits) -> OAuth2ClientError {
        if error is NIOTooManyBytesError {
            return OAuth2ClientError(.responseTooLarge, "response body is over the \(limits.maxBytes)-byte limit")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .getConnectionFromPoolTimeout:
                return OAuth2ClientError(.timeout, "\(host): timed out after \(seconds(limits.exchange)) s")
            case .connectTimeout:
                return OAuth2ClientError(.timeout, "\(host): timed out after \(seconds(limits.connect)) s (connecting)")
            case .tlsHandshakeTimeout:
                return OAuth2ClientError(.timeout, "\(host): TLS handshake failed: timed out")
            case .readTimeout, .writeTimeout:
                return OAuth2ClientError(.timeout, "\(host): timed out (\(error.shortDescription.lowercased()))")
            case .remoteConnectionClosed:
                return OAuth2ClientError(.network, "\(host): connection closed by the server before the answer was complete")
            default:
                return OAuth2ClientError(.network, "\(host): \(error.shortDescription.lowercased())")
            }
        }
        if error is CancellationError {
            return OAuth2ClientError(.timeout, "\(host): request cancelled")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return OAuth2ClientError(.timeout, "\(host): timed out after \(seconds(limits.connect)) s (connecting)")
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return classify(first.error, host: host, limits: limits) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return OAuth2ClientError(.network, "\(host): no such host") }
        }
        if error is SocketAddressError.UnknownHost {
            return OAuth2ClientError(.network, "\(host): no such host")
        }
        if let error = error as? IOError {
            return OAuth2ClientError(error.errnoCode == ETIMEDOUT ? .timeout : .network, "\(host): \(text(errno: error.errnoCode))")
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return OAuth2ClientError(.network, "\(host): TLS handshake failed: \(tlsReason(String(describing: error)))")
        }
        return OAuth2ClientError(.network, "\(host): \(String(describing: type(of: error))) \(String(describing: error).prefix(120))")
    }

    /// The errno values a connection meets, in words.
    static func text(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset by the server"
        case ETIMEDOUT: "timed out (connecting)"
        case EHOSTUNREACH: "host unreachable"
        case ENETUNREACH: "network unreachable"
        case EPIPE: "connection closed by the server"
        default: "network error (errno \(code))"
        }
    }

    /// The part of a TLS error a person acts on.
    static func tlsReason(_ description: String) -> String {
        if description.contains("CERTIFICATE_VERIFY_FAILED") { return "certificate not trusted (CERTIFICATE_VERIFY_FAILED)" }
        if description.contains("failedToValidateHostname") { return "the certificate does not name this host" }
        return String(description.prefix(120))
    }

    /// Seconds as people read them: `5`, `1.5`.
    static func seconds(_ duration: Duration) -> String {
        let s = duration.seconds
        return s == s.rounded() ? String(Int64(s.rounded())) : String((s * 10).rounded() / 10)
    }
}
