import Foundation
import OAuth2Conformance
import Testing

/// conformance/suite.schema.json (the editor schema) against the loader: the keys agree both ways, place by place
/// (``SuiteKeys``, the lists the loader itself refuses anything outside of); the check-id enum is the catalogue; every
/// example suite names the schema and validates against it (python3 `jsonschema`, Draft 2020-12); and suites the
/// loader refuses for their shape are refused by the schema too.
@Suite struct SuiteSchemaTests {
    static let schemaPath = MockSuiteTests.packageRoot.appendingPathComponent("conformance/suite.schema.json").path

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The property names of every object the schema describes, by place (`endpoints[].expect`, `[]` for a list
    /// item), following `$ref`, `anyOf`/`oneOf`, `items` and `properties`. Also returns places whose object admits
    /// keys it does not name (no `additionalProperties: false`) — the loader would refuse those keys.
    static func schemaPlaces(_ root: [String: Any]) throws -> (keys: [String: Set<String>], open: [String]) {
        let defs = root["$defs"] as? [String: Any] ?? [:]
        var keys: [String: Set<String>] = [:]
        var open: [String] = []
        func resolve(_ node: [String: Any]) -> [String: Any] {
            guard let ref = node["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return node }
            var resolved = resolve(defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] ?? [:])
            for (k, v) in node where k != "$ref" { resolved[k] = v }
            return resolved
        }
        func walk(_ raw: [String: Any], _ place: String, depth: Int) {
            guard depth < 20 else { return }
            let node = resolve(raw)
            if let properties = node["properties"] as? [String: Any] {
                keys[place, default: []].formUnion(properties.keys)
                if node["additionalProperties"] as? Bool != false { open.append(place) }
                for (name, child) in properties {
                    if let child = child as? [String: Any] { walk(child, place.isEmpty ? name : "\(place).\(name)", depth: depth + 1) }
                }
            }
            if let items = node["items"] as? [String: Any] { walk(items, place + "[]", depth: depth + 1) }
            for combinator in ["anyOf", "oneOf", "allOf"] {
                for alternative in node[combinator] as? [[String: Any]] ?? [] { walk(alternative, place, depth: depth + 1) }
            }
        }
        walk(root, "", depth: 0)
        return (keys, open)
    }

    @Test func schemaAndLoaderNameTheSameKeysEverywhere() throws {
        let (schemaKeys, open) = try Self.schemaPlaces(try Self.schema())
        #expect(open.isEmpty, "objects in the schema that admit unknown keys (the loader refuses them): \(open)")
        #expect(Set(schemaKeys.keys) == Set(SuiteKeys.byPlace.keys), "places differ: schema \(schemaKeys.keys.sorted()), loader \(SuiteKeys.byPlace.keys.sorted())")
        for (place, loaderKeys) in SuiteKeys.byPlace {
            let described = schemaKeys[place] ?? []
            #expect(loaderKeys.subtracting(described).isEmpty, "\(place): the loader accepts keys the schema lacks: \(loaderKeys.subtracting(described).sorted())")
            #expect(described.subtracting(loaderKeys).isEmpty, "\(place): the schema names keys the loader refuses: \(described.subtracting(loaderKeys).sorted())")
        }
    }

    @Test func everyDescribedKeyHasADescription() throws {
        let root = try Self.schema()
        let defs = root["$defs"] as? [String: Any] ?? [:]
        var missing: [String] = []
        func check(_ node: [String: Any], _ place: String) {
            for (name, child) in node["properties"] as? [String: Any] ?? [:] {
                guard let child = child as? [String: Any] else { continue }
                var described = child["description"] != nil
                if !described, let ref = child["$ref"] as? String, let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] {
                    described = target["description"] != nil
                }
                if !described { missing.append("\(place).\(name)") }
            }
        }
        check(root, "")
        for (name, def) in defs { if let def = def as? [String: Any] { check(def, "$defs.\(name)") } }
        #expect(missing.isEmpty, "keys without a description: \(missing.sorted())")
    }

    @Test func checkIdEnumIsTheCatalogue() throws {
        let defs = try #require(try Self.schema()["$defs"] as? [String: Any])
        let checkID = try #require(defs["checkId"] as? [String: Any])
        #expect(checkID["enum"] as? [String] == CheckCatalogue.all.map(\.id))
    }

    static let suiteFiles: [String] = {
        let folder = MockSuiteTests.packageRoot.appendingPathComponent("conformance")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }()

    @Test func thereAreExampleSuites() {
        #expect(Self.suiteFiles.count >= 6, "\(Self.suiteFiles)")
    }

    @Test(arguments: suiteFiles)
    func exampleSuiteNamesTheSchemaAndValidates(_ file: String) throws {
        let text = try MockSuiteTests.suiteText(file)
        #expect(text.hasPrefix("# yaml-language-server: $schema=./suite.schema.json\n"), "\(file) must start with the schema line")
        let result = try Self.validate([MockSuiteTests.packageRoot.appendingPathComponent("conformance/\(file)").path])
        #expect(result.status == 0, "\(file): \(result.output)")
        #expect(result.output.contains("valid: \(file)"), "\(result.output)")
    }

    static func suite(_ endpoint: String, top: String = "") -> String {
        top + "endpoints:\n  - name: e\n    style: client-secret-post\n    token_url: https://a.test/t\n    client_id: c\n" + endpoint
    }

    /// Suites the loader refuses for their shape: the schema must refuse them too (and the plain one passes both).
    static let shapes: [(String, String, Bool)] = [
        ("valid", suite("    client_secret: {env: SECRET}\n    scope: a\n"), true),
        ("unknown top key", suite("    client_secret: {env: SECRET}\n    scope: a\n", top: "nmae: s\n"), false),
        ("unknown endpoint key", suite("    client_secret: {env: SECRET}\n    scope: a\n    scopes: [a]\n"), false),
        ("unknown nested key", suite("    client_secret: {env: SECRET}\n    scope: a\n    expect: {isuer: x}\n"), false),
        ("literal secret", suite("    client_secret: hunter2\n    scope: a\n"), false),
        ("secret with two sources", suite("    client_secret: {env: SECRET, file: f}\n    scope: a\n"), false),
        ("unknown style", suite("    client_secret: {env: SECRET}\n    scope: a\n", top: "").replacingOccurrences(of: "client-secret-post", with: "client-secret-jwt"), false),
        ("unknown check id", suite("    client_secret: {env: SECRET}\n    scope: a\n    expected_failures: [TOK-99]\n"), false),
        ("bad severity", suite("    client_secret: {env: SECRET}\n    scope: a\n    severity: {TOK-06: loud}\n"), false),
        ("not a URL", suite("    client_secret: {env: SECRET}\n    scope: a\n").replacingOccurrences(of: "https://a.test/t", with: "a.test/t"), false),
        ("negative timeout", suite("    client_secret: {env: SECRET}\n    scope: a\n    timeout: -1\n"), false),
        ("no endpoints", "name: s\nendpoints: []\n", false),
        ("alg none", suite("    client_secret: {env: SECRET}\n    scope: a\n    expect: {algorithms: [none]}\n"), false),
    ]

    @Test(arguments: shapes)
    func schemaAndLoaderRefuseTheSameShapes(_ name: String, _ text: String, _ valid: Bool) throws {
        let loader = SuiteLoader(variables: ["SECRET": "s"]) { path throws(ConformanceError) in throw ConformanceError(.unreadableFile, path) }
        let loads = (try? loader.load(text, name: "s")) != nil
        #expect(loads == valid, "\(name): the loader \(loads ? "accepts" : "refuses") it")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suite-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.yaml")
        try Data(text.utf8).write(to: file)
        let result = try Self.validate([file.path])
        #expect((result.status == 0) == valid, "\(name): \(result.output)")
    }

    /// Validates suite files with python3's `jsonschema` (Draft 2020-12) and PyYAML (`.ci/run` installs both):
    /// prints `valid: FILE` or each error with its place, exits 1 when any file is invalid.
    static func validate(_ files: [String]) throws -> (status: Int32, output: String) {
        let script = """
            import json, os, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(yaml.safe_load(open(path))))
                for e in errors: print(f"invalid: {os.path.basename(path)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
                if not errors: print(f"valid: {os.path.basename(path)}")
                bad += bool(errors)
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
