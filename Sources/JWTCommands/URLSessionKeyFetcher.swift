import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The live ``KeyFetcher``: URLSession, ephemeral (no cookies, no cache), a deadline for the whole request, the
/// body capped while it streams in, redirects followed only to the same scheme and host.
public struct URLSessionKeyFetcher: KeyFetcher {
    /// Seconds for the whole request.
    public var timeout: Double

    public init(timeout: Double = 10) { self.timeout = timeout }

    public func fetch(_ url: String, limit: Int) throws(JWTCommandsError) -> KeyFetchResponse {
        if let refusal = KeyURLPolicy.refusal(url) { throw JWTCommandsError.usage(refusal) }
        guard let target = URL(string: url), let parts = KeyURLPolicy.parts(url) else {
            throw JWTCommandsError.usage("'\(url)' is not a valid URL")
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let delegate = FetchDelegate(limit: limit, scheme: parts.scheme, host: parts.host)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        task.resume()
        let finished = delegate.done.wait(timeout: .now() + timeout + 1)
        if finished == .timedOut { task.cancel() }
        session.invalidateAndCancel()
        let result = delegate.result()
        if finished == .timedOut { throw JWTCommandsError.unreachable("\(url): no answer within \(Int(timeout)) s") }
        if result.tooLarge { throw JWTCommandsError.unreachable("\(url): body larger than \(limit) bytes") }
        if let redirect = result.refusedRedirect {
            throw JWTCommandsError.unreachable("\(url): redirect to \(redirect) refused (only the same scheme and host are followed)")
        }
        if let error = result.error {
            throw JWTCommandsError.unreachable("\(url): \(error.localizedDescription)")
        }
        return KeyFetchResponse(status: result.status, body: result.body)
    }
}

/// Collects one response; all state behind a lock (URLSession calls back on its own queue).
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Result {
        var status = 0
        var body: [UInt8] = []
        var tooLarge = false
        var refusedRedirect: String?
        var error: (any Error)?
    }

    let limit: Int
    let scheme: String
    let host: String
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var state = Result()

    init(limit: Int, scheme: String, host: String) {
        self.limit = limit
        self.scheme = scheme
        self.host = host
    }

    func result() -> Result { lock.withLock { state } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let tooLarge = response.expectedContentLength > Int64(limit)
        lock.withLock {
            state.status = status
            state.tooLarge = tooLarge
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            if state.body.count + data.count > limit {
                state.tooLarge = true
                return true
            }
            state.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let next = request.url?.absoluteString ?? "?"
        if let parts = KeyURLPolicy.parts(next), parts.scheme == scheme, parts.host == host {
            completionHandler(request)
        } else {
            lock.withLock { state.refusedRedirect = next }
            completionHandler(nil)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            if let error, !state.tooLarge, state.refusedRedirect == nil { state.error = error }
        }
        done.signal()
    }
}
