import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lock that lets one crosscheck at a time write a session file.
///
/// SQLite serializes single transactions, but two shells appending to one session would
/// interleave their loads and each keep a different idea of the corpus; so a shell holds
/// an exclusive `flock(2)` on the file for as long as it has it open. The kernel drops the
/// lock when the process ends, even by SIGKILL, so a crash never leaves a stale lock.
/// (SQLite's own locks are POSIX record locks, which on Linux do not interact with flock;
/// the descriptor stays open until the database is closed, because closing any descriptor
/// of a file drops the process's POSIX locks on it.)
final class SessionLock: Sendable {
  private let descriptor: Int32

  /// Takes the lock, creating the file when it is missing.
  /// - Returns: nil when another process (or another store in this one) holds it.
  /// - Throws: `StoreError` when the file cannot be opened.
  init?(path: String) throws(StoreError) {
    let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw StoreError(.failed, "cannot open '\(path)': \(reason)")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      Glibc.close(descriptor)
      return nil
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    Glibc.close(descriptor)
  }
}
