import ConformanceReports

extension ConformCommand {
    /// `jwt conform --list-checks [--json PATH]`: the catalogue as text on stdout, or as JSON to PATH (`-`: stdout).
    static func listChecks(json path: String?, environment: CommandEnvironment, files: ReportFiles) -> JWTExit {
        let writer = CheckCatalogueWriter()
        guard let path else {
            environment.writeOut(writer.text())
            return .ok
        }
        if path == "-" {
            environment.writeOut(writer.json())
            return .ok
        }
        do throws(JWTCommandsError) {
            try files.write(path, writer.json())
        } catch {
            environment.writeError("conform", error.message)
            return error.exit
        }
        return .ok
    }
}
