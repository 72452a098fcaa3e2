import CrosscheckCore

extension DiffCommand {
  /// `diff quote GROUP`: every rendering of one quote collated as an alignment table, one
  /// column per rendering and one row per aligned word, with the rows where the renderings
  /// differ marked — the vertical form of a CollateX table, which stays narrow however
  /// long the quote.
  static func collateQuote(_ word: String, in context: CommandContext) throws(ShellError) -> Output {
    let analysis = context.quoteAnalysis
    guard let group = analysis.groups.first(where: { $0.id.lowercased() == word.lowercased() }) else {
      let hint = EditDistanceHint.closest(to: word, among: analysis.groups.map(\.id)).map { "did you mean '\($0)'?" }
        ?? (analysis.groups.isEmpty ? "no quotes were found in the loaded documents" : "quote groups are Q1…Q\(analysis.groups.count) (see 'quotes')")
      throw .notFound("no quote group '\(word)'", hint: hint)
    }
    let members = group.members.map { analysis.occurrences[$0] }
    let witnesses = members.map { member -> [String] in
      let buffer = TextBuffer(member.text)
      return Tokenizer().tokens(in: buffer).map { buffer.string($0.range) }
    }
    let collation = Collation(witnesses: witnesses)
    // Two renderings from one document are told apart by their occurrence ids.
    let counts = Dictionary(members.map { ($0.documentID, 1) }, uniquingKeysWith: +)
    let labels = members.map { counts[$0.documentID, default: 0] > 1 ? "\($0.documentID) (\($0.id))" : $0.documentID }
    let table = Table(
      columns: [Column("")] + labels.map { Column($0, truncatable: true) },
      rows: collation.columns.map { column in
        [.text(column.isVariant ? "≠" : "")] + column.cells.map { .text($0 ?? "–") }
      })
    let differing = collation.variantColumns.count
    let summary = StyledText(
      "\(members.count) renderings of \(group.id), \(collation.columns.count) aligned positions, \(differing) where they differ (≠); – marks a word a rendering lacks.",
      .dim)
    let json: JSONValue = .object([
      ("group", .string(group.id)),
      ("witnesses", .array(members.map {
        .object([("doc", .string($0.documentID)), ("quote", .string($0.id)), ("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text))])
      })),
      ("columns", .array(collation.columns.map { column in
        .object([("variant", .bool(column.isVariant)), ("cells", .array(column.cells.map { JSONValue.string($0) }))])
      })),
    ])
    return Output([.heading("diff quote \(group.id)"), .table(table), .text(summary)], json: json)
  }
}
