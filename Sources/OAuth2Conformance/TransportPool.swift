import Synchronization

/// Spreads requests round-robin over several transports. AsyncHTTPClient keeps at most 8 HTTP/1.1 connections per
/// host per client, so a run with `--concurrency 20` against one host would queue behind 8 connections; a pool of
/// ⌈concurrency / 8⌉ transports lets every endpoint in flight have its own connection.
public final class TransportPool: ProbeTransport {
    /// Connections per host that one AsyncHTTPClient opens (its default soft limit).
    public static let connectionsPerTransport = 8

    private let members: [any ProbeTransport]
    private let next = Mutex(0)

    public init(_ members: [any ProbeTransport]) {
        precondition(!members.isEmpty, "a transport pool needs at least one transport")
        self.members = members
    }

    /// How many transports a run with `concurrency` endpoints at once needs.
    public static func size(forConcurrency concurrency: Int) -> Int {
        max(1, (concurrency + connectionsPerTransport - 1) / connectionsPerTransport)
    }

    public func send(_ request: ProbeRequest, timeout: Double) async throws(ProbeFailure) -> ProbeResponse {
        let index = next.withLock { value in
            defer { value = (value + 1) % members.count }
            return value
        }
        return try await members[index].send(request, timeout: timeout)
    }
}
