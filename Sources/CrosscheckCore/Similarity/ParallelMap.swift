import Foundation
import Synchronization

/// `transform` applied to every element, on up to `workers` threads (by default one per
/// core), the results in the order of `items`.
///
/// Each thread takes the next element not yet taken, so a few slow elements do not leave
/// the other threads idle. All work has finished when the function returns.
/// - Parameters:
///   - workers: the most threads to use.
///   - minimumPerWorker: elements a thread should have to be worth starting.
package func parallelMap<T: Sendable, R: Sendable>(
  _ items: [T], workers: Int = ProcessInfo.processInfo.activeProcessorCount, minimumPerWorker: Int = 64,
  _ transform: @Sendable (T) -> R
) -> [R] {
  let threads = max(1, min(workers, items.count / max(1, minimumPerWorker)))
  guard threads > 1 else { return items.map(transform) }
  let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
  results.initialize(repeating: nil)
  defer {
    _ = results.deinitialize()
    results.deallocate()
  }
  let shared = SendableBuffer(results)
  let next = Atomic<Int>(0)
  DispatchQueue.concurrentPerform(iterations: threads) { _ in
    while true {
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard index < items.count else { return }
      shared.buffer[index] = transform(items[index])
    }
  }
  return results.map { $0! }  // every index was written by exactly one thread above
}

/// A buffer whose disjoint elements several threads write.
private struct SendableBuffer<R>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<R?>
  init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
}
