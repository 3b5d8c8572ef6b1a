// swift-tools-version:6.0
import PackageDescription

/// Layers (see README "Architecture"): COpenSSL <- JOSECore <- JWTValidation <- ... <- JWTCommands <- jwt.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "jwt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jwt", targets: ["jwt"]),
        .library(name: "JOSECore", targets: ["JOSECore"]),
        .library(name: "JWTValidation", targets: ["JWTValidation"]),
        .library(name: "OAuth2Client", targets: ["OAuth2Client"]),
        .library(name: "OAuth2MockServer", targets: ["OAuth2MockServer"]),
        // For the libFuzzer harnesses in Tests/Fuzz (a separate package that depends on this one by path).
        .library(name: "OAuth2Conformance", targets: ["OAuth2Conformance"]),
        .library(name: "JWTCommands", targets: ["JWTCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // Already in the graph through async-http-client; named for OAuth2Client's CA bundles (trust roots).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
    ],
    targets: [
        // libcrypto only: pkg-config "libcrypto" links -lcrypto and not -lssl (see README design notes).
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(name: "JOSECore", dependencies: ["COpenSSL"], swiftSettings: strict, linkerSettings: [.linkedLibrary("m")]),
        .target(name: "JWTValidation", dependencies: ["JOSECore"], swiftSettings: strict),
        .target(
            name: "OAuth2Client",
            dependencies: [
                "JOSECore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "OAuth2MockServer",
            dependencies: [
                "JOSECore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "JWTTestSupport",
            dependencies: [
                "JOSECore", "OAuth2MockServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Tests/JWTTestSupport",
            swiftSettings: strict
        ),
        .target(
            name: "OAuth2Conformance",
            dependencies: ["JOSECore", "JWTValidation", "OAuth2Client", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "ConformanceReports", dependencies: ["JOSECore", "OAuth2Conformance"], swiftSettings: strict),
        .target(
            name: "JWTCommands",
            dependencies: [
                "JOSECore", "JWTValidation", "OAuth2MockServer", "OAuth2Client", "OAuth2Conformance", "ConformanceReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "jwt", dependencies: ["JWTCommands"], swiftSettings: strict),
        .executableTarget(name: "jwt-bench", dependencies: ["JOSECore", "JWTValidation"], path: "Sources/jwt-bench", swiftSettings: strict),
        .testTarget(name: "JOSECoreTests", dependencies: ["JOSECore", "JWTTestSupport"], swiftSettings: strict),
        .testTarget(name: "JWTValidationTests", dependencies: ["JWTValidation", "JOSECore", "JWTTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "OAuth2ConformanceTests",
            dependencies: ["OAuth2Conformance", "OAuth2Client", "OAuth2MockServer", "JOSECore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConformanceReportsTests",
            dependencies: ["ConformanceReports", "OAuth2Conformance", "JOSECore", "JWTTestSupport"],
            exclude: ["Golden", "Schemas"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OAuth2ClientTests",
            dependencies: ["OAuth2Client", "OAuth2MockServer", "JWTTestSupport", "JOSECore",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OAuth2MockServerTests",
            dependencies: ["OAuth2MockServer", "OAuth2Client", "JWTTestSupport", "JOSECore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "JWTCommandsTests",
            dependencies: [
                "JWTCommands", "ConformanceReports", "OAuth2Conformance", "OAuth2Client", "OAuth2MockServer", "JWTValidation",
                "JOSECore", "JWTTestSupport",
                // CIRecipeTests reads conformance/ci/*.yml.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
