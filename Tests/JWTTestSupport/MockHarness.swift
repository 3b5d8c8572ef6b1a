import JOSECore
import OAuth2MockServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the mock on 127.0.0.1:0 for a test and stops it afterwards.
public enum MockHarness {
    /// Runs `body` with a fresh mock server (its own key, counters and port).
    public static func withMock<T: Sendable>(
        _ configuration: MockConfiguration = .demo,
        now: @escaping @Sendable () -> Double = SystemClock.now,
        _ body: (RunningMockServer, MockService) async throws -> T
    ) async throws -> T {
        let service = try MockServer.makeService(configuration: configuration, now: now)
        let server = try await MockServer.start(service: service)
        do {
            let result = try await body(server, service)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The demo configuration with `count` generated user tenants.
    public static func demo(tenants count: Int) -> MockConfiguration {
        var c = MockConfiguration.demo
        c.userTenants = MockConfiguration.generatedTenants(count)
        return c
    }
}

/// A thread-safe line collector to pass as a log sink.
public final class CapturedLines: @unchecked Sendable {
    private var lines: [String] = []
    private var lock = pthread_mutex_t()

    public init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    public func append(_ line: String) {
        pthread_mutex_lock(&lock)
        lines.append(line)
        pthread_mutex_unlock(&lock)
    }

    public var all: [String] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return lines
    }

    public var text: String { all.joined(separator: "\n") }
}
