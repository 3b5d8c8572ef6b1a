/// What a check decides, which sets its default severity (issue 11 item 3, "severity by what it means").
public enum CheckKind: String, Sendable, Equatable, CaseIterable, Codable {
    /// Decides whether the credential works and the token is right (reachability, status, token, signature, `iss`,
    /// `aud`, times, scopes, the API call): a failure fails the run, strict or not.
    case essential
    /// Protocol hygiene the user of the endpoint cannot change (`Cache-Control`, `refresh_token`, clock skew, …):
    /// a deviation warns by default and fails with `--strict` (or `defaults: {strict: true}`).
    case hygiene

    /// The severity of a failing check of this kind.
    public func severity(strict: Bool) -> CheckSeverity {
        switch self {
        case .essential: .fail
        case .hygiene: strict ? .fail : .warn
        }
    }

    /// The severity of a tolerated deviation (``CheckOutcome/tolerated``) inside a check of any kind: a hygiene
    /// matter by definition (a case difference in `token_type`, a string `expires_in`, a missing `Date`).
    public static func toleratedSeverity(strict: Bool) -> CheckSeverity { strict ? .fail : .warn }
}
