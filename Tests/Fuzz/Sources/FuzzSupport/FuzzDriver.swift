#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The one input under test, set once before libFuzzer starts (libFuzzer calls the callback on one thread).
nonisolated(unsafe) private var target: (([UInt8]) -> Void)?

/// Runs libFuzzer (`LLVMFuzzerRunDriver`, linked by `-sanitize=fuzzer`) over `body` with the process arguments, then
/// exits with libFuzzer's status. SwiftPM gives every executable its own `main`, so the harnesses start libFuzzer
/// themselves instead of relying on libFuzzer's `main`.
///
/// A harness traps (`precondition`) when a property it checks does not hold; libFuzzer reports that as a crash and
/// saves the input. Errors thrown by the code under test are expected outcomes, not findings.
public func fuzz(_ body: @escaping ([UInt8]) -> Void) -> Never {
    target = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        let bytes = count == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: count))
        target?(bytes)
        return 0
    }
    exit(status)
}
