import ArgumentParser
import JOSECore

/// `jwt version [--json]`: the version, the git commit when known, the Swift compiler and the OpenSSL library the
/// process runs with. `jwt --version` prints the number alone (argument-parser, from ``JWTVersion/number``).
public struct VersionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version, the git commit, the Swift version and the OpenSSL version in use."
    )

    @Flag(help: "One JSON object: {version, commit, swift, openssl, openssl_compiled}.")
    public var json = false

    public init() {}

    public func run() throws {
        CommandEnvironment.live.writeOut(Self.render(json: json))
    }

    /// The output of `jwt version` (`--json`: one pretty JSON object and a newline).
    public static func render(json: Bool) -> String {
        if json {
            let object: JSONValue = .object(JSONObject([
                .init(name: "version", value: .string(JWTVersion.number)),
                .init(name: "commit", value: .string(JWTVersion.commit)),
                .init(name: "swift", value: .string(JWTVersion.swift)),
                .init(name: "openssl", value: .string(JWTVersion.openSSL)),
                .init(name: "openssl_compiled", value: .string(JWTVersion.openSSLCompiled)),
            ]))
            return object.pretty() + "\n"
        }
        var text = "jwt \(JWTVersion.number)\ncommit: \(JWTVersion.commit)\nswift: \(JWTVersion.swift)\nopenssl: \(JWTVersion.openSSL)\n"
        if JWTVersion.openSSLCompiled != JWTVersion.openSSL { text += "openssl (compiled against): \(JWTVersion.openSSLCompiled)\n" }
        return text
    }
}
