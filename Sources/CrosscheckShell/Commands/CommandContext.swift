import CrosscheckCore
import CrosscheckStore

/// What a command may see and change: the session's documents and settings, and the shell
/// services it needs (running a command file, leaving).
package struct CommandContext {
  private unowned let shell: Shell

  init(shell: Shell) { self.shell = shell }

  /// The loaded documents.
  package var corpus: Corpus {
    get { shell.corpus }
    nonmutating set { shell.corpus = newValue }
  }

  /// Quotes, speakers and quote groups of the loaded documents (cached until they change).
  package var quoteAnalysis: QuoteAnalysis { shell.quoteAnalysis }

  /// The settings; changes are saved with the session.
  package var settings: Settings {
    get { shell.settings }
    nonmutating set {
      shell.settings = newValue
      shell.storeSettings()
    }
  }

  /// The session's database.
  package var store: Store { shell.store }

  /// Replaces the session with a session file's (see `Shell.openSession`).
  @discardableResult
  package func openSession(_ path: String, create: Bool) throws(ShellError) -> Store {
    try shell.openSession(path, create: create)
  }

  /// A cross-document result, computed once and kept until the corpus changes.
  /// - Parameters:
  ///   - key: names the result and the options it depends on.
  ///   - compute: computes it when it is not cached.
  package func cached<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
    if let value = shell.cache[key] as? Value { return value }
    let value = compute()
    shell.cache[key] = value
    return value
  }

  /// Like `cached`, for a computation that gives nil when Ctrl-C cancels it; that nil is
  /// not kept, so the next command computes afresh.
  package func cachedUnlessCancelled<Value: Sendable>(_ key: String, _ compute: () -> Value?) -> Value? {
    if let value = shell.cache[key] as? Value { return value }
    guard let value = compute() else { return nil }
    shell.cache[key] = value
    return value
  }

  /// The commands, for help and completion.
  package var registry: CommandRegistry { shell.registry }

  /// Whether the user pressed Ctrl-C since the command started.
  package var isCancelled: Bool { Interrupt.isRaised }

  /// Resolves a path typed in a command: relative paths in a command file are relative to
  /// that file's folder; elsewhere to the current folder.
  package func resolvePath(_ path: String) -> String { shell.resolvePath(path) }

  /// Finds a document by id, id prefix or number.
  package func document(_ word: String) throws(ShellError) -> Document {
    do {
      return try corpus.resolve(word)
    } catch {
      throw error == .empty ? .failed(error.description) : .notFound(error.description)
    }
  }

  /// Runs a command file.
  /// - Throws: `ShellError` when the file cannot be read, is already running, or a command in it failed.
  package func runFile(_ path: String) throws(ShellError) { try shell.runFile(path) }

  /// Asks the shell to leave after this command.
  package func requestExit() { shell.exitRequested = true }
}
