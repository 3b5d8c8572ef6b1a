import JOSECore
import Synchronization
import Testing
@testable import OAuth2Client

/// A clock the tests move by hand: deadlines are checked without waiting.
final class HandClock: Sendable {
    private let seconds = Mutex(100.0)
    func now() -> Double { seconds.withLock { $0 } }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
}

/// Answers GETs from a table (URL → answer), records each URL with the timeout it was given, and moves a
/// ``HandClock`` by what each answer "takes". A URL not in the table is a refused connection. No socket is opened.
final class TableTransport: HTTPTransport, Sendable {
    struct Answer: Sendable {
        var response: HTTPTransportResponse?
        /// Seconds the answer takes on the hand clock.
        var takes: Double = 0
        /// No answer: the clock moves by the whole timeout given, then `.timeout`.
        var hangs = false

        static func status(_ status: Int, _ body: String = "", takes: Double = 0, headers: [HTTPHeaderField] = []) -> Answer {
            Answer(response: HTTPTransportResponse(status: status, headers: headers, body: Array(body.utf8)), takes: takes)
        }
        static func ok(_ body: String, takes: Double = 0) -> Answer { .status(200, body, takes: takes) }
        static let hang = Answer(hangs: true)
    }

    struct Sent: Sendable, Equatable {
        let url: String
        let timeout: Duration?
    }

    let answers: [String: Answer]
    let clock: HandClock
    private let log = Mutex<[Sent]>([])

    init(_ answers: [String: Answer], clock: HandClock = HandClock()) {
        self.answers = answers
        self.clock = clock
    }

    var sent: [Sent] { log.withLock { $0 } }
    var urls: [String] { sent.map(\.url) }

    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        log.withLock { $0.append(Sent(url: request.url, timeout: timeout)) }
        guard let answer = answers[request.url] else { throw OAuth2ClientError(.network, "connection refused") }
        if answer.hangs {
            clock.advance(timeout?.seconds ?? 30)
            throw OAuth2ClientError(.timeout, "deadline exceeded")
        }
        clock.advance(answer.takes)
        return answer.response ?? HTTPTransportResponse(status: 599)
    }

    var loader: KeyDocumentLoader { KeyDocumentLoader(transport: self, now: { [clock] in clock.now() }) }
}

/// Issue 10 item 2: the one URL policy, the one discovery, the one redirect rule, the body limit and the deadline of
/// every key fetch (`jwt verify` and `jwt conform` alike).
@Suite struct KeyDocumentLoaderTests {
    static let jwks = #"{"keys":[]}"#

    static func metadata(_ issuer: String, jwks: String? = "https://as.example.test/keys") -> String {
        var object: JSONObject = ["issuer": .string(issuer)]
        if let jwks { object["jwks_uri"] = .string(jwks) }
        return JSONValue.object(object).compact
    }

    // MARK: URL policy

    /// https always; plain http only to exactly 127.0.0.1, ::1 or localhost (`EndpointURL.isLoopbackHost`), or with
    /// the caller's opt-in; anything else is refused before any connection, for a JWKS URL and an issuer alike.
    @Test(arguments: [
        ("https://as.example.test/jwks", false, nil as OAuth2ClientError.Code?),
        ("HTTPS://AS.example.test:8443/jwks", false, nil),
        ("http://127.0.0.1:9/jwks", false, nil),
        ("http://localhost/jwks", false, nil),
        ("http://LOCALHOST:8080/jwks", false, nil),
        ("http://[::1]:80/jwks", false, nil),
        ("http://keys.example.test/jwks", false, .cleartextRefused),
        ("http://127.0.0.1.evil.test/jwks", false, .cleartextRefused),
        ("http://127.0.0.2/jwks", false, .cleartextRefused),
        ("http://127.1/jwks", false, .cleartextRefused),
        ("http://a.localhost/jwks", false, .cleartextRefused),
        ("http://keys.example.test/jwks", true, nil),
        ("http://10.0.0.1/jwks", true, nil),
        ("ftp://keys.example.test/jwks", false, .invalidURL),
        ("keys.example.test/jwks", false, .invalidURL),
        ("https://user@keys.example.test/jwks", false, .invalidURL),
        ("https:///jwks", false, .invalidURL),
        ("https://keys.example.test:99999/jwks", false, .invalidURL),
        ("not a URL", true, .invalidURL),
    ])
    func urlPolicy(url: String, insecureHTTP: Bool, refused: OAuth2ClientError.Code?) async throws {
        do throws(OAuth2ClientError) {
            _ = try EndpointURL.checked(url, insecureHTTP: insecureHTTP)
            #expect(refused == nil, "accepted \(url)")
        } catch {
            #expect(error.code == refused, "\(url): \(error)")
            #expect(error.message.contains(url), "the message names the URL: \(error.message)")
        }
        for source in [RemoteKeySource.jwksURL(url), .issuer(url)] {
            let transport = TableTransport([:])
            let fetch = await transport.loader.fetch(source, insecureHTTP: insecureHTTP, deadline: .seconds(5))
            if let refused {
                #expect(throws: OAuth2ClientError(refused, "")) { try fetch.get() }
                #expect(transport.sent.isEmpty, "\(source) was requested")
            } else {
                #expect(!transport.sent.isEmpty, "\(source) was refused")
            }
        }
    }

    // MARK: discovery

    /// RFC 8414 §3.1 inserts the well-known path before the issuer's path; OpenID Connect Discovery 1.0 §4 appends
    /// it; both drop a terminating `/` first. An issuer has no query or fragment (RFC 8414 §2).
    @Test(arguments: [
        ("https://as.example.test", ["https://as.example.test/.well-known/oauth-authorization-server", "https://as.example.test/.well-known/openid-configuration"]),
        ("https://as.example.test/", ["https://as.example.test/.well-known/oauth-authorization-server", "https://as.example.test/.well-known/openid-configuration"]),
        ("https://as.example.test/tenant/1/", ["https://as.example.test/.well-known/oauth-authorization-server/tenant/1", "https://as.example.test/tenant/1/.well-known/openid-configuration"]),
        ("http://127.0.0.1:8080/t", ["http://127.0.0.1:8080/.well-known/oauth-authorization-server/t", "http://127.0.0.1:8080/t/.well-known/openid-configuration"]),
        ("https://as.example.test/t?x=1", nil),
        ("https://as.example.test/t#f", nil),
        ("as.example.test", nil),
    ])
    func metadataURLs(issuer: String, urls: [String]?) {
        do throws(OAuth2ClientError) {
            let found = try KeyDocumentLoader.metadataURLs(issuer: issuer)
            #expect(found == urls)
        } catch {
            #expect(urls == nil, "\(issuer): \(error)")
            #expect(error.code == .invalidURL)
        }
    }

    /// Which candidates answer decides what is asked, in order: a candidate that is not metadata (no answer, a status,
    /// a redirect, not JSON) lets the next be tried; nothing is asked after the JWK Set is found.
    @Test(arguments: [
        ([0: "meta"], ["8414", "jwks"], true),
        ([1: "meta"], ["8414", "oidc", "jwks"], true),
        ([0: "404", 1: "meta"], ["8414", "oidc", "jwks"], true),
        ([0: "302", 1: "meta"], ["8414", "oidc", "jwks"], true),
        ([0: "html", 1: "meta"], ["8414", "oidc", "jwks"], true),
        ([0: "meta", 1: "meta"], ["8414", "jwks"], true),
        ([0: "404", 1: "404"], ["8414", "oidc"], false),
        ([Int: String](), ["8414", "oidc"], false),
    ])
    func discoveryOrder(answering: [Int: String], asked: [String], found: Bool) async throws {
        let issuer = "https://as.example.test/t"
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: issuer)
        let names = ["8414": candidates[0], "oidc": candidates[1], "jwks": "https://as.example.test/keys"]
        var table: [String: TableTransport.Answer] = ["https://as.example.test/keys": .ok(Self.jwks)]
        for (index, kind) in answering {
            let answer: TableTransport.Answer = switch kind {
            case "meta": .ok(Self.metadata(issuer))
            case "html": .ok("<html>not here</html>")
            case "302": .status(302, headers: [HTTPHeaderField("Location", "https://elsewhere.example.test/meta")])
            default: .status(404)
            }
            table[candidates[index]] = answer
        }
        let transport = TableTransport(table)
        let fetch = await transport.loader.fetch(.issuer(issuer), deadline: .seconds(5))
        #expect(transport.urls == asked.map { names[$0]! })
        if found {
            let document = try fetch.get()
            #expect(document.bytes == Array(Self.jwks.utf8))
            #expect(document.source == "https://as.example.test/keys")
            #expect(document.metadata?.source == transport.urls[transport.urls.count - 2])
        } else {
            guard case .failure(let error) = fetch.result else { Issue.record("found keys"); return }
            #expect(error.message.hasPrefix("no metadata for issuer \(issuer): \(candidates[0]): "), "\(error.message)")
            #expect(error.message.contains("; \(candidates[1]): "), "\(error.message)")
            #expect(error.errorClass == .unreachable)
        }
    }

    /// RFC 8414 §3.3: the metadata's `issuer` must be identical to the one asked for — byte for byte, no trailing
    /// slash allowance, no case or Unicode folding. A mismatch ends discovery (the second candidate is not asked)
    /// as content that cannot be used.
    @Test(arguments: [
        ("https://as.example.test", "https://as.example.test", true),
        ("https://as.example.test", "https://as.example.test/", false),
        ("https://as.example.test/", "https://as.example.test", false),
        ("https://as.example.test/t1", "https://as.example.test/T1", false),
        ("https://as.example.test/caf\u{E9}", "https://as.example.test/cafe\u{301}", false),
        ("https://as.example.test/t1", "https://other.example.test/t1", false),
    ])
    func issuerMustBeIdentical(asked: String, served: String, accepted: Bool) async throws {
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: asked)
        let transport = TableTransport([
            candidates[0]: .ok(Self.metadata(served)), candidates[1]: .ok(Self.metadata(asked)),
            "https://as.example.test/keys": .ok(Self.jwks),
        ])
        let fetch = await transport.loader.fetch(.issuer(asked), deadline: .seconds(5))
        if accepted {
            #expect(try fetch.get().metadata?.issuer == asked)
        } else {
            #expect(throws: OAuth2ClientError(.discovery, "")) { try fetch.get() }
            if case .failure(let error) = fetch.result {
                #expect(error.message.contains("exact match"), "\(error.message)")
                #expect(error.errorClass == .malformedInput)
            }
            #expect(transport.urls == [candidates[0]])
        }
    }

    /// Metadata that is metadata but unusable ends discovery; a `jwks_uri` goes through the same URL policy, with the
    /// same opt-in.
    @Test(arguments: [
        (Self.metadata("https://as.example.test", jwks: nil), false, "no \"jwks_uri\""),
        (Self.metadata("https://as.example.test", jwks: "http://keys.example.test/keys"), false, "plain http"),
        (Self.metadata("https://as.example.test", jwks: "ftp://keys.example.test/keys"), true, "not an absolute http(s) URL"),
        (#"{"jwks_uri":"https://as.example.test/keys"}"#, false, "no string \"issuer\""),
    ])
    func unusableMetadata(body: String, insecureHTTP: Bool, message: String) async throws {
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: "https://as.example.test")
        let transport = TableTransport([candidates[0]: .ok(body), candidates[1]: .ok(Self.metadata("https://as.example.test"))])
        let fetch = await transport.loader.fetch(.issuer("https://as.example.test"), insecureHTTP: insecureHTTP, deadline: .seconds(5))
        #expect(throws: OAuth2ClientError(.discovery, "")) { try fetch.get() }
        if case .failure(let error) = fetch.result { #expect(error.message.contains(message), "\(error.message)") }
        #expect(transport.urls == [candidates[0]])
    }

    @Test func anOptedInPlainHTTPJWKSURIIsFetched() async throws {
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: "http://as.example.test")
        let transport = TableTransport([candidates[0]: .ok(Self.metadata("http://as.example.test", jwks: "http://keys.example.test/k")),
                                        "http://keys.example.test/k": .ok(Self.jwks)])
        #expect(try await transport.loader.load(.issuer("http://as.example.test"), insecureHTTP: true, deadline: .seconds(5)).source == "http://keys.example.test/k")
    }

    // MARK: redirects, statuses, body limit

    /// No redirect is followed, not even to the same origin: the 3xx is the answer, naming its target.
    @Test(arguments: [301, 302, 303, 307, 308])
    func redirectsAreRefused(status: Int) async throws {
        let url = "https://as.example.test/jwks"
        for target in ["https://as.example.test/other", "https://elsewhere.example.test/jwks"] {
            let transport = TableTransport([url: .status(status, headers: [HTTPHeaderField("Location", target)]), target: .ok(Self.jwks)])
            let fetch = await transport.loader.fetch(.jwksURL(url), deadline: .seconds(5))
            #expect(throws: OAuth2ClientError(.redirect, "")) { try fetch.get() }
            if case .failure(let error) = fetch.result {
                #expect(error.message.hasPrefix("\(url): redirect to \(target) refused (HTTP \(status)"), "\(error.message)")
                #expect(error.status == status)
                #expect(error.errorClass == .unreachable)
            }
            #expect(transport.urls == [url])
        }
    }

    /// Only 200 is a document (RFC 8414 §3.2); every failure names the URL and keeps its class.
    @Test(arguments: [
        (TableTransport.Answer.status(404), OAuth2ClientError.Code.endpointError, "HTTP 404"),
        (.status(500), .endpointError, "HTTP 500"),
        (.status(204), .endpointError, "HTTP 204"),
        (.hang, .timeout, "deadline"),
    ])
    func failuresNameTheURL(answer: TableTransport.Answer, code: OAuth2ClientError.Code, reason: String) async throws {
        let url = "https://as.example.test/jwks"
        let transport = TableTransport([url: answer])
        let fetch = await transport.loader.fetch(.jwksURL(url), deadline: .seconds(5))
        #expect(throws: OAuth2ClientError(code, "")) { try fetch.get() }
        if case .failure(let error) = fetch.result {
            #expect(error.message.hasPrefix(url + ": "), "\(error.message)")
            #expect(error.message.contains(reason), "\(error.message)")
        }
        let refused = await TableTransport([:]).loader.fetch(.jwksURL(url), deadline: .seconds(5))
        #expect(throws: OAuth2ClientError(.network, "")) { try refused.get() }
    }

    /// 1 MiB is accepted, one byte more is content that cannot be used (malformed, not unreachable).
    @Test(arguments: [(KeyDocumentLoader.maxDocumentBytes, true), (KeyDocumentLoader.maxDocumentBytes + 1, false)])
    func bodyLimit(size: Int, accepted: Bool) async throws {
        let url = "https://as.example.test/jwks"
        let body = String(repeating: " ", count: size - 2) + "{}"
        let fetch = await TableTransport([url: .ok(body)]).loader.fetch(.jwksURL(url), deadline: .seconds(5))
        if accepted {
            #expect(try fetch.get().bytes.count == size)
        } else {
            #expect(throws: OAuth2ClientError(.responseTooLarge, "")) { try fetch.get() }
            if case .failure(let error) = fetch.result {
                #expect(error.errorClass == .malformedInput)
                #expect(error.message == "\(url): body larger than 1048576 bytes")
            }
        }
    }

    // MARK: the deadline and the time on the network

    /// One deadline for the whole fetch: each request gets what is left of it, and none starts after it.
    @Test func theDeadlineCoversTheWholeFetch() async throws {
        let issuer = "https://as.example.test"
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: issuer)
        let transport = TableTransport([candidates[0]: .status(404, takes: 0.6), candidates[1]: .ok(Self.metadata(issuer), takes: 0.6),
                                        "https://as.example.test/keys": .ok(Self.jwks)])
        let fetch = await transport.loader.fetch(.issuer(issuer), deadline: .seconds(1))
        #expect(transport.sent.map(\.url) == candidates, "the JWK Set is not asked after the deadline")
        let timeouts = transport.sent.map { $0.timeout?.seconds ?? -1 }
        #expect(abs(timeouts[0] - 1) < 1e-6 && abs(timeouts[1] - 0.4) < 1e-6, "\(timeouts)")
        #expect(fetch.deadlineReached)
        #expect(throws: OAuth2ClientError(.timeout, "")) { try fetch.get() }
        if case .failure(let error) = fetch.result {
            #expect(error.message == "https://as.example.test/keys: not requested: the key fetch's deadline of 1 s had passed")
        }
        #expect(abs(fetch.networkSeconds - 1.2) < 1e-9)
        #expect(fetch.requested == candidates)
    }

    /// A request that hangs until the fetch's deadline ends the fetch (the second candidate is not tried); one that
    /// hangs until its own shorter timeout lets the next candidate be tried.
    @Test(arguments: [(nil as Duration?, true), (.milliseconds(200), false)])
    func aHangingCandidate(requestTimeout: Duration?, endsFetch: Bool) async throws {
        let issuer = "https://as.example.test"
        let candidates = try KeyDocumentLoader.metadataURLs(issuer: issuer)
        let transport = TableTransport([candidates[0]: .hang, candidates[1]: .ok(Self.metadata(issuer), takes: 0.1),
                                        "https://as.example.test/keys": .ok(Self.jwks, takes: 0.1)])
        let fetch = await transport.loader.fetch(.issuer(issuer), deadline: .seconds(2), requestTimeout: requestTimeout)
        if endsFetch {
            #expect(transport.urls == [candidates[0]])
            #expect(fetch.deadlineReached)
            #expect(throws: OAuth2ClientError(.timeout, "")) { try fetch.get() }
            #expect(abs(fetch.networkSeconds - 2) < 1e-9)
        } else {
            #expect(transport.urls == candidates + ["https://as.example.test/keys"])
            #expect(!fetch.deadlineReached)
            #expect(try fetch.get().source == "https://as.example.test/keys")
            #expect(abs(fetch.networkSeconds - 0.4) < 1e-9)
            #expect(transport.sent.allSatisfy { abs(($0.timeout?.seconds ?? -1) - 0.2) < 1e-6 }, "\(transport.sent)")
        }
    }
}
