import OAuth2Client

/// Runs a suite: endpoints concurrently (at most `concurrency` at once), each endpoint's requests and checks in
/// order within its own deadline, results in suite order whatever the timing. An endpoint that cannot be reached
/// becomes failing checks with the reason; the run itself never aborts. Clock and transport are injected; tokens
/// are judged by `JWTValidation` (see ``EndpointJudge``).
public struct ConformanceRunner: Sendable {
    public var transport: any HTTPTransport
    /// Epoch seconds, now.
    public var now: @Sendable () -> Double
    /// Overrides the suite's `defaults.concurrency` when set (`--concurrency N`).
    public var concurrency: Int?
    /// Called with each issued access token as soon as it is known (the command emits `::add-mask::`).
    public var onToken: @Sendable (String) -> Void
    /// Called as each endpoint finishes, in completion order (live console lines).
    public var onEndpoint: @Sendable (EndpointResult) -> Void

    public init(
        transport: any HTTPTransport, now: @escaping @Sendable () -> Double,
        concurrency: Int? = nil, onToken: @escaping @Sendable (String) -> Void = { _ in },
        onEndpoint: @escaping @Sendable (EndpointResult) -> Void = { _ in }
    ) {
        self.transport = transport
        self.now = now
        self.concurrency = concurrency
        self.onToken = onToken
        self.onEndpoint = onEndpoint
    }

    public func run(_ suite: ConformanceSuite) async -> RunResult {
        let started = now()
        let limit = max(1, concurrency ?? suite.defaults.concurrency)
        var results = [EndpointResult?](repeating: nil, count: suite.endpoints.count)
        await withTaskGroup(of: (Int, EndpointResult).self) { group in
            var next = 0
            func startNext() {
                guard next < suite.endpoints.count else { return }
                let index = next
                let endpoint = suite.endpoints[index]
                next += 1
                group.addTask { (index, await self.runEndpoint(endpoint)) }
            }
            for _ in 0..<min(limit, suite.endpoints.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                onEndpoint(result)
                startNext()
            }
        }
        return RunResult(suite: suite.name, startedAt: started, duration: now() - started, endpoints: results.compactMap { $0 })
    }

    /// Probes then judges one endpoint.
    public func runEndpoint(_ endpoint: EndpointConfiguration) async -> EndpointResult {
        let started = now()
        let probe = EndpointProbe(endpoint: endpoint, transport: transport, now: now, onToken: onToken)
        let observation = await probe.run()
        let judge = EndpointJudge()
        var result = judge.judge(endpoint, observation: observation, startedAt: started, duration: 0)
        result.duration = now() - started
        return result
    }
}
