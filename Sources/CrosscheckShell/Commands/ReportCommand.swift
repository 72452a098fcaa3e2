import CrosscheckCore
import Foundation

/// `report FILE.html`: every analysis of the session as one self-contained web page.
package enum ReportCommand: ShellCommand {
  /// Pairs shown side by side when `--pairs` is not given.
  static let defaultPairCount = 3

  package static let spec = CommandSpec(
    name: "report",
    abstract: "write the analyses as one HTML page to open in a browser or print",
    discussion: """
      Writes one self-contained HTML file — styles and a little JavaScript inside it, no \
      network requests, so it opens offline and can be mailed or handed to a class. It \
      shows: the sources; a heat map of how much text each pair of sources shares (Jaccard \
      of 5-word shingles, as 'compare'); the quote matrix, one row per quote group and one \
      column per source, marking how each source renders the quote (click a row to see \
      every rendering aligned word by word, the differing words highlighted, as 'diff quote'); \
      the claims, conflicts first; side-by-side diffs of the most similar pairs (--pairs N, \
      default \(defaultPairCount)) or of the pairs named with --pair A,B; and every \
      document's text with its quotes and claims highlighted and linked to their groups \
      (the first \(ReportContent.textLimit) documents' texts in a larger corpus). \
      All document text is escaped, and the page's own script is the only one its security \
      policy lets run. It prints well too. --source limits the report to some documents \
      (repeat it, or separate ids with commas). While 'set blind on' is in effect, the page \
      names the sources by their neutral labels, as every other command does.
      """,
    arguments: [ArgumentSpec("file", "the HTML file to write (replaced if it exists)", kind: .path)],
    options: [
      .value("source", "DOC", "only these documents (repeat, or separate with commas)", kind: .document),
      .value("pair", "A,B", "show these two documents side by side (repeat for more pairs)"),
      .value("pairs", "N", "how many of the most similar pairs to show side by side (default \(defaultPairCount); 0 for none)"),
      .value("title", "TEXT", "the page's title (default: crosscheck report)"),
    ],
    examples: [
      Example("report flood.html", "the whole session as one page"),
      Example("report class.html --title \"Who said it?\" --pairs 1", "a page for a class, with one diff"),
      Example("report pair.html --source coastwire,metro --pair coastwire,metro", "two documents only"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard !context.corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    let selection = try documents(call.options["source"] ?? [], in: context)
    let analyses = CorpusAnalyses(selection, in: context)
    let pairs = try chosenPairs(call, analyses: analyses, in: context)
    let content = ReportContent(
      analyses: analyses, title: call.value("title") ?? "crosscheck report", pairs: pairs, settings: context.settings)
    var renderer = HTMLReportRenderer()
    if let blinding = context.blinding { renderer.shown = { blinding.hide(in: $0) } }
    let html = renderer.render(content)
    let path = context.resolvePath(call.arguments[0])
    try write(html, to: path, shownAs: call.arguments[0])
    let bytes = html.utf8.count
    let conflicts = analyses.claimGroups.filter { $0.agreement == .conflict }.count
    let message = "Wrote \(call.arguments[0]): \(plural(analyses.documents.count, "source")), "
      + "\(plural(analyses.quotes.groups.count, "quote group")), \(plural(analyses.claimGroups.count, "claim group")) "
      + "(\(plural(conflicts, "conflict"))), \(plural(pairs.count, "pair")) side by side (\(SaveCommand.byteSize(bytes)))."
    return Output([.message(StyledText(message))], json: .object([
      ("path", .string(path)), ("bytes", .int(bytes)), ("documents", .int(analyses.documents.count)),
      ("quote_groups", .int(analyses.quotes.groups.count)), ("claim_groups", .int(analyses.claimGroups.count)),
      ("conflicts", .int(conflicts)),
      ("pairs", .array(pairs.map { .array([.string(analyses.documents[$0.0].id), .string(analyses.documents[$0.1].id)]) })),
    ]))
  }

  /// "1 source", "3 quote groups".
  static func plural(_ count: Int, _ noun: String) -> String { "\(count.grouped) \(noun)\(count == 1 ? "" : "s")" }

  /// The documents named by `--source` values (each may list several ids separated by
  /// commas), in the session's order; nil when none is named.
  static func documents(_ values: [String], in context: CommandContext) throws(ShellError) -> [Document]? {
    let words = values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty }
    guard !words.isEmpty else { return nil }
    var ids = Set<String>()
    for word in words { ids.insert(try context.document(word).id) }
    return context.corpus.documents.filter { ids.contains($0.id) }
  }

  /// The pairs to show side by side, as positions in `analyses.documents`: those named with
  /// `--pair`, else the most similar pairs that share text.
  static func chosenPairs(_ call: CommandCall, analyses: CorpusAnalyses, in context: CommandContext) throws(ShellError) -> [(Int, Int)] {
    let positions = Dictionary(uniqueKeysWithValues: analyses.documents.enumerated().map { ($1.id, $0) })
    var chosen: [(Int, Int)] = []
    for value in call.options["pair"] ?? [] {
      let words = value.split(separator: ",").map { String($0).trimmingSpaces() }
      guard words.count == 2, !words[0].isEmpty, !words[1].isEmpty else {
        throw .usage("'--pair' needs two documents separated by a comma, not '\(value)'", hint: "for example: --pair 1,2")
      }
      let a = try context.document(words[0])
      let b = try context.document(words[1])
      guard a.id != b.id else { throw .usage("'--pair' needs two different documents, not '\(value)'") }
      guard let x = positions[a.id], let y = positions[b.id] else {
        throw .usage("'--pair \(value)' names a document left out by --source")
      }
      chosen.append((x, y))
    }
    if !chosen.isEmpty { return chosen }
    var count = defaultPairCount
    if let value = call.value("pairs") {
      guard let number = Int(value), number >= 0 else { throw .usage("'--pairs' needs a whole number, not '\(value)'") }
      count = number
    }
    return analyses.reuse.pairs.filter { $0.judgement != .independent }
      .sorted { $0.score.jaccard != $1.score.jaccard ? $0.score.jaccard > $1.score.jaccard : ($0.a, $0.b) < ($1.a, $1.b) }
      .prefix(count).map { ($0.a, $0.b) }
  }

  /// Writes `text` to `path` atomically: a complete copy beside it, renamed over it.
  static func write(_ text: String, to path: String, shownAs name: String) throws(ShellError) {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .failed("cannot write '\(name)' (no such folder, or permission denied)")
    }
  }
}
