#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--batch` chunks handed to `jobs` POSIX threads and taken back in submission order, at most `window` items between
/// ``submit(_:)`` and ``take()`` (queued, running or finished out of order), so memory does not grow with the input.
///
/// Threads rather than a task group: on the Linux machines this kit is measured on, the Swift concurrency pool ran a
/// task group's CPU-bound children one at a time (two children took twice one's wall time), so `--jobs` did not scale.
/// One mutex and two condition variables; the submitting thread waits only for the result it must write next.
final class ChunkPipeline: @unchecked Sendable {
    typealias Input = BatchVerifier.Chunk
    typealias Output = BatchVerifier.Done

    private let work: @Sendable (Input) -> Output
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let workReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let resultReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [(index: Int, input: Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var closed = false
    private var threads: [pthread_t] = []
    private var submitted = 0
    private var taken = 0
    /// Most items between submit and take.
    let window: Int

    init(jobs: Int, window: Int, work: @escaping @Sendable (Input) -> Output) {
        self.work = work
        self.window = max(window, 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(workReady, nil)
        pthread_cond_init(resultReady, nil)
        for _ in 0..<max(jobs, 1) {
            let box = Unmanaged.passRetained(self).toOpaque()
            #if os(Linux)
            var thread = pthread_t()
            guard pthread_create(&thread, nil, { box in
                Unmanaged<ChunkPipeline>.fromOpaque(box!).takeRetainedValue().serve()
                return nil
            }, box) == 0 else { Unmanaged<ChunkPipeline>.fromOpaque(box).release(); continue }
            threads.append(thread)
            #else
            var thread: pthread_t?
            guard pthread_create(&thread, nil, { box in
                Unmanaged<ChunkPipeline>.fromOpaque(box).takeRetainedValue().serve()
                return nil
            }, box) == 0, let thread else { Unmanaged<ChunkPipeline>.fromOpaque(box).release(); continue }
            threads.append(thread)
            #endif
        }
    }

    deinit {
        pthread_cond_destroy(resultReady)
        pthread_cond_destroy(workReady)
        pthread_mutex_destroy(mutex)
        resultReady.deallocate()
        workReady.deallocate()
        mutex.deallocate()
    }

    /// Whether ``submit(_:)`` may be called without first taking a result.
    var hasRoom: Bool { submitted - taken < window }
    /// Whether a submitted result has not been taken yet.
    var hasPending: Bool { taken < submitted }

    /// Queues `input`; the caller keeps within the window (``hasRoom``). Without a worker thread (none could be
    /// started) the work runs here.
    func submit(_ input: Input) {
        let index = submitted
        submitted += 1
        if threads.isEmpty {
            let output = work(input)
            pthread_mutex_lock(mutex)
            results[index] = output
            pthread_mutex_unlock(mutex)
            return
        }
        pthread_mutex_lock(mutex)
        queue.append((index, input))
        pthread_cond_signal(workReady)
        pthread_mutex_unlock(mutex)
    }

    /// The next result in submission order, waiting for it if needed. Only when ``hasPending``.
    func take() -> Output {
        let index = taken
        taken += 1
        pthread_mutex_lock(mutex)
        while results[index] == nil { pthread_cond_wait(resultReady, mutex) }
        let output = results.removeValue(forKey: index)!
        pthread_mutex_unlock(mutex)
        return output
    }

    /// Stops the threads once the queue is empty and waits for them.
    func finish() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(workReady)
        pthread_mutex_unlock(mutex)
        for thread in threads { pthread_join(thread, nil) }
        threads.removeAll()
    }

    private func serve() {
        while true {
            pthread_mutex_lock(mutex)
            while queueHead == queue.count, !closed { pthread_cond_wait(workReady, mutex) }
            if queueHead == queue.count {
                pthread_mutex_unlock(mutex)
                return
            }
            let item = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            pthread_mutex_unlock(mutex)
            let output = work(item.input)
            pthread_mutex_lock(mutex)
            results[item.index] = output
            pthread_cond_broadcast(resultReady)
            pthread_mutex_unlock(mutex)
        }
    }
}
