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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
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
            name: "OAuth2Conformance",
            dependencies: ["JOSECore", "JWTValidation", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "ConformanceReports", dependencies: ["JOSECore", "OAuth2Conformance"], swiftSettings: strict),
        .target(
            name: "JWTCommands",
            dependencies: [
                "JOSECore", "JWTValidation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "jwt", dependencies: ["JWTCommands"], swiftSettings: strict),
        .executableTarget(name: "jwt-bench", dependencies: ["JOSECore", "JWTValidation"], path: "Sources/jwt-bench", swiftSettings: strict),
        .testTarget(name: "JOSECoreTests", dependencies: ["JOSECore"], swiftSettings: strict),
        .testTarget(
            name: "OAuth2ConformanceTests",
            dependencies: ["OAuth2Conformance", "JOSECore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConformanceReportsTests",
            dependencies: ["ConformanceReports", "OAuth2Conformance", "JOSECore"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "JWTCommandsTests",
            dependencies: ["JWTCommands", "JOSECore", "JWTValidation"],
            resources: [.copy("Golden")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
