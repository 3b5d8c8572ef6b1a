import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers each path from a script: status, headers,
/// body, `Location`. For what the mock (``MockHarness``) does not serve on purpose: redirects, a mismatched issuer,
/// an oversized body, hostile header text. Bodies and `Location` values may contain `{BASE}`, replaced by
/// `http://127.0.0.1:PORT`. Every request's target (path and query) is recorded in order; a target with no route
/// answers 404. Nothing leaves loopback. With `tls`, it speaks HTTPS with that certificate and key (``TestPKI``), and
/// `{BASE}` is `https://localhost:PORT` (the name the test certificate carries).
public final class ScriptedHTTPServer: Sendable {
    /// One scripted answer.
    public struct Route: Sendable {
        public var status: Int
        public var body: String
        public var location: String?
        /// Extra response headers, sent as given (`Content-Type` is `application/json` unless one is given here).
        public var headers: [(String, String)]

        public init(status: Int = 200, body: String = "", location: String? = nil, headers: [(String, String)] = []) {
            self.status = status
            self.body = body
            self.location = location
            self.headers = headers
        }
    }

    public let port: Int
    /// `http://127.0.0.1:PORT`, or `https://localhost:PORT` with TLS.
    public let base: String

    private let script: Script
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup
    private let stopped = NIOLockedValueBox(false)

    /// Binds and starts serving before it returns. `tls`: a PEM certificate and key file to serve HTTPS with.
    public init(routes: [String: Route], tls: (certificatePath: String, keyPath: String)? = nil) throws {
        let script = Script(routes: routes)
        let context: NIOSSLContext? = try tls.map { tls in
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
            return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(Handler(script: script))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        let port = channel.localAddress?.port ?? 0
        let base = tls == nil ? "http://127.0.0.1:\(port)" : "https://localhost:\(port)"
        script.base.withLockedValue { $0 = base }
        self.base = base
        self.script = script
        self.channel = channel
        self.group = group
        self.port = port
    }

    deinit { stop() }

    /// Request targets (path and query), in the order they arrived.
    public var requests: [String] { script.recorded.withLockedValue { $0 } }

    /// Closes the listener and stops the event loop (idempotent).
    public func stop() {
        let first = stopped.withLockedValue { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// The routes and the request log, shared with the connection handlers.
    private final class Script: Sendable {
        let routes: [String: Route]
        let recorded = NIOLockedValueBox([String]())
        let base = NIOLockedValueBox("")

        init(routes: [String: Route]) { self.routes = routes }

        func answer(_ target: String) -> (HTTPResponseHead, ByteBuffer) {
            recorded.withLockedValue { $0.append(target) }
            let base = self.base.withLockedValue { $0 }
            let route = routes[target] ?? Route(status: 404, body: "not found")
            let body = route.body.replacingOccurrences(of: "{BASE}", with: base)
            var headers = HTTPHeaders()
            if !route.headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                headers.add(name: "Content-Type", value: "application/json")
            }
            for (name, value) in route.headers { headers.add(name: name, value: value) }
            if let location = route.location { headers.add(name: "Location", value: location.replacingOccurrences(of: "{BASE}", with: base)) }
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            return (HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: route.status), headers: headers), ByteBuffer(string: body))
        }
    }

    /// Answers each request once its end arrives (request bodies are read and ignored).
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let script: Script
        var target: String?
        var keepAlive = true

        init(script: Script) { self.script = script }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch Self.unwrapInboundIn(data) {
            case .head(let head):
                target = head.uri
                keepAlive = head.isKeepAlive
            case .body:
                break
            case .end:
                guard let target else {
                    context.close(promise: nil)
                    return
                }
                self.target = nil
                let (head, body) = script.answer(target)
                context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
                context.write(Self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
                if keepAlive {
                    context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
                } else {
                    let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                    context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
                }
            }
        }
    }
}
