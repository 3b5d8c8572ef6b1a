/// A small free list of prepared libcrypto contexts (`EVP_PKEY_CTX`, `EVP_MAC_CTX`), so the per-token path skips
/// context setup (notes §3: "keep per-token work out of the verify path"). A context is used by one thread at a
/// time: it is taken out of the list under the lock and put back after use, which makes a shared key safe for
/// concurrent verification.
final class ContextPool: @unchecked Sendable {
    private let lock = Lock()
    private var idle: [OpaquePointer] = []
    private let make: () -> OpaquePointer?
    private let destroy: (OpaquePointer) -> Void
    private let capacity: Int

    init(capacity: Int = 16, make: @escaping () -> OpaquePointer?, destroy: @escaping (OpaquePointer) -> Void) {
        self.capacity = capacity
        self.make = make
        self.destroy = destroy
    }

    deinit {
        for context in idle { destroy(context) }
    }

    /// Runs `body` with a prepared context; `nil` when libcrypto could not prepare one.
    @inline(__always)
    func withContext<R>(_ body: (OpaquePointer) -> R) -> R? {
        let taken: OpaquePointer? = lock.withLock { idle.popLast() }
        guard let context = taken ?? make() else { return nil }
        let result = body(context)
        let kept = lock.withLock { () -> Bool in
            guard idle.count < capacity else { return false }
            idle.append(context)
            return true
        }
        if !kept { destroy(context) }
        return result
    }
}
