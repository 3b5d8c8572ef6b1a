// swift-tools-version:6.0
import PackageDescription

/// libFuzzer harnesses, one executable each, built only by `.ci/fuzz` (never by `swift build`/`swift test` of the
/// main package, which does not know this folder):
///
///     swift build --package-path Tests/Fuzz --scratch-path .build-fuzz -c release \
///         -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
///
/// The main package is a path dependency; its identity is the name of its folder (a clone may be called anything),
/// so it is computed from this manifest's location.
let root = Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init) ?? "jwt"
let jwt = root.lowercased()

let harnesses: [(name: String, products: [String])] = [
    ("fuzz-base64url", ["JOSECore"]),
    ("fuzz-json", ["JOSECore"]),
    ("fuzz-token", ["JOSECore", "JWTCommands"]),
    ("fuzz-keys", ["JOSECore"]),
    ("fuzz-suite", ["OAuth2Conformance"]),
    ("fuzz-token-response", ["JOSECore", "OAuth2Client"]),
]

let package = Package(
    name: "jwt-fuzz",
    dependencies: [.package(path: "../..")],
    targets: [.target(name: "FuzzSupport")] + harnesses.map { harness in
        .executableTarget(
            name: harness.name,
            dependencies: ["FuzzSupport"] + harness.products.map { .product(name: $0, package: jwt) }
        )
    },
    swiftLanguageModes: [.v6]
)
