import Synchronization

/// The Ctrl-C flag: set by the SIGINT handler, polled by long-running work.
///
/// An atomic, so that setting it from a signal handler is safe.
package enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// Records an interrupt (async-signal-safe).
  package static func raise() { flag.store(true, ordering: .relaxed) }

  /// Whether an interrupt arrived since the last `reset`.
  package static var isRaised: Bool { flag.load(ordering: .relaxed) }

  /// Clears the flag, returning whether it was set.
  @discardableResult
  package static func reset() -> Bool { flag.exchange(false, ordering: .relaxed) }
}
