import Hummingbird
import JOSECore
import Logging
import NIOCore
import NIOPosix

/// Puts a ``MockService`` on a Hummingbird 2 HTTP/1.1 server bound to 127.0.0.1.
///
/// In-process (tests, `jwt conform --mock`): ``start(service:port:log:)`` → ``RunningMockServer`` with the base URL,
/// ``RunningMockServer/stop()`` to end. As a process (`jwt mock`): ``run(service:port:log:onReady:)`` serves until
/// SIGINT/SIGTERM and returns after a graceful shutdown.
public enum MockServer {
    /// Builds the service from a configuration: loads or generates the signing key. `readFile` reads `key_file`.
    public static func makeService(
        configuration: MockConfiguration, readFile: (String) -> [UInt8]? = { _ in nil },
        now: @escaping @Sendable () -> Double = SystemClock.now
    ) throws(MockServerError) -> MockService {
        let signer: MockTokenSigner
        if let path = configuration.keyFile {
            guard let bytes = readFile(path) else { throw MockServerError(.signingKey, "key file \(path) cannot be read") }
            signer = try MockTokenSigner.loaded(bytes: bytes, algorithm: configuration.algorithm, keyID: configuration.keyID)
        } else {
            signer = try MockTokenSigner.generated(algorithm: configuration.algorithm, keyID: configuration.keyID)
        }
        return try MockService(configuration: configuration, signer: signer, now: now)
    }

    /// For a process that does nothing but serve the mock (`jwt mock`): runs Swift concurrency on NIO's event loops,
    /// so a request is not handed between NIO's threads and the concurrency pool (measured: see the README's
    /// benchmark). Call once, from the main thread, before any task starts. Returns whether it took effect.
    @discardableResult
    public static func useEventLoopsAsGlobalExecutor() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Builds the service for `configuration` and starts it (the conformance runner's `--mock`).
    public static func start(configuration: MockConfiguration = .demo, port: Int = 0, log: (@Sendable (String) -> Void)? = nil) async throws(MockServerError) -> RunningMockServer {
        try await start(service: try makeService(configuration: configuration), port: port, log: log)
    }

    /// Starts the server on `127.0.0.1:port` (0 = any free port) and returns once it listens.
    public static func start(service: MockService, port: Int = 0, log: (@Sendable (String) -> Void)? = nil) async throws(MockServerError) -> RunningMockServer {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = makeApplication(service: service, port: port, log: log) { bound in
            continuation.yield(bound)
            continuation.finish()
        }
        let task = Task {
            do { try await app.run() } catch {
                continuation.finish()  // a failed bind must not leave `start` waiting
                throw error
            }
            continuation.finish()
        }
        var iterator = stream.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            task.cancel()
            throw MockServerError(.server, "server did not start on 127.0.0.1:\(port)")
        }
        let url = "http://127.0.0.1:\(bound)"
        service.baseURL = url
        return RunningMockServer(baseURL: url, port: bound, task: task)
    }

    /// Serves until SIGINT or SIGTERM; `onReady` gets the base URL once listening.
    public static func run(service: MockService, port: Int, log: (@Sendable (String) -> Void)?, onReady: @escaping @Sendable (String) -> Void) async throws(MockServerError) {
        let app = makeApplication(service: service, port: port, log: log) { bound in
            let url = "http://127.0.0.1:\(bound)"
            service.baseURL = url
            onReady(url)
        }
        do { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) } catch {
            throw MockServerError(.server, "server stopped: \(String(describing: error).prefix(200))")
        }
    }

    static func makeApplication(
        service: MockService, port: Int, log: (@Sendable (String) -> Void)?, bound: @escaping @Sendable (Int) -> Void
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        for (method, path) in MockService.routes {
            router.on(RouterPath(path), method: HTTPRequest.Method(rawValue: method)!) { request, _ -> Response in
                let clock = ContinuousClock()
                let start = clock.now
                var body: [UInt8] = []
                if method == "POST" {
                    let buffer = try await request.body.collect(upTo: 64 * 1024)
                    body = Array(buffer.readableBytesView)
                }
                let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
                let headers = request.headers.map { ($0.name.rawName, $0.value) }
                let answer = await service.handle(MockRequest(method: method, path: path, query: query, headers: headers, body: body))
                if let delay = answer.delay { await service.delays.hold(for: delay) }
                if let log {
                    let ms = Double((clock.now - start).components.attoseconds / 1_000_000_000_000) / 1000 + Double((clock.now - start).components.seconds) * 1000
                    log("\(method) \(path) \(answer.status) \(answer.logNote) \(Int(ms.rounded())) ms")
                }
                return response(answer)
            }
        }
        var logger = Logger(label: "jwt-mock", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "jwt-mock"),
            onServerRunning: { channel in bound(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    static func response(_ answer: MockResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            fields[.init(name)!] = value
        }
        let status = HTTPResponse.Status(code: answer.status)
        if answer.closeMidBody {
            let first = Array(answer.body.prefix(16))
            let body = ResponseBody(contentLength: 4096) { writer in
                try await writer.write(ByteBuffer(bytes: first))
                throw MockServerError(.server, "connection closed mid-response (fault)")
            }
            return Response(status: status, headers: fields, body: body)
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// A mock server running in this process.
public struct RunningMockServer: Sendable {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public let baseURL: String
    public let port: Int
    let task: Task<Void, any Error>

    /// Stops the server and waits for it to finish.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
