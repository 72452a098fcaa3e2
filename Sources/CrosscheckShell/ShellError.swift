import CrosscheckCore
import CrosscheckStore

/// An error a command reports to the user: a code, a sentence, and maybe a hint.
package struct ShellError: Error, Sendable, Equatable {
  /// What kind of failure it is.
  package enum Code: String, Sendable {
    /// The line was not understood: unknown command or option, wrong arguments.
    case usage
    /// Something named does not exist: a document, a file, a setting.
    case notFound
    /// The command understood and tried, but could not do it.
    case failed
    /// The user interrupted it.
    case cancelled
  }

  package var code: Code
  package var message: String
  /// A second line: usage, valid values.
  package var hint: String?
  /// Whether the user has already been told (an error inside a nested command file).
  package var alreadyReported = false

  package init(_ code: Code, _ message: String, hint: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
  }

  package static func usage(_ message: String, hint: String? = nil) -> ShellError { ShellError(.usage, message, hint: hint) }
  package static func notFound(_ message: String, hint: String? = nil) -> ShellError { ShellError(.notFound, message, hint: hint) }
  package static func failed(_ message: String, hint: String? = nil) -> ShellError { ShellError(.failed, message, hint: hint) }
  package static let cancelled = ShellError(.cancelled, "cancelled")

  /// The shell's form of a store error.
  package init(_ error: StoreError) {
    let code: Code
    switch error.code {
    case .notFound: code = .notFound
    case .syntax: code = .usage
    case .cancelled: code = .cancelled
    default: code = .failed
    }
    self.init(code, error.message, hint: error.hint)
  }
}

/// Suggestions for mistyped names.
package enum EditDistanceHint {
  /// The nearest candidate, when near enough to be a typo.
  package static func closest(to word: String, among candidates: [String]) -> String? {
    EditDistance.closest(to: word, among: candidates)
  }
}
