import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The live ``KeyFetcher``: AsyncHTTPClient (the kit's one HTTP stack, as in OAuth2Client), a deadline for the whole
/// fetch and the body capped while it streams in.
///
/// No redirect is followed — the same rule as the token client (``OAuth2Client/AsyncHTTPTransport``): a key document
/// comes from the URL the user named or the metadata published, not from wherever a server points. (An origin is
/// scheme + host + port, RFC 6454 §4; following only same-origin redirects would still let one service on a host
/// hand out keys for another, so none are followed.) A 3xx is reported as unreachable, naming the target.
///
/// Blocking by design (`verify` is synchronous): it waits on an `EventLoopFuture`, whose work runs on NIO's own
/// threads, so it never waits on the Swift concurrency pool it may be called from.
public struct TransportKeyFetcher: KeyFetcher {
    /// Seconds for the whole fetch.
    public var timeout: Double

    public init(timeout: Double = 10) { self.timeout = timeout }

    public func fetch(_ url: String, limit: Int) throws(JWTCommandsError) -> KeyFetchResponse {
        if let refusal = KeyURLPolicy.refusal(url) { throw JWTCommandsError.usage(refusal) }
        let seconds = max(timeout, 0.1)
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(min(seconds, 5) * 1000)))
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        let deadline = NIODeadline.now() + .milliseconds(Int64(seconds * 1000))
        let response: HTTPClient.Response
        do {
            let request = try HTTPClient.Request(url: url, method: .GET, headers: ["Accept": "application/json"])
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
        if (300...399).contains(status) {
            let target = response.headers.first(name: "Location").map { " to \($0)" } ?? ""
            throw JWTCommandsError.unreachable("\(url): redirect\(target) refused (HTTP \(status); key documents are fetched from the URL given, no redirect is followed)")
        }
        var body = response.body ?? ByteBuffer()
        return KeyFetchResponse(status: status, body: body.readBytes(length: body.readableBytes) ?? [])
    }
    /// A short category for the error, never request data.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return error.shortDescription }
        return String(describing: error).prefix(160).description
    }
}
