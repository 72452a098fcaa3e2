import CrosscheckCore
import CrosscheckStore
import Foundation

/// A place in a command file, for `FILE:LINE` messages.
package struct SourceLocation: Sendable, Equatable {
  package var file: String
  package var line: Int
}

/// The shell: it runs command lines against a session and writes what they return.
///
/// It holds the session (documents and settings) and the stack of running command files;
/// reading lines is left to a `LineReader`, writing to a `Console`, so that the whole shell
/// runs in tests without a terminal.
package final class Shell {
  package var corpus = Corpus() {
    didSet {
      cache.removeAll()
      results.removeAll()
      unsavedResults.removeAll()
      fingerprintCache = nil
    }
  }
  /// Outputs and other values computed on demand, kept until the corpus changes.
  var cache: [String: any Sendable] = [:]
  /// The cross-document results the store keeps (see `Shell+Results.swift`), kept in memory
  /// until the corpus changes.
  var results: [StoredResult: any Sendable] = [:]
  /// Results computed in an in-memory session, written to its store by `save`.
  var unsavedResults: Set<StoredResult> = []
  /// The fingerprint of the corpus, worked out on first use.
  var fingerprintCache: CorpusFingerprint?
  package var settings = Settings()
  /// The session's database: in memory until `--session`, `open` or a file is given. Read
  /// it through `store`, which first writes what is pending.
  private(set) var openStore: Store
  /// Loads and unloads not yet written to an in-memory store, in order.
  private var pendingWrites: [PendingWrite] = []
  package let registry: CommandRegistry
  package let console: any Console
  /// Set by `quit`.
  package var exitRequested = false
  /// Whether `--no-color` was given for the whole run.
  package var colorDisabled = false
  /// The values `$name` stands for, set with `let`.
  package var variables: [String: String] = [:]
  /// The commands run at the top level so far (typed, `-c`, standard input, `-f` files as
  /// `run FILE`), as lexed, for `record`.
  private(set) var transcript: [RecordedLine] = []
  /// What the last command that printed something (other than `echo`) printed, without
  /// colors, for `expect output`.
  private(set) var lastOutput: (line: String, text: String)?

  /// The command files being run, outermost first: the path as given (relative paths in
  /// a file are read from its folder) and the absolute path (to catch a file running itself).
  private(set) var fileStack: [(path: String, absolute: String)] = []
  /// The deepest nesting of command files allowed.
  static let maximumFileDepth = 32
  private let lexer = CommandLexer()

  package init(console: any Console, registry: CommandRegistry = CommandRegistry()) {
    self.console = console
    self.registry = registry
    do {
      openStore = try Store.inMemory()
    } catch {
      // An in-memory SQLite database fails to open only when memory is exhausted.
      preconditionFailure("cannot create the in-memory session: \(error.message)")
    }
  }

  // MARK: - Sessions

  /// Makes a session file this session's store, replacing the documents and settings with
  /// what the file holds.
  /// - Parameters:
  ///   - path: the session file.
  ///   - create: whether to create it when missing (`--session`), or to fail (`open`).
  /// - Returns: the store now in use.
  @discardableResult
  package func openSession(_ path: String, create: Bool) throws(ShellError) -> Store {
    if let current = openStore.path, FileManager.default.fileExists(atPath: path), Store.sameFile(current, path) {
      throw .failed("'\(path)' is already this session's file")
    }
    let opened: Store
    let restored: Corpus
    let saved: [(name: String, value: String)]
    do {
      opened = try Store.open(path, create: create)
    } catch {
      throw ShellError(error)
    }
    do {
      restored = try opened.restoreCorpus()
      saved = try opened.settings()
    } catch {
      opened.close()
      throw ShellError(error)
    }
    openStore.close()
    openStore = opened
    // What was pending belonged to the in-memory session this file replaces.
    pendingWrites = []
    // The store keeps each document as analysed alone; what the corpus teaches (an outlet's
    // repeated lines, a dateline's year) is applied again, as after a load.
    corpus = Corpus(CorpusRefiner.refine(restored.documents))
    for setting in saved { try? settings.set(setting.name, to: setting.value) }
    return opened
  }

  /// Closes the session's store, giving up its file.
  package func closeSession() { openStore.close() }

  /// The session file, or nil while the session is in memory.
  package var sessionPath: String? { openStore.path }

  /// The session's database, with every load and unload written to it.
  package var store: Store {
    get throws(StoreError) {
      try writePending()
      return openStore
    }
  }

  /// Records loaded documents: written at once to a session file (every load is committed
  /// as it happens); kept pending while the session is in memory, until something reads the
  /// store.
  package func storeLoaded(_ documents: [Document]) throws(StoreError) {
    guard !documents.isEmpty else { return }
    if openStore.path != nil {
      try openStore.add(documents)
    } else {
      pendingWrites.append(PendingWrite(documents: documents))
    }
  }

  /// Records unloaded documents, like `storeLoaded`. While the session is in memory the
  /// removal waits in line behind the loads, so that writing them later gives the same rows
  /// and ids as writing each at once.
  package func storeUnloaded(_ ids: [String]) throws(StoreError) {
    guard !ids.isEmpty else { return }
    if openStore.path != nil {
      try openStore.remove(ids: ids)
    } else {
      pendingWrites.append(PendingWrite(removing: ids))
    }
  }

  /// The stored counts of quotations, speakers and claims by document id, without writing
  /// what is pending: a pending document's counts come from the same analysis that writing
  /// it stores (which then reuses it).
  package func analysisCounts() throws(StoreError) -> [String: AnalysisCounts] {
    var counts = try openStore.analysisCounts()
    for index in pendingWrites.indices {
      if pendingWrites[index].removed.isEmpty {
        if pendingWrites[index].analyses == nil {
          pendingWrites[index].analyses = DocumentAnalysis.of(pendingWrites[index].documents)
        }
        for (document, analysis) in zip(pendingWrites[index].documents, pendingWrites[index].analyses ?? []) {
          counts[document.id] = analysis.counts
        }
      } else {
        for id in pendingWrites[index].removed { counts[id] = nil }
      }
    }
    return counts
  }

  /// Writes the pending loads and unloads, each in its own transaction as when written at once.
  private func writePending() throws(StoreError) {
    while let next = pendingWrites.first {
      if next.removed.isEmpty {
        try openStore.add(next.documents, analyses: next.analyses)
      } else {
        try openStore.remove(ids: next.removed)
      }
      pendingWrites.removeFirst()
    }
  }

  /// Saves the settings with the session (a failure is only worth a warning).
  func storeSettings() {
    let values = Settings.descriptors.compactMap { descriptor in
      settings.value(of: descriptor.name).map { (name: descriptor.name, value: $0) }
    }
    do {
      try openStore.saveSettings(values)
    } catch {
      warn("settings not saved with the session: \(error.message)")
    }
  }

  // MARK: - Running lines

  /// Runs one command line.
  /// - Parameter location: where the line comes from, for error messages (nil at the prompt).
  /// - Returns: false when the command failed (the error has been written).
  /// - Parameter toStandardError: write the output to standard error, as a status report
  ///   (loading the paths of the command line, so that standard output holds only what
  ///   the commands print).
  @discardableResult
  package func execute(_ line: String, at location: SourceLocation? = nil, toStandardError: Bool = false) -> Bool {
    do {
      try perform(line, toStandardError: toStandardError)
      return true
    } catch {
      report(error, at: location)
      return false
    }
  }

  /// Runs one line, throwing its error instead of writing it.
  package func perform(_ line: String, toStandardError: Bool = false) throws(ShellError) {
    let lexed: LexedLine
    do {
      lexed = try lexer.lex(line, variables: variables)
    } catch {
      throw .usage("\(error.message) (at column \(error.position + 1))")
    }
    guard let first = lexed.words.first else { return }
    guard let command = registry.command(named: first.text) else { throw registry.unknownCommand(first.text) }
    if lexed.redirection != nil, let note = command.spec.redirectionRefusal {
      throw .usage("'\(first.text)' prints nothing to send to a file", hint: note)
    }
    let call = try CommandCall.bind(Array(lexed.words.dropFirst()), to: command.spec, calledAs: first.text, line: line)
    // Only what was run at the top level is recorded: a command file is recorded as its `run`.
    let topLevel = fileStack.isEmpty
    Interrupt.reset()
    let started = ContinuousClock.now
    let startedCPU = ProcessorTime.milliseconds()
    defer {
      if settings.timing {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let processor = ProcessorTime.milliseconds() - startedCPU
        console.writeError("time: \(first.text) \(milliseconds.formatted(digits: 1)) ms (CPU \(processor.formatted(digits: 1)) ms)\n")
      }
    }
    let output = try command.run(call, in: CommandContext(shell: self))
    if topLevel, command.spec.isRecorded {
      transcript.append(RecordedLine(words: lexed.words, redirection: lexed.redirection, spec: command.spec, folder: FileManager.default.currentDirectoryPath))
    }
    if toStandardError {
      var options = RenderOptions(format: .table, color: colorEnabled(terminal: console.isTerminal), width: nil, terminal: true)
      options.blinding = blinding
      console.writeError(Renderers.render(output, options: options) + "\n")
      return
    }
    try emit(output, for: call, redirection: lexed.redirection)
  }

  /// Runs a command for its result, without printing it (for `expect count`).
  /// - Parameter words: the command's name and words, already lexed.
  package func evaluate(_ words: [Word]) throws(ShellError) -> Output {
    guard let first = words.first else { throw .usage("no command given") }
    guard let command = registry.command(named: first.text) else { throw registry.unknownCommand(first.text) }
    let line = words.map(\.text).joined(separator: " ")
    let call = try CommandCall.bind(Array(words.dropFirst()), to: command.spec, calledAs: first.text, line: line)
    return try command.run(call, in: CommandContext(shell: self))
  }

  /// The neutral labels of the loaded documents while `blind` is on.
  package var blinding: Blinding? {
    guard settings.blind else { return nil }
    if let cached = cache["blinding"] as? Blinding { return cached }
    let blinding = Blinding(documents: corpus.documents)
    cache["blinding"] = blinding
    return blinding
  }

  /// Writes an error to standard error: `FILE:LINE: error: …` in a command file, `error: …` elsewhere.
  package func report(_ error: ShellError, at location: SourceLocation?) {
    // An error inside a nested command file was written where it happened.
    if error.alreadyReported { return }
    let prefix = location.map { TerminalText.escape("\($0.file):\($0.line): ", keepLayout: false) } ?? ""
    let color = colorEnabled(terminal: console.isTerminal)
    let blinding = blinding
    func hidden(_ text: String) -> String { blinding?.hide(in: text) ?? text }
    var text = prefix + ANSI.styled("error:", .error, color: color) + " " + TerminalText.escape(hidden(error.message)) + "\n"
    if let hint = error.hint { text += "  " + TerminalText.escape(hidden(hint)) + "\n" }
    console.writeError(text)
  }

  /// Writes a warning to standard error.
  package func warn(_ message: String) {
    let color = colorEnabled(terminal: console.isTerminal)
    let shown = blinding?.hide(in: message) ?? message
    console.writeError(ANSI.styled("warning:", .warning, color: color) + " " + TerminalText.escape(shown) + "\n")
  }

  // MARK: - Output

  private func colorEnabled(terminal: Bool) -> Bool {
    guard !colorDisabled, console.environment["NO_COLOR"].map({ $0.isEmpty }) ?? true else { return false }
    switch settings.color {
    case .on: return true
    case .off: return false
    case .auto: return terminal
    }
  }

  private func emit(_ output: Output, for call: CommandCall, redirection: Redirection?) throws(ShellError) {
    if output == .empty { return }
    let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? settings.format
    let blinding = blinding
    var output = output
    if let rows = settings.rows, format.isForReading { output = output.limitingRows(to: rows) }
    if let redirection {
      var options = RenderOptions(format: format, color: false, width: settings.width, terminal: false)
      options.blinding = blinding
      let text = Renderers.render(output, options: options) + "\n"
      remember(text, of: call)
      try write(text, to: resolvePath(redirection.path), append: redirection.append)
      return
    }
    let terminal = console.isTerminal
    let color = !call.flag("no-color") && colorEnabled(terminal: terminal)
    var options = RenderOptions(
      format: format, color: color, width: settings.width ?? (terminal ? console.size?.columns : nil), terminal: terminal)
    options.blinding = blinding
    let text = Renderers.render(output, options: options) + "\n"
    if color {
      options.color = false
      remember(Renderers.render(output, options: options) + "\n", of: call)
    } else {
      remember(text, of: call)
    }
    if terminal, console.isInteractive, settings.pager, let rows = console.size?.rows,
      text.utf8.reduce(0, { $0 + ($1 == 0x0A ? 1 : 0) }) >= rows, console.page(text)
    {
      return
    }
    console.write(text)
  }

  /// Keeps a command's printed text for `expect output` (narration is not what a file checks).
  private func remember(_ text: String, of call: CommandCall) {
    if registry.command(named: call.name)?.spec.name == EchoCommand.spec.name { return }
    lastOutput = (call.line, text)
  }

  /// Writes redirected output into the file itself, as a shell's `>` does: a symbolic
  /// link, a device (`/dev/null`) or a file with other links stays what it is (replacing the
  /// file by renaming a new one over it would not).
  private func write(_ text: String, to path: String, append: Bool) throws(ShellError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
    guard descriptor >= 0 else {
      throw .failed("cannot write to '\(path)': \(String(cString: strerror(errno)))")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      throw .failed("cannot write to '\(path)': \(error.localizedDescription)")
    }
  }

  // MARK: - Paths and command files

  /// Relative paths inside a command file are relative to that file's folder.
  package func resolvePath(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    guard !expanded.hasPrefix("/"), let current = fileStack.last else { return expanded }
    let folder = (current.path as NSString).deletingLastPathComponent
    return folder.isEmpty ? expanded : (folder as NSString).appendingPathComponent(expanded)
  }

  /// Runs a command file, stopping at its first error unless `on-error` is `continue`.
  /// - Throws: `ShellError` when the file cannot be read, would run itself, or had an error.
  package func runFile(_ path: String) throws(ShellError) {
    let resolved = resolvePath(path)
    let absolute = URL(fileURLWithPath: resolved).standardizedFileURL.resolvingSymlinksInPath().path
    if fileStack.contains(where: { $0.absolute == absolute }) {
      let chain = (fileStack.map(\.absolute) + [absolute]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
      throw .failed("'\(path)' is already running (\(chain)); a command file cannot run itself")
    }
    guard fileStack.count < Self.maximumFileDepth else {
      throw .failed("command files nested more than \(Self.maximumFileDepth) deep")
    }
    // A device or a pipe could never end (`/dev/zero`) or block forever.
    let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
    if let type, type != .typeRegular, type != .typeDirectory {
      throw .failed("cannot run '\(path)': not a regular file (a device, pipe or socket)")
    }
    guard let data = FileManager.default.contents(atPath: resolved) else {
      let exists = FileManager.default.fileExists(atPath: resolved)
      throw .notFound(exists ? "cannot read '\(path)' (permission denied or a folder)" : "no such command file '\(path)'")
    }
    fileStack.append((resolved, absolute))
    defer { fileStack.removeLast() }
    // Lines are cut from the bytes one at a time, at LF bytes (a CRLF line keeps its CR,
    // which `runLines` drops): a long file costs its size once, not a string per line.
    let bytes = [UInt8](data)
    var start = 0
    let failures = runLines(name: path, next: {
      guard start <= bytes.count else { return nil }
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      defer { start = end + 1 }
      return String(decoding: bytes[start..<end], as: UTF8.self)
    })
    if failures > 0 {
      var error = ShellError.failed("\(path): \(failures) command\(failures == 1 ? "" : "s") failed")
      error.alreadyReported = true
      throw error
    }
  }

  /// Runs lines from a source until it ends, `quit` runs, or an error stops it.
  /// - Parameters:
  ///   - name: the source's name in `NAME:LINE` messages.
  ///   - next: the next raw line, or nil at the end.
  /// - Returns: the number of commands that failed.
  @discardableResult
  package func runLines(name: String, next: () -> String?) -> Int {
    var failures = 0
    var lineNumber = 0
    while !exitRequested, Interrupt.terminationSignal == nil, let first = next() {
      lineNumber += 1
      let start = lineNumber
      var line = first.hasSuffix("\r") ? String(first.dropLast()) : first
      while Self.continues(line), let more = next() {
        lineNumber += 1
        line = String(line.dropLast()) + (more.hasSuffix("\r") ? String(more.dropLast()) : more)
      }
      let location = SourceLocation(file: name, line: start)
      do {
        try perform(line)
      } catch {
        report(error, at: location)
        failures += 1
        if settings.onError == .stop { break }
      }
    }
    return failures
  }

  /// Whether a line ends with an unescaped backslash (it continues on the next line).
  static func continues(_ line: String) -> Bool {
    var count = 0
    for character in line.reversed() {
      guard character == "\\" else { break }
      count += 1
    }
    return count % 2 == 1
  }

  // MARK: - Interactive use

  /// The prompt of the interactive shell.
  package static let prompt = "crosscheck> "
  /// The prompt of a continued line.
  package static let continuationPrompt = "        ...> "

  /// The line shown when the interactive shell starts.
  package static let greeting = "crosscheck — type 'help' for the commands, 'quit' or Ctrl-D to leave.\n"

  /// Reads and runs commands until Ctrl-D or `quit`.
  package func runInteractive(reader: any LineReader) {
    console.write(ANSI.styled(Self.greeting, .dim, color: colorEnabled(terminal: console.isTerminal)))
    while !exitRequested, Interrupt.terminationSignal == nil {
      var line: String
      switch reader.readLine(prompt: Self.prompt) {
      case .endOfInput:
        console.write("\n")
        return
      case .interrupted:
        continue
      case .line(let text):
        line = text
      }
      var interrupted = false
      while Self.continues(line) {
        switch reader.readLine(prompt: Self.continuationPrompt) {
        case .line(let more): line = String(line.dropLast()) + more
        case .interrupted: interrupted = true
        case .endOfInput: line = String(line.dropLast())
        }
        if interrupted { break }
      }
      if interrupted { continue }
      if !line.trimmingCharacters(in: .whitespaces).isEmpty { reader.addHistory(line) }
      execute(line)
    }
  }
}

/// A load (documents) or an unload (ids) not yet written to the in-memory store.
private struct PendingWrite {
  var documents: [Document] = []
  /// The documents' analyses, once `sources` has needed their counts.
  var analyses: [DocumentAnalysis]?
  var removed: [String] = []

  init(documents: [Document]) { self.documents = documents }
  init(removing ids: [String]) { removed = ids }
}
