/// A ``ValidationOptions`` member, named as a value so a finding can say which option decided it (e.g. `TYP-01`
/// skipped because no ``ValidationOptions/type`` was given). Rule messages speak of options in plain words; a front
/// end maps a setting to its own spelling (`jwt verify` adds the flag, `jwt conform` the suite key or nothing).
public enum ValidationSetting: String, Sendable, Equatable, Hashable, CaseIterable {
    case allowedAlgorithms, issuer, audiences, subject, type, requiredClaims, maxLifetime, allowMissingExp, profile
    case requiredScopes, allowedScopes, allowHeaderKeys
}
