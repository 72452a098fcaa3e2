import CrosscheckCore

/// `quotes [GROUP]`: who is quoted, and how each source renders it.
package enum QuotesCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "quotes",
    abstract: "quote groups across sources: speaker, text, which sources carry it and how",
    discussion: """
      Without an argument: one row per quote group (Q1, Q2, … in order of first appearance) \
      with its speaker, a source-by-source matrix (✓ verbatim, ~ a variant, · absent; the \
      columns are the numbers of the 'sources' listing) and the fullest text. With a group \
      (Q3) or an occurrence (q7): every rendering with the words that differ from the fullest \
      text highlighted, how it differs (verbatim, punctuation, trimmed, reworded, \
      misattributed), and how each source frames the speaker (the words used for them and the \
      reporting verb); a group also lists the longer quotations of other groups that carry \
      its words (renderings 'diff quote' collates too). --all lists every occurrence (q1, q2, …). Quotes whose speaker cannot \
      be determined are listed as unattributed, with the reason under --explain.
      """,
    arguments: [ArgumentSpec("group", "a quote group (Q3) or occurrence (q7)", arity: .optional)],
    options: [
      .flag("all", "every occurrence instead of groups"),
      .value("by", "SPEAKER", "only quotes by this speaker (a name, alias or S id)", kind: .speaker),
      .value("source", "DOC", "only quotes in this document", kind: .document),
      .value("min-sources", "N", "only groups carried by at least N sources"),
      .flag("explain", "how each speaker was found: the rule, the evidence and a confidence"),
    ],
    examples: [
      Example("quotes", "the quote groups and which sources carry them"),
      Example("quotes Q1", "every rendering of one quote, side by side"),
      Example("quotes --all --by Rutte --explain", "each occurrence by one speaker, with why"),
      Example("quotes --min-sources 2 --format json", "quotes shared by two or more sources, as JSON"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard !context.corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    return try context.cachedOutput(for: call) { () throws(ShellError) -> Output in try output(call, in: context) }
  }

  static func output(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let analysis = context.quoteAnalysis
    var selected = Array(analysis.occurrences.indices)
    if let word = call.value("by") {
      let speakers = try speakerIndices(matching: word, in: analysis)
      selected = selected.filter { analysis.occurrences[$0].speaker.map(speakers.contains) ?? false }
    }
    if let word = call.value("source") {
      let id = try context.document(word).id
      selected = selected.filter { analysis.occurrences[$0].documentID == id }
    }
    var minimumSources = 1
    if let value = call.value("min-sources") {
      guard let number = Int(value), number >= 1 else { throw .usage("--min-sources needs a whole number of at least 1, not '\(value)'") }
      minimumSources = number
    }
    let explain = call.flag("explain")
    if let word = call.arguments.first {
      return try detail(word, analysis: analysis, corpus: context.corpus, explain: explain)
    }
    if call.flag("all") {
      let kept = selected.filter { sourceCount(analysis.groups[analysis.occurrences[$0].group], analysis) >= minimumSources }
      return QuoteRendering.occurrences(kept, analysis: analysis, explain: explain)
    }
    let keptSet = Set(selected)
    let groups = analysis.groups.indices.filter { index in
      analysis.groups[index].members.contains(where: keptSet.contains) && sourceCount(analysis.groups[index], analysis) >= minimumSources
    }
    if explain {
      let members = groups.flatMap { analysis.groups[$0].members }.filter(keptSet.contains)
      return QuoteRendering.occurrences(members, analysis: analysis, explain: true)
    }
    return QuoteRendering.groups(groups, analysis: analysis, corpus: context.corpus)
  }

  static func sourceCount(_ group: QuoteGroup, _ analysis: QuoteAnalysis) -> Int {
    Set(group.members.map { analysis.occurrences[$0].document }).count
  }

  /// The speakers a word names: an S id, or a name or alias containing the word.
  static func speakerIndices(matching word: String, in analysis: QuoteAnalysis) throws(ShellError) -> Set<Int> {
    let lower = word.lowercased()
    if let index = analysis.speakers.firstIndex(where: { $0.id.lowercased() == lower }) { return [index] }
    let matches = analysis.speakers.indices.filter { index in
      let speaker = analysis.speakers[index].speaker
      return ([speaker.name] + speaker.aliases).contains { $0.lowercased().contains(lower) }
    }
    guard !matches.isEmpty else {
      let names = analysis.speakers.map(\.speaker.name)
      let hint = EditDistanceHint.closest(to: word, among: names).map { "did you mean '\($0)'?" } ?? "see 'speakers'"
      throw .notFound("no speaker '\(word)'", hint: hint)
    }
    return Set(matches)
  }

  static func detail(_ word: String, analysis: QuoteAnalysis, corpus: Corpus, explain: Bool) throws(ShellError) -> Output {
    if let group = analysis.groups.firstIndex(where: { $0.id == word }) {
      return QuoteRendering.group(group, analysis: analysis, corpus: corpus, explain: explain)
    }
    if let occurrence = analysis.occurrences.firstIndex(where: { $0.id == word }) {
      return QuoteRendering.occurrences([occurrence], analysis: analysis, explain: true)
    }
    let ids = analysis.groups.map(\.id) + analysis.occurrences.map(\.id)
    let hint = EditDistanceHint.closest(to: word, among: ids).map { "did you mean '\($0)'?" }
      ?? "groups are Q1…Q\(analysis.groups.count), occurrences q1…q\(analysis.occurrences.count)"
    throw .notFound("no quote group or occurrence '\(word)'", hint: hint)
  }
}
