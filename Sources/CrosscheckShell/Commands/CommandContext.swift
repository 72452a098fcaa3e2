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

  /// Quotes, speakers and quote groups of the loaded documents (kept until they change, and
  /// with the session).
  package var quoteAnalysis: QuoteAnalysis { shell.quoteAnalysis }

  /// The settings; changes are saved with the session.
  package var settings: Settings {
    get { shell.settings }
    nonmutating set {
      shell.settings = newValue
      shell.storeSettings()
    }
  }

  /// The session's database, with every load and unload written to it.
  package var store: Store {
    get throws(StoreError) { try shell.store }
  }

  /// The session file, or nil while the session is in memory.
  package var sessionPath: String? { shell.sessionPath }

  /// Records loaded documents in the store (at once with a session file, else when needed).
  package func storeLoaded(_ documents: [Document]) throws(StoreError) { try shell.storeLoaded(documents) }

  /// Records unloaded documents in the store, like `storeLoaded`.
  package func storeUnloaded(_ ids: [String]) throws(StoreError) { try shell.storeUnloaded(ids) }

  /// The stored counts of quotations, speakers and claims by document id.
  package func analysisCounts() throws(StoreError) -> [String: AnalysisCounts] { try shell.analysisCounts() }

  /// The neutral labels that stand for the documents while `blind` is on; nil otherwise.
  package var blinding: Blinding? { shell.blinding }

  /// Writes the cross-document results computed in memory to the store, for `save`.
  package func storeUnsavedResults() { shell.storeUnsavedResults() }

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

  /// Every claim of the loaded documents, in corpus order (kept until they change, and with
  /// the session).
  package var claims: [Claim] { shell.claims }

  /// The claim groups under the exchange rates `rates` (`rateKey` names them), and the
  /// group id of each claim index (kept until the corpus changes, and with the session).
  package func claimGroups(rates: [ExchangeRate], rateKey: String) -> (groups: [ClaimGroup], groupOf: [Int: String]) {
    let groups = shell.claimGroups(rates: rates, rateKey: rateKey)
    let groupOf = cached("claim-group-of/\(rateKey)") {
      var groupOf: [Int: String] = [:]
      for group in groups { for member in group.members { groupOf[member] = group.id } }
      return groupOf
    }
    return (groups, groupOf)
  }

  /// The comparison of the loaded documents by `method` (by default the one the corpus's
  /// size calls for), kept until they change and with the session; nil when Ctrl-C stopped it.
  package func comparison(method: CandidateMethod?, cancellable: Bool = true) -> ReuseAnalysis? {
    if cancellable { return shell.comparison(method: method, isCancelled: { Interrupt.isRaised }) }
    return shell.comparison(method: method, isCancelled: { false })
  }

  /// A command's output for `call`, computed once and kept until the corpus changes, so that
  /// asking again costs only the rendering.
  /// - Parameters:
  ///   - call: the call; its name, arguments and options other than the output format key
  ///     the result.
  ///   - depending: anything else the output depends on (a setting, the format).
  ///   - compute: builds the output when it is not cached.
  package func cachedOutput(
    for call: CommandCall, depending: String = "", _ compute: () throws(ShellError) -> Output
  ) throws(ShellError) -> Output {
    let options = call.options.filter { $0.key != "format" && $0.key != "no-color" }.sorted { $0.key < $1.key }
      .map { "--\($0.key)=\($0.value.joined(separator: "\u{1F}"))" }
    let key = (["output", call.name, depending] + call.arguments + options).joined(separator: "\u{1E}")
    if let output = shell.cache[key] as? Output { return output }
    let output = try compute()
    shell.cache[key] = output
    return output
  }

  /// The commands, for help and completion.
  package var registry: CommandRegistry { shell.registry }

  /// The process's environment.
  package var environment: [String: String] { shell.console.environment }

  /// Whether long work should show a progress line: standard error is a terminal someone
  /// watches and no command file is running.
  package var showsProgress: Bool { shell.console.showsProgress && shell.fileStack.isEmpty }

  /// Replaces the progress line on standard error with `line` (an empty line clears it).
  package func writeProgress(_ line: String) {
    shell.console.writeError("\r\u{1B}[K" + line)
  }

  /// Whether the user pressed Ctrl-C since the command started.
  package var isCancelled: Bool { Interrupt.isRaised }

  /// Resolves a path typed in a command: relative paths in a command file are relative to
  /// that file's folder; elsewhere to the current folder.
  package func resolvePath(_ path: String) -> String { shell.resolvePath(path) }

  /// Finds a document by id, id prefix or number.
  package func document(_ word: String) throws(ShellError) -> Document {
    // While blind, a label ("A", "Source A") names its document before any id does.
    if let blinding = shell.blinding, let id = blinding.document(labelled: word), let document = corpus.documents.first(where: { $0.id == id }) {
      return document
    }
    do {
      return try corpus.resolve(word)
    } catch {
      throw error == .empty ? .failed(error.description) : .notFound(error.description)
    }
  }

  /// Runs a command file.
  /// - Throws: `ShellError` when the file cannot be read, is already running, or a command in it failed.
  package func runFile(_ path: String) throws(ShellError) { try shell.runFile(path) }

  /// The values `$name` stands for; `let` sets them.
  package var variables: [String: String] {
    get { shell.variables }
    nonmutating set { shell.variables = newValue }
  }

  /// What the last command that printed something (apart from `echo`) printed, without
  /// colors, and its line; nil before any.
  package var lastOutput: (line: String, text: String)? { shell.lastOutput }

  /// Runs a command for its result, without printing it.
  package func evaluate(_ words: [Word]) throws(ShellError) -> Output { try shell.evaluate(words) }

  /// The commands run at the top level so far, for `record`.
  package var transcript: [RecordedLine] { shell.transcript }

  /// Asks the shell to leave after this command.
  package func requestExit() { shell.exitRequested = true }
}
