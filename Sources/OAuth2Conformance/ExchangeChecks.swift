import JOSECore
import OAuth2Client

/// API-01/02 (RFC 6750), NEG-01/02 (RFC 6749 §5.2), TTM-01/02 (seed 001), CLK-01/02 (clock skew).
enum ExchangeChecks {
    static func api(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        let calls = c.observation.api
        guard !c.endpoint.api.isEmpty else { return [] }
        var out: [CheckFinding] = []
        if calls.isEmpty {
            out.append(.notRun(K.apiAccepts, c.tokenStepReason))
        } else {
            var problems: [String] = [], seen: [String] = []
            for call in calls {
                let what = "\(call.call.method) \(EndpointJudge.displayURL(call.call.url))"
                switch call.withToken {
                case .response(let r):
                    seen.append("\(what) → \(r.status)")
                    if r.status != call.call.status { problems.append("\(what) → \(r.status) (expected \(call.call.status))") }
                case .failed(let f):
                    problems.append("\(what): \(f.reason)")
                }
            }
            let latency = calls.reduce(0) { $0 + $1.withToken.latency }
            out.append(CheckFinding(K.apiAccepts, problems.isEmpty ? .pass : .fail,
                                    expected: c.endpoint.api.map { "\($0.method) \(EndpointJudge.displayURL($0.url)) → \($0.status)" }.joined(separator: "; "),
                                    actual: problems.isEmpty ? seen.joined(separator: "; ") : problems.joined(separator: "; "), latency: latency))
        }
        if c.endpoint.api.contains(where: \.withoutToken) {
            let unauthenticated = calls.compactMap { call in call.withoutToken.map { (call.call, $0) } }
            if unauthenticated.isEmpty {
                out.append(.notRun(K.apiChallenge, c.tokenStepReason))
            } else {
                var problems: [String] = [], seen: [String] = []
                for (call, outcome) in unauthenticated {
                    let what = "\(call.method) \(EndpointJudge.displayURL(call.url))"
                    switch outcome {
                    case .response(let r):
                        let challenge = r.header("WWW-Authenticate") ?? ""
                        let bearer = challenge.lowercased().hasPrefix("bearer")
                        seen.append("\(what) → \(r.status)\(challenge.isEmpty ? "" : ", WWW-Authenticate: \(challenge.prefix(80))")")
                        if r.status != 401 || !bearer {
                            problems.append("\(what) → \(r.status)\(bearer ? "" : challenge.isEmpty ? ", no WWW-Authenticate" : ", WWW-Authenticate not Bearer")")
                        }
                    case .failed(let f): problems.append("\(what): \(f.reason)")
                    }
                }
                let latency = unauthenticated.reduce(0) { $0 + $1.1.latency }
                out.append(CheckFinding(K.apiChallenge, problems.isEmpty ? .pass : .fail, expected: "401 with WWW-Authenticate: Bearer",
                                        actual: problems.isEmpty ? seen.joined(separator: "; ") : problems.joined(separator: "; "), latency: latency))
            }
        }
        return out
    }

    static func negative(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        let n = c.endpoint.negative
        var out: [CheckFinding] = []
        if n.wrongSecret {
            let statuses = n.wrongSecretStatuses.map(String.init).joined(separator: "/")
            let needsCode = c.endpoint.style != .tenantTokenManager
            let expected = needsCode ? "HTTP \(statuses) with error invalid_client" : "HTTP \(statuses)"
            switch c.observation.wrongSecret {
            case .response(let r)?:
                let body = ErrorBody(r)
                let ok = n.wrongSecretStatuses.contains(r.status) && (!needsCode || body.error == "invalid_client")
                out.append(CheckFinding(K.wrongSecret, ok ? .pass : .fail, expected: expected,
                                        actual: "HTTP \(r.status)\(body.error.map { " with error \($0)" } ?? " without an error code")", latency: r.latency))
            case .failed(let f)?:
                out.append(CheckFinding(K.wrongSecret, .fail, expected: expected, actual: f.reason, latency: f.latency))
            case nil:
                out.append(.notRun(K.wrongSecret, c.stopReason))
            }
        }
        if n.unsupportedGrant {
            let expected = "HTTP \(n.unsupportedGrantStatuses.map(String.init).joined(separator: "/")) with error unsupported_grant_type"
            switch c.observation.badGrant {
            case .response(let r)?:
                let body = ErrorBody(r)
                let ok = n.unsupportedGrantStatuses.contains(r.status) && body.error == "unsupported_grant_type"
                out.append(CheckFinding(K.badGrant, ok ? .pass : .fail, expected: expected,
                                        actual: "HTTP \(r.status)\(body.error.map { " with error \($0)" } ?? " without an error code")", latency: r.latency))
            case .failed(let f)?:
                out.append(CheckFinding(K.badGrant, .fail, expected: expected, actual: f.reason, latency: f.latency))
            case nil:
                out.append(.notRun(K.badGrant, c.stopReason))
            }
        }
        return out
    }

    static func tenants(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        guard c.endpoint.style == .tenantTokenManager else { return [] }
        var out: [CheckFinding] = []
        if !c.endpoint.tenants.batch.isEmpty {
            if let batch = c.observation.tenantBatch {
                var problems = batch.problems
                let requested = Set(batch.requested)
                let returned = batch.returned
                let duplicates = Set(returned.filter { id in returned.filter { $0 == id }.count > 1 }).sorted()
                let missing = requested.subtracting(returned).sorted()
                let extra = Set(returned).subtracting(requested).sorted()
                if !missing.isEmpty { problems.append("missing: \(missing.joined(separator: " "))") }
                if !extra.isEmpty { problems.append("not requested: \(extra.joined(separator: " "))") }
                if !duplicates.isEmpty { problems.append("duplicated: \(duplicates.joined(separator: " "))") }
                out.append(CheckFinding(K.tenantBatch, problems.isEmpty ? .pass : .fail, expected: "\(Plural.count(requested.count, "tenant")), one token each",
                                        actual: problems.isEmpty ? "\(Plural.count(returned.count, "token")) in \(Plural.count(batch.calls, "call"))" : problems.joined(separator: "; "), latency: batch.latency))
            } else {
                out.append(.notRun(K.tenantBatch, c.tokenStepReason))
            }
        }
        if c.endpoint.tenants.listTenants {
            if let paging = c.observation.tenantPaging {
                var problems = paging.problems
                let all = paging.pages.flatMap { $0 }
                var seen = Set<String>(), duplicates = Set<String>()
                for id in all where !seen.insert(id).inserted { duplicates.insert(id) }
                if !paging.terminated { problems.append("no last page after \(Plural.count(paging.pages.count, "page"))") }
                if !duplicates.isEmpty { problems.append("duplicated: \(duplicates.sorted().prefix(10).joined(separator: " "))") }
                let limit = TenantTokenManager.pageSize
                if let big = paging.pages.first(where: { $0.count > limit }) { problems.append("a page holds \(big.count) tenants (at most \(limit))") }
                out.append(CheckFinding(K.tenantPaging, problems.isEmpty ? .pass : .fail, expected: "pages of ≤ 100, a last page, no duplicates",
                                        actual: problems.isEmpty ? "\(Plural.count(all.count, "tenant")) in \(Plural.count(paging.pages.count, "page"))" : problems.joined(separator: "; "), latency: paging.latency))
            } else {
                out.append(.notRun(K.tenantPaging, c.tokenStepReason))
            }
        }
        return out
    }

    static func clock(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        let leeway = c.endpoint.leeway
        var out: [CheckFinding] = []
        if let response = c.response {
            if let date = response.header("Date"), let server = HTTPDate.parse(date) {
                let skew = server - c.observation.receivedAt
                out.append(CheckFinding(K.serverClock, abs(skew) <= leeway ? .pass : .fail, expected: "|skew| ≤ \(CheckedInteger.text(leeway, rounding: .towardZero)) s",
                                        actual: "server clock \(signed(skew)) s"))
            } else if let date = response.header("Date") {
                out.append(CheckFinding(K.serverClock, .fail, expected: "an IMF-fixdate Date header", actual: "unreadable Date: \(date.prefix(40))"))
            } else {
                out.append(CheckFinding(K.serverClock, .tolerated, expected: "a Date header", actual: "no Date header"))
            }
        } else {
            out.append(.notRun(K.serverClock, .unreachable))
        }
        if let iat = c.iat {
            let skew = iat - c.observation.receivedAt
            let ok = skew <= leeway
            let note = skew < -leeway ? "issued \(CheckedInteger.text(-skew, rounding: .towardZero)) s before the response (a cached token?)" : ""
            out.append(CheckFinding(K.issuedAtSkew, ok ? .pass : .fail, expected: "iat not after the response time (+\(CheckedInteger.text(leeway, rounding: .towardZero)) s)",
                                    actual: "iat \(signed(skew)) s from the response time", message: note))
        } else if c.accessToken == nil {
            out.append(.notRun(K.issuedAtSkew, .noAccessToken))
        } else if c.claims == nil {
            out.append(.notRun(K.issuedAtSkew, .notAJWT))
        } else {
            out.append(.skip(K.issuedAtSkew, "no iat claim"))
        }
        return out
    }

    private static func signed(_ value: Double) -> String {
        let text = CheckedInteger.text(value)   // a server's iat 1e300 must not trap (RFC 7519 §2 has no bound)
        return value.rounded() > 0 ? "+" + text : text
    }
}
