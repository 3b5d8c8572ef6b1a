import FuzzSupport
import OAuth2Conformance

/// The conformance suite loader (YAML 1.1 through Yams, then the suite model): never traps on any text; a suite is
/// either loaded or refused with a ``ConformanceError``.
fuzz { bytes in
    let loader = SuiteLoader(variables: ["MOCK_URL": "http://127.0.0.1:9", "SECRET": "s3cr3t"]) { path throws(ConformanceError) in
        throw ConformanceError(.unreadableFile, "no files while fuzzing: \(path)")
    }
    _ = try? loader.load(String(decoding: bytes, as: UTF8.self), name: "fuzz")
}
