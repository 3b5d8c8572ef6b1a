import JOSECore

/// The kit's version: the one place the number is written (`jwt --version`, `jwt version`, the man page).
/// The git commit and the compiler's exact version are known only when the build says so: `.ci/install` writes
/// `BuildInfo+Generated.swift` beside this file and builds with `-D JWT_BUILD_INFO`; any other build reports the
/// commit as "unknown" and the Swift version from the compiler's `#if compiler(…)` (major.minor).
public enum JWTVersion {
    public static let number = "0.13.0"

    /// The commit the binary was built from (`git rev-parse --short=12 HEAD`, `-dirty` with uncommitted changes),
    /// else "unknown".
    public static var commit: String {
        #if JWT_BUILD_INFO
        GeneratedBuildInfo.commit
        #else
        "unknown"
        #endif
    }

    /// The Swift compiler that built the binary.
    public static var swift: String {
        #if JWT_BUILD_INFO
        GeneratedBuildInfo.swift
        #else
        compilerVersion
        #endif
    }

    static var compilerVersion: String {
        #if compiler(>=6.5)
        "6.5 or later"
        #elseif compiler(>=6.4)
        "6.4"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    /// The libcrypto the process runs with (and, when different, the headers it was built against).
    public static var openSSL: String { OpenSSLVersion.runtime }
    public static var openSSLCompiled: String { OpenSSLVersion.compiled }
}
