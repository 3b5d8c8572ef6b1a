import ArgumentParser

/// The root command: `jwt <subcommand>`.
public struct JWTCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jwt",
        abstract: "Inspect, verify and conformance-test JSON Web Tokens.",
        discussion: """
            Exit codes: 0 valid / all passed · 1 invalid / a check failed · 64 usage · 65 malformed input \
            (token, key, suite) · 66 input file missing · 69 endpoint or key source unreachable · 70 internal error.
            """,
        version: JWTVersion.number,
        subcommands: [DecodeCommand.self, VerifyCommand.self, EncodeCommand.self, MockCommand.self, ConformCommand.self, VersionCommand.self]
    )

    public init() {}
}
