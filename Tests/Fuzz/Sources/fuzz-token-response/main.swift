import FuzzSupport
import JOSECore
import OAuth2Client

/// Token-endpoint responses (RFC 6749 §5.1 success, §5.2 error, 3xx): the first byte picks the status and the
/// content type, the rest is the body. Parsing never traps, and every deviation it records can be described.
let statuses = [200, 201, 204, 302, 400, 401, 403, 429, 500, 503]
let contentTypes = ["application/json", "application/json;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded"]

fuzz { bytes in
    let selector = Int(bytes.first ?? 0)
    let body = Array(bytes.dropFirst())
    let response = HTTPTransportResponse(
        status: statuses[selector % statuses.count],
        headers: [HTTPHeaderField("Content-Type", contentTypes[(selector / statuses.count) % contentTypes.count]),
                  HTTPHeaderField("WWW-Authenticate", "Bearer realm=\"fuzz\"")],
        body: body
    )
    do throws(OAuth2ClientError) {
        let token = try TokenResponse.parse(response)
        for deviation in token.deviations { _ = deviation.description }
    } catch {
        _ = error.description
        _ = TokenErrorResponse(response: response)
    }
}
