// jwt-bench: in-process benchmarks. `jwt-bench decode` (default) measures token decoding.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first ?? "decode" {
case "decode":
    if let count = arguments.dropFirst().first.flatMap({ Int($0) }) { DecodeBenchmark.runCount(count) } else { DecodeBenchmark.run() }
default: print("usage: jwt-bench decode")
}
