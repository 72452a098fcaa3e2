import Foundation

/// `transform` applied to every element, on as many threads as the machine has cores.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
  let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 64))
  guard workers > 1 else { return items.map(transform) }
  let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
  results.initialize(repeating: nil)
  defer { results.deallocate() }
  let shared = SendableBuffer(results)
  DispatchQueue.concurrentPerform(iterations: workers) { worker in
    var index = worker
    while index < items.count {
      shared.buffer[index] = transform(items[index])
      index += workers
    }
  }
  return results.map { $0! }  // every index was written by exactly one worker above
}

/// A buffer whose disjoint elements several workers write.
private struct SendableBuffer<R>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<R?>
  init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
}
