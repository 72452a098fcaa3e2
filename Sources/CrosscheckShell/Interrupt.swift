import Synchronization

/// The Ctrl-C flag: set by the SIGINT handler, polled by long-running work; and the signal
/// that asked the program to end (SIGTERM, SIGHUP), if one did.
///
/// Atomics, so that setting them from a signal handler is safe.
package enum Interrupt {
  private static let flag = Atomic<Bool>(false)
  private static let termination = Atomic<Int32>(0)

  /// Records an interrupt (async-signal-safe).
  package static func raise() { flag.store(true, ordering: .relaxed) }

  /// Whether an interrupt arrived since the last `reset`.
  package static var isRaised: Bool { flag.load(ordering: .relaxed) }

  /// Clears the flag, returning whether it was set. After SIGTERM or SIGHUP the flag stays
  /// set, so that no later command runs to its end.
  @discardableResult
  package static func reset() -> Bool { flag.exchange(terminationSignal != nil, ordering: .relaxed) }

  /// Records that `signal` asked the program to end, and interrupts the running command
  /// (async-signal-safe). The shell then leaves as after Ctrl-D, closing the session.
  package static func terminate(by signal: Int32) {
    termination.store(signal, ordering: .relaxed)
    raise()
  }

  /// The signal that asked the program to end, or nil.
  package static var terminationSignal: Int32? {
    let signal = termination.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}
