import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The live ``KeyFetcher``: AsyncHTTPClient (the kit's one HTTP stack, as in OAuth2Client), a deadline for the whole
/// fetch, the body capped while it streams in, and redirects followed (at most 3) only to the same scheme and host —
/// a JWKS must not be fetchable from wherever a server points.
///
/// Blocking by design (`verify` is synchronous): it waits on an `EventLoopFuture`, whose work runs on NIO's own
/// threads, so it never waits on the Swift concurrency pool it may be called from.
public struct TransportKeyFetcher: KeyFetcher {
    /// Seconds for the whole fetch, redirects included.
    public var timeout: Double
    /// Redirect hops followed.
    public static let maxRedirects = 3

    public init(timeout: Double = 10) { self.timeout = timeout }

    public func fetch(_ url: String, limit: Int) throws(JWTCommandsError) -> KeyFetchResponse {
        if let refusal = KeyURLPolicy.refusal(url) { throw JWTCommandsError.usage(refusal) }
        guard let origin = KeyURLPolicy.parts(url) else { throw JWTCommandsError.usage("'\(url)' is not a valid URL") }
        let seconds = max(timeout, 0.1)
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(min(seconds, 5) * 1000)))
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        let deadline = NIODeadline.now() + .milliseconds(Int64(seconds * 1000))
        var current = url
        for _ in 0...Self.maxRedirects {
            let response: HTTPClient.Response
            do {
                let request = try HTTPClient.Request(url: current, method: .GET, headers: ["Accept": "application/json"])
                let delegate = ResponseAccumulator(request: request, maxBodySize: limit)
                response = try client.execute(request: request, delegate: delegate, deadline: deadline).wait()
            } catch is ResponseAccumulator.ResponseTooBigError {
                throw JWTCommandsError.unreachable("\(url): body larger than \(limit) bytes")
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw JWTCommandsError.unreachable("\(url): no answer within \(Int(seconds.rounded(.up))) s")
            } catch {
                throw JWTCommandsError.unreachable("\(url): \(Self.describe(error))")
            }
            let status = Int(response.status.code)
            guard (300...399).contains(status), let location = response.headers.first(name: "Location") else {
                var body = response.body ?? ByteBuffer()
                return KeyFetchResponse(status: status, body: body.readBytes(length: body.readableBytes) ?? [])
            }
            let next = location.hasPrefix("/") ? "\(origin.scheme)://\(origin.host)\(origin.port)\(location)" : location
            guard let parts = KeyURLPolicy.parts(next), parts.scheme == origin.scheme, parts.host == origin.host else {
                throw JWTCommandsError.unreachable("\(url): redirect to \(next) refused (only the same scheme and host are followed)")
            }
            current = next
        }
        throw JWTCommandsError.unreachable("\(url): more than \(Self.maxRedirects) redirects")
    }

    /// A short category for the error, never request data.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return error.shortDescription }
        return String(describing: error).prefix(160).description
    }
}
