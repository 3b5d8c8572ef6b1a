import JWTValidation

/// The `jwt verify` flag behind a finding, added to its message in the text and `--json` output. The rules speak of
/// their options in plain words ("no expected typ given") because `jwt conform` shows the same findings and has no
/// flags; the hint is chosen by the finding's typed ``ValidationSetting`` and status, never by reading the message.
enum VerifyFlagHint {
    /// The flag that sets `setting`.
    static func flag(_ setting: ValidationSetting) -> String {
        switch setting {
        case .allowedAlgorithms: "--alg"
        case .issuer: "--iss"
        case .audiences: "--aud"
        case .subject: "--sub"
        case .type: "--typ"
        case .requiredClaims: "--require-claim"
        case .maxLifetime: "--max-lifetime"
        case .allowMissingExp: "--allow-missing-exp"
        case .profile: "--profile"
        case .requiredScopes: "--scope"
        case .allowedScopes: "--allowed-scope"
        case .allowHeaderKeys: "--allow-header-key"
        }
    }

    /// The finding's message with the flag that decides it, when one does.
    static func message(_ finding: Finding) -> String {
        guard let setting = finding.setting else { return finding.message }
        let flag = flag(setting)
        switch (setting, finding.status) {
        case (.allowMissingExp, .fail): return finding.message + " (use \(flag) to accept that)"
        default: return finding.message + " (\(flag))"
        }
    }
}
