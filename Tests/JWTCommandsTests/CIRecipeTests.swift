import Foundation
import JWTCommands
import JWTTestSupport
import Testing
import Yams

/// The CI recipes in conformance/ci/ must run as written: every shell step of the GitHub Actions workflow (`run:`)
/// and of the GitLab job (`before_script:` + `script:`) runs here, in order, with the built `jwt` as the installed
/// binary and conformance/mock.yaml (`--mock`) as the suite. Only what a CI machine provides is stood in for:
/// `apt-get` (a no-op) and `git clone` (a folder whose `.ci/install PREFIX` copies the built binary to PREFIX/bin).
@Suite struct CIRecipeTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("conformance/ci")

    static func yaml(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not a YAML mapping")
    }

    /// A scratch machine: `work/` (the checkout), `home/`, `tmp/`, `bin/` with the stand-ins, and the environment.
    struct Machine {
        let dir: TempDir
        var work: String { dir.path + "/work" }
        var environment: [String: String]

        init(jwt: String, extra: [String: String]) throws {
            dir = try TempDir()
            for sub in ["work", "home", "tmp", "bin"] { try FileManager.default.createDirectory(atPath: dir.path + "/" + sub, withIntermediateDirectories: true) }
            let fakeInstall = "#!/bin/sh\nset -e\nmkdir -p \"$1/bin\"\ncp \"$JWT_BUILT\" \"$1/bin/jwt\"\n"
            let git = """
                #!/bin/sh
                # Stands in for `git clone … URL DIR`: DIR gets a .ci/install that installs the jwt under test.
                [ "$1" = clone ] || { echo "fake git: only clone" >&2; exit 2; }
                for last in "$@"; do :; done
                mkdir -p "$last/.ci"
                printf '%s' '\(fakeInstall)' > "$last/.ci/install"
                chmod +x "$last/.ci/install"
                """
            try Self.write(dir.path + "/bin/git", git, executable: true)
            try Self.write(dir.path + "/bin/apt-get", "#!/bin/sh\nexit 0\n", executable: true)
            environment = [
                "PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path + "/home", "TMPDIR": dir.path + "/tmp",
                "JWT_BUILT": jwt, "NO_COLOR": "1",
            ].merging(extra) { $1 }
        }

        static func write(_ path: String, _ text: String, executable: Bool = false) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        }

        /// Runs a script with `bash --noprofile --norc -eo pipefail` (GitHub's `run:` shell) in `work/`.
        func run(_ script: String) throws -> (status: Int32, out: String, err: String) {
            let result = try BinaryRunner.run(URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                              environment: environment, directory: work, timeout: 120)
            return (result.status, result.out, result.err)
        }
    }

    static let suite = TestPaths.packageRoot.appendingPathComponent("conformance/mock.yaml").path

    /// `--mock` passes (exit 0); `--mock --strict` fails on the mock's hygiene warnings (exit 1): the gate's exit code
    /// reaches the CI step, and the reports are written either way.
    static let runs: [(String, Int32)] = [("--mock", 0), ("--mock --strict", 1)]

    @Test(arguments: runs)
    func githubActionsStepsRunAgainstTheMock(_ options: String, _ expected: Int32) throws {
        let jwt = try #require(EndToEndTests.binary, "the jwt binary was not built next to the tests")
        let workflow = try Self.yaml("github-actions.yml")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let job = try #require(jobs["conform"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        // Actions' own steps: the checkout, the JUnit publisher and the artifact upload, the last two always.
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.map { $0.split(separator: "@").first.map(String.init) ?? $0 } == ["actions/checkout", "mikepenz/action-junit-report", "actions/upload-artifact"])
        for step in steps where step["uses"] != nil && (step["uses"] as? String)?.hasPrefix("actions/checkout") == false {
            #expect(step["if"] as? String == "always()", "\(step)")
        }
        let with = steps.compactMap { $0["with"] as? [String: Any] }
        #expect(with.contains { $0["report_paths"] as? String == "reports/*.junit.xml" })
        #expect(with.contains { $0["path"] as? String == "reports/" })

        // Job environment: literal values as written; `${{ secrets.… }}` / `${{ vars.… }}` are not set here.
        var extra: [String: String] = [:]
        for (name, value) in try #require(job["env"] as? [String: Any]) {
            let text = "\(value)"
            if !text.contains("${{") { extra[name] = text }
        }
        #expect(extra["SUITE"] != nil && extra["JWT_CONFORM_OPTIONS"] != nil, "the recipe's knobs")
        let secrets = (job["env"] as? [String: Any] ?? [:]).filter { "\($0.value)".contains("secrets.") }.map(\.key)
        #expect(secrets.contains { $0.hasSuffix("CLIENT_SECRET") }, "the client secret comes from repository secrets")
        var machine = try Machine(jwt: jwt, extra: extra)
        let summary = machine.dir.path + "/step-summary.md", githubPath = machine.dir.path + "/github-path"
        machine.environment.merge([
            "SUITE": Self.suite, "JWT_CONFORM_OPTIONS": options, "JWT_KIT_REPOSITORY": "https://kit.test/jwt.git",
            "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary, "GITHUB_PATH": githubPath, "RUNNER_TEMP": machine.dir.path + "/tmp",
        ]) { $1 }

        var output = ""
        var last: Int32 = 0
        for run in steps.compactMap({ $0["run"] as? String }) {
            // Actions prepends the lines of $GITHUB_PATH to PATH for the following steps.
            if let added = try? String(contentsOfFile: githubPath, encoding: .utf8) {
                for line in added.split(separator: "\n").reversed() { machine.environment["PATH"] = "\(line):" + machine.environment["PATH"]! }
                try? FileManager.default.removeItem(atPath: githubPath)
            }
            let result = try machine.run(run)
            output += result.out
            last = result.status
            if result.status != 0 { #expect(result.status == expected, "\(run): \(result.err)"); break }
        }
        #expect(last == expected, "\(output)")
        #expect(output.contains(JWTVersion.number + "\n"), "jwt --version ran from the install: \(output)")
        #expect(output.contains("::add-mask::"), "tokens are masked under GitHub Actions")
        let reports = machine.work + "/reports/conformance"
        for suffix in [".junit.xml", ".md", ".json"] {
            #expect(FileManager.default.fileExists(atPath: reports + suffix), "reports/conformance\(suffix)")
        }
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("TOK-01"), "the Markdown report went to the step summary")
    }

    @Test(arguments: runs)
    func gitlabJobRunsAgainstTheMock(_ options: String, _ expected: Int32) throws {
        let jwt = try #require(EndToEndTests.binary, "the jwt binary was not built next to the tests")
        let pipeline = try Self.yaml("gitlab-ci.yml")
        let job = try #require(pipeline["token-conformance"] as? [String: Any])
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always")
        let junit = try #require((artifacts["reports"] as? [String: Any])?["junit"] as? String)
        var extra: [String: String] = [:]
        for (name, value) in job["variables"] as? [String: Any] ?? [:] { extra[name] = "\(value)" }
        var machine = try Machine(jwt: jwt, extra: extra)
        machine.environment.merge(["SUITE": Self.suite, "JWT_CONFORM_OPTIONS": options, "JWT_KIT_REPOSITORY": "https://kit.test/jwt.git"]) { $1 }
        // GitLab runs before_script and script in one shell, line by line, stopping at the first failure.
        let lines = (job["before_script"] as? [String] ?? []) + (job["script"] as? [String] ?? [])
        #expect(lines.count >= 3)
        let result = try machine.run(lines.joined(separator: "\n"))
        #expect(result.status == expected, "\(result.out)\n\(result.err)")
        #expect(result.out.contains(JWTVersion.number + "\n"), "jwt --version ran from the install")
        #expect(FileManager.default.fileExists(atPath: machine.work + "/" + junit), "the JUnit report GitLab collects: \(junit)")
        #expect(!result.out.contains("::add-mask::"), "no GitHub commands outside GitHub Actions")
    }
}
