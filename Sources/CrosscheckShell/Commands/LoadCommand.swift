import CrosscheckCore
import CrosscheckStore
import Foundation

/// `load PATH…`: reads files and folders into the session.
package enum LoadCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "load",
    abstract: "load articles from files and folders",
    discussion: """
      Reads .txt (plain text; a short first line is taken as the headline), .md (with optional \
      front matter: title, outlet, url, date, author) and .jsonl/.json (one object per line with \
      "text" and optional "id", "title", "outlet", "url", "date", "author") and .html/.htm (the \
      page's main text: paragraphs of the <article>, <main> or densest text block in order, without \
      scripts, navigation, headers, footers, asides, forms or share bars; title, outlet, date and \
      author from <meta> tags and JSON-LD; a page's declared character set is honoured; offsets \
      refer to the extracted text). Folders are read \
      recursively in name order, passing over hidden files, README/LICENSE files and answer-key \
      folders named "gold". Text is read as UTF-8 (a byte order mark is dropped, invalid bytes \
      are replaced and reported; UTF-16 with a byte order mark is read too) and CRLF line \
      endings as LF. Binary and empty files are skipped with the reason, and so is a file whose \
      text equals a document already loaded; the first 20 of each kind are named and the \
      rest counted (--format json lists them all). A document's id is its file stem (or the JSONL "id").
      Inside a command file, relative paths are relative to the command file's folder.
      Files (and JSON Lines records, read a batch at a time) are read and analysed on every \
      core; the environment variable CROSSCHECK_WORKERS caps the number of threads, and the \
      result is the same for any number. At a terminal a progress line on standard error \
      shows the count, the rate and the time left (not in command files or with --format \
      json). Ctrl-C stops a load: the documents read so far stay loaded.
      """,
    arguments: [ArgumentSpec("path", "files or folders to load", kind: .path, arity: .oneOrMore)],
    examples: [
      Example("load samples/riverton-flood", "a folder of articles"),
      Example("load article.txt more.jsonl", "files"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let paths = call.arguments.map(context.resolvePath)
    let workers = context.environment["CROSSCHECK_WORKERS"].flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
    let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? context.settings.format
    var meter = context.showsProgress && format != .json ? ProgressMeter() : nil
    let report = DocumentLoader(workers: workers).load(
      paths, existing: context.corpus, isCancelled: { Interrupt.isRaised },
      progress: { status in
        if let line = meter?.line(for: status) { context.writeProgress(line) }
      })
    if meter?.shown == true { context.writeProgress("") }
    // Written through first, in one transaction: the session never holds half a load.
    // An in-memory session writes it only when something reads the store.
    // Writing a session file analyses each document's quotes and claims first, which takes
    // a while for a large load (or after Ctrl-C, for what was read): say so meanwhile.
    let writing = meter != nil && context.sessionPath != nil && report.loaded.count >= Self.writingNoticeDocuments
    if writing {
      context.writeProgress("writing \(report.loaded.count.grouped) documents to the session file (quotes, claims, search index)…")
    }
    defer { if writing { context.writeProgress("") } }
    do {
      try context.storeLoaded(report.loaded)
    } catch {
      throw ShellError(.failed, "nothing loaded: \(error.message)", hint: error.hint)
    }
    var corpus = context.corpus
    for document in report.loaded { corpus.append(document) }
    // Lines one outlet repeats on every article, and years for month-and-day datelines,
    // need the whole corpus.
    if !report.loaded.isEmpty { corpus = Corpus(CorpusRefiner.refine(corpus.documents)) }
    context.corpus = corpus
    return output(for: report)
  }

  /// The smallest load for which writing to a session file is announced at a terminal.
  static let writingNoticeDocuments = 200

  /// How many skipped files, duplicates and notes are named one by one, of each kind.
  static let detailLines = 20

  /// The summary line and the details of what was not loaded.
  static func output(for report: LoadReport) -> Output {
    let words = report.loaded.reduce(0) { $0 + $1.wordCount }
    var summary = "Loaded \(report.loaded.count.grouped) document\(report.loaded.count == 1 ? "" : "s") (\(words.grouped) words)"
    summary += "; skipped \(report.skipped.count.grouped); \(report.duplicates.count.grouped) duplicate\(report.duplicates.count == 1 ? "" : "s")"
    if report.cancelled { summary += "; cancelled before the end" }
    var details: [StyledRun] = [StyledRun(summary + ".")]
    // A folder of thousands of copies would otherwise print thousands of lines: the first
    // few of each kind, then how many more (the JSON output lists every one).
    func list(_ lines: [String], _ kind: String, _ style: TextStyle) {
      for line in lines.prefix(detailLines) { details.append(StyledRun("\n  " + line, style)) }
      if lines.count > detailLines {
        details.append(StyledRun("\n  … and \((lines.count - detailLines).grouped) more \(kind) (--format json lists them all)", .dim))
      }
    }
    list(report.skipped.map { "skipped \($0.path): \($0.reason)" }, "skipped", .warning)
    list(report.duplicates.map { "duplicate \($0.path): same text as \($0.duplicateOf)" }, "duplicates", .warning)
    list(report.warnings.map { "note \($0.path): \($0.message)" }, "notes", .dim)
    let blocks: [Block] = [.message(StyledText(details))]
    let json: JSONValue = .object([
      ("loaded", .array(report.loaded.map { .object([("id", .string($0.id)), ("path", .string($0.origin)), ("words", .int($0.wordCount))]) })),
      ("skipped", .array(report.skipped.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
      ("duplicates", .array(report.duplicates.map { .object([("path", .string($0.path)), ("duplicate_of", .string($0.duplicateOf))]) })),
      ("warnings", .array(report.warnings.map { .object([("path", .string($0.path)), ("message", .string($0.message))]) })),
      ("cancelled", .bool(report.cancelled)),
    ])
    return Output(blocks, json: json)
  }
}

/// `unload DOC…`: removes documents from the session.
package enum UnloadCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "unload",
    abstract: "remove documents from the session",
    arguments: [ArgumentSpec("doc", "documents: ids, id prefixes or numbers", kind: .document, arity: .zeroOrMore)],
    options: [.flag("all", "remove every document")],
    examples: [Example("unload 2", "the second document of 'sources'"), Example("unload --all", "start afresh")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let ids: [String]
    if call.flag("all") {
      ids = context.corpus.documents.map(\.id)
    } else {
      guard !call.arguments.isEmpty else { throw .usage("'unload' needs DOC… or --all", hint: "usage: \(spec.synopsis)") }
      var resolved: [String] = []
      for word in call.arguments { resolved.append(try context.document(word).id) }
      ids = resolved
    }
    do {
      try context.storeUnloaded(Array(Set(ids)))
    } catch {
      throw ShellError(.failed, "nothing unloaded: \(error.message)", hint: error.hint)
    }
    var corpus = context.corpus
    corpus.remove(ids: Set(ids))
    // A line is outlet furniture only while several of the outlet's articles are loaded.
    corpus = Corpus(CorpusRefiner.refineAfterRemoval(corpus.documents))
    context.corpus = corpus
    let unique = Set(ids).count
    return Output(
      [.message(StyledText("Unloaded \(unique) document\(unique == 1 ? "" : "s"); \(corpus.count) left."))],
      json: .object([("unloaded", .array(ids.map(JSONValue.string))), ("remaining", .int(corpus.count))]))
  }
}

/// The progress line of a load: documents, megabytes, rate and time left, at most a few
/// times a second.
struct ProgressMeter {
  /// The shortest time between two lines, so that drawing costs nothing next to loading.
  static let interval: Duration = .milliseconds(200)
  private let started = ContinuousClock.now
  private var last: ContinuousClock.Instant?
  /// Whether a line has been written (and must be cleared).
  private(set) var shown = false

  /// The line for `status`, or nil when the last one is too recent.
  mutating func line(for status: LoadProgress) -> String? {
    let now = ContinuousClock.now
    if let last, now - last < Self.interval { return nil }
    // The first batch is no guide to the rate: wait for a second one.
    if last == nil, now - started < Self.interval { return nil }
    last = now
    shown = true
    return Self.describe(status, seconds: (now - started) / .seconds(1))
  }

  /// "loading: 12,345 documents, 45 of 600 MB, 4,100 documents/s, about 12 s left".
  static func describe(_ status: LoadProgress, seconds: Double) -> String {
    let megabyte = 1_048_576
    var line = "loading: \(status.documents.grouped) document\(status.documents == 1 ? "" : "s")"
    line += ", \((status.bytes / megabyte).grouped) of \(max(1, (status.totalBytes + megabyte - 1) / megabyte).grouped) MB"
    guard seconds > 0 else { return line }
    line += ", \(Int(Double(status.documents) / seconds).grouped) documents/s"
    if status.bytes > 0, status.totalBytes > status.bytes {
      let left = Double(status.totalBytes - status.bytes) / (Double(status.bytes) / seconds)
      line += ", about \(Int(left.rounded(.up)).grouped) s left"
    }
    return line
  }
}

extension Int {
  /// The number with thousands separators ("12,345").
  var grouped: String {
    let digits = String(magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return self < 0 ? "-" + result : result
  }
}
