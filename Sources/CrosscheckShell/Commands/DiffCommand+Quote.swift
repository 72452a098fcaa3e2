import CrosscheckCore

extension DiffCommand {
  /// `diff quote GROUP`: every rendering of one quote collated as an alignment table, one
  /// column per rendering and one row per aligned word, with the rows where the renderings
  /// differ marked — the vertical form of a CollateX table, which stays narrow however
  /// long the quote.
  static func collateQuote(_ word: String, in context: CommandContext) throws(ShellError) -> Output {
    let analysis = context.quoteAnalysis
    guard let groupIndex = analysis.groups.firstIndex(where: { $0.id.lowercased() == word.lowercased() }) else {
      let hint = EditDistanceHint.closest(to: word, among: analysis.groups.map(\.id)).map { "did you mean '\($0)'?" }
        ?? (analysis.groups.isEmpty ? "no quotes were found in the loaded documents" : "quote groups are Q1…Q\(analysis.groups.count) (see 'quotes')")
      throw .notFound("no quote group '\(word)'", hint: hint)
    }
    let quoteCollation = QuoteCollation(group: groupIndex, in: analysis)
    let (group, members, labels, spliced, collation) = (
      quoteCollation.group, quoteCollation.members, quoteCollation.labels, quoteCollation.spliced, quoteCollation.collation
    )
    let table = Table(
      // At a narrow terminal a rendering is named by its document's number in 'sources',
      // with its quote id when that is not enough.
      columns: [Column("")] + zip(members, labels).map { member, label in
        let short = label == member.documentID ? "\(member.document + 1)" : "\(member.document + 1) \(member.id)"
        return Column(label, truncatable: true, shortTitle: short)
      },
      rows: collation.columns.map { column in
        [.text(column.isVariant ? "≠" : "")] + column.cells.map { .text($0 ?? "·") }
      })
    let differing = collation.variantColumns.count
    let summary = StyledText(
      "\(members.count) renderings of \(group.id), \(collation.columns.count) aligned positions, \(differing) where they differ (≠); · marks a word a rendering lacks.",
      .dim)
    let json: JSONValue = .object([
      ("group", .string(group.id)),
      ("witnesses", .array(members.map {
        .object([
          ("doc", .string($0.documentID)), ("quote", .string($0.id)), ("start", .int($0.start)), ("end", .int($0.end)),
          ("text", .string($0.text)), ("spliced", .bool(spliced.contains($0.id))),
        ])
      })),
      ("columns", .array(collation.columns.map { column in
        .object([("variant", .bool(column.isVariant)), ("cells", .array(column.cells.map { JSONValue.string($0) }))])
      })),
    ])
    return Output([.heading("diff quote \(group.id)"), .table(table), .text(summary)], json: json)
  }

  /// Share of the fullest rendering's distinct words a longer quotation must hold to count
  /// as splicing it in; and the fewest distinct words for which that test means anything.
  static let splicedShare = 0.8
  static let minimumSplicedWords = 6

  /// The words and punctuation marks of a quotation.
  static func words(of text: String) -> [String] {
    let buffer = TextBuffer(text)
    return Tokenizer().tokens(in: buffer).map { buffer.string($0.range) }
  }

  /// The run of `container` that aligns with `reference`: from the first to the last of its
  /// tokens that share a column with a token of `reference` in their collation.
  static func alignedPart(of container: [String], with reference: [String]) -> [String]? {
    let collation = Collation(witnesses: [reference, container])
    var part: [String] = []
    var started = false
    var pending: [String] = []
    for column in collation.columns {
      let cells = column.cells
      if cells[0] != nil, let token = cells[1] {
        started = true
        part += pending + [token]
        pending = []
      } else if started, let token = cells[1] {
        pending.append(token)
      } else if started, cells[0] != nil {
        part += pending
        pending = []
      }
    }
    return part.count >= reference.count / 2 ? part : nil
  }
}

/// Every rendering of one quote group collated word by word: the group's members, plus the
/// part of any longer quotation that splices the utterance into its own words. Shared by
/// `diff quote GROUP` and the HTML report.
struct QuoteCollation: Sendable {
  let group: QuoteGroup
  /// The renderings, the group's members first.
  let members: [QuoteOccurrence]
  /// A label per rendering: its document id, with the occurrence id when one document has
  /// two renderings, and "(inside q…)" for a spliced one.
  let labels: [String]
  /// Ids of the occurrences that splice the utterance into a longer quotation.
  let spliced: Set<String>
  let collation: Collation<String>

  /// Which occurrences hold each normalized word, so that the quotations that may splice a
  /// group's utterance in are found without comparing every pair.
  struct WordIndex: Sendable {
    let occurrences: [String: [Int]]

    init(_ analysis: QuoteAnalysis) {
      var occurrences: [String: [Int]] = [:]
      for (index, occurrence) in analysis.occurrences.enumerated() {
        for word in Set(occurrence.words) { occurrences[word, default: []].append(index) }
      }
      self.occurrences = occurrences
    }
  }

  /// Collates the renderings of `analysis.groups[groupIndex]`; `index` (built once when
  /// collating many groups) finds the longer quotations that share its words.
  init(group groupIndex: Int, in analysis: QuoteAnalysis, index: WordIndex? = nil) {
    let group = analysis.groups[groupIndex]
    var members = group.members.map { analysis.occurrences[$0] }
    var witnesses = members.map { DiffCommand.words(of: $0.text) }
    // A longer quotation of another group may splice this utterance into its own words:
    // the part of it that aligns with the fullest rendering is a rendering too.
    let canonical = analysis.occurrences[group.canonical]
    let canonicalWords = Set(canonical.words)
    var shared: [Int: Int] = [:]
    if canonicalWords.count >= DiffCommand.minimumSplicedWords {
      let index = index ?? WordIndex(analysis)
      for word in canonicalWords { for occurrence in index.occurrences[word] ?? [] { shared[occurrence, default: 0] += 1 } }
    }
    let needed = DiffCommand.splicedShare * Double(canonicalWords.count)
    for (candidate, count) in shared.sorted(by: { $0.key < $1.key }) {
      let occurrence = analysis.occurrences[candidate]
      guard occurrence.group != groupIndex, occurrence.words.count > canonical.words.count, Double(count) >= needed,
        let part = DiffCommand.alignedPart(of: DiffCommand.words(of: occurrence.text), with: DiffCommand.words(of: canonical.text))
      else { continue }
      members.append(occurrence)
      witnesses.append(part)
    }
    let spliced = Set(members.dropFirst(group.members.count).map(\.id))
    // Two renderings from one document are told apart by their occurrence ids.
    let counts = Dictionary(members.map { ($0.documentID, 1) }, uniquingKeysWith: +)
    self.group = group
    self.members = members
    self.spliced = spliced
    self.labels = members.map { member -> String in
      let label = counts[member.documentID, default: 0] > 1 ? "\(member.documentID) (\(member.id))" : member.documentID
      return spliced.contains(member.id) ? label + " (inside \(member.id))" : label
    }
    self.collation = Collation(witnesses: witnesses)
  }
}
