/// Why the store could not do what was asked, in words for the user.
package struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure it is.
  package enum Code: String, Sendable {
    /// The file does not exist.
    case notFound
    /// The file is not a crosscheck session (not SQLite, or another program's database).
    case notASession
    /// The file was written by a newer crosscheck.
    case newerVersion
    /// The file or its folder cannot be written.
    case readOnly
    /// Another crosscheck has the session open for writing.
    case locked
    /// The file's contents are damaged or inconsistent.
    case corrupt
    /// A query was refused (it would write, attach or load something).
    case refused
    /// A query ran past its time limit.
    case timedOut
    /// The user interrupted it.
    case cancelled
    /// A search or SQL text that SQLite could not read.
    case syntax
    /// Anything else SQLite or the file system reported.
    case failed
  }

  package var code: Code
  /// A sentence for the user.
  package var message: String
  /// A second line: what to do about it.
  package var hint: String?

  package init(_ code: Code, _ message: String, hint: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
  }

  package var description: String { message }
}
