import CrosscheckCore
import CrosscheckStore

/// `sources [DOC]`: what is in the corpus.
package enum SourcesCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "sources",
    abstract: "list the loaded documents, or describe one",
    discussion: """
      Without an argument: one row per document with its number, id, outlet, title, date, \
      counts of words and sentences in the article body, and its quotations and claims (as \
      found in the document on its own when it was loaded). With a document (id, id prefix or \
      number): its metadata with where each value came from, statistics, and the parts of the \
      text that analyses leave out (front matter, the headline line, and boilerplate: navigation, \
      share and comment widgets, "Also Read"/"Related" links, captions, bylines, author boxes and \
      bios, copyright and source credits, newsletter prompts), each with the reason. Also says \
      whether the article ends mid-sentence or has a paragraph cut off inside it. Values inferred \
      from the text (outlet from a dateline, byline, author bio or newsletter prompt; date from a \
      dateline or byline) are marked as inferred with the text they came from. JSON adds \
      outlet_inferred, truncated, boilerplate_lines and boilerplate[{start, end, text, reason}].
      """,
    arguments: [ArgumentSpec("doc", "a document: id, id prefix or number", kind: .document, arity: .optional)],
    examples: [Example("sources", "the corpus at a glance"), Example("sources 2 --format json", "one document's metadata as JSON")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    // Quotation and claim counts come from the analyses stored when each document was loaded
    // (or, for a document not yet written to an in-memory store, the analysis kept to store).
    func storedCounts() throws(ShellError) -> [String: AnalysisCounts] {
      do {
        return try context.analysisCounts()
      } catch {
        throw ShellError(error)
      }
    }
    if let word = call.arguments.first {
      let document = try context.document(word)
      return describe(document, counts: try storedCounts()[document.id])
    }
    return try context.cachedOutput(for: call) { () throws(ShellError) -> Output in
      list(context.corpus.documents, counts: try storedCounts())
    }
  }

  /// One row per document.
  static func list(_ documents: [Document], counts: [String: AnalysisCounts]) -> Output {
    let table = Table(
      columns: [
        Column("#"), Column("id", key: "id", truncatable: true), Column("outlet", key: "outlet", truncatable: true),
        Column("title", key: "title", truncatable: true), Column("date", key: "date"), Column("words", key: "words"),
        Column("sentences", key: "sentences"), Column("quotes", key: "quotes"), Column("claims", key: "claims"),
      ],
      rows: documents.indices.map { index in
        let document = documents[index]
        let count = counts[document.id]
        return [
          .int(index + 1), .text(document.id), .text(document.metadata.outlet?.value), .text(document.metadata.title?.value),
          .text(document.metadata.date?.value), .int(document.wordCount), .int(document.sentences.count),
          count.map { .int($0.quotes) } ?? .text(nil), count.map { .int($0.claims) } ?? .text(nil),
        ]
      })
    let json: JSONValue = .array(documents.map { summaryJSON($0, counts: counts[$0.id]) })
    if documents.isEmpty {
      return Output([.table(table), .message(StyledText("No documents loaded; use 'load PATH'.", .dim))], json: json)
    }
    return Output([.table(table)], json: json)
  }

  /// One document's row in `sources --format json`.
  static func summaryJSON(_ document: Document, counts: AnalysisCounts?) -> JSONValue {
    .object([
      ("id", .string(document.id)),
      ("path", .string(document.origin)),
      ("outlet", .string(document.metadata.outlet?.value)),
      ("title", .string(document.metadata.title?.value)),
      ("date", .string(document.metadata.date?.value)),
      ("words", .int(document.wordCount)),
      ("sentences", .int(document.sentences.count)),
      ("paragraphs", .int(document.paragraphs.count)),
      ("quotes", counts.map { .int($0.quotes) } ?? .null),
      ("claims", counts.map { .int($0.claims) } ?? .null),
      ("boilerplate_lines", .int(document.boilerplate.count)),
      ("truncated", .bool(document.truncated)),
    ])
  }

  /// "no", "yes (ends mid-sentence)", and the cut-off paragraphs inside the text.
  static func truncationSummary(_ document: Document) -> String {
    var parts: [String] = []
    if document.truncated { parts.append("ends mid-sentence") }
    for range in document.internalTruncations { parts.append("paragraph cut off at “…\(lastWords(document.string(range)))”") }
    return parts.isEmpty ? "no" : "yes: " + parts.joined(separator: "; ")
  }

  /// The last few words of a paragraph.
  static func lastWords(_ text: String, count: Int = 5) -> String {
    text.split(separator: " ").suffix(count).joined(separator: " ")
  }

  static func describe(_ document: Document, counts: AnalysisCounts?) -> Output {
    func value(_ metadata: MetadataValue?) -> StyledText {
      guard let metadata else { return StyledText("—", .dim) }
      guard metadata.inferred else { return StyledText(metadata.value) }
      let evidence = metadata.evidence.map { " from “\($0)”" } ?? ""
      return StyledText([StyledRun(metadata.value), StyledRun(" (inferred\(evidence))", .dim)])
    }
    var fields = [
      Field("id", StyledText(document.id)),
      Field("path", StyledText(document.origin)),
      Field("format", StyledText(document.format.rawValue)),
      Field("title", value(document.metadata.title)),
      Field("outlet", value(document.metadata.outlet)),
      Field("date", value(document.metadata.date)),
      Field("author", value(document.metadata.author)),
      Field("url", value(document.metadata.url)),
      Field("source credit", value(document.metadata.credit)),
      Field("characters", StyledText(document.buffer.scalarCount.grouped)),
      Field("words", StyledText(document.wordCount.grouped)),
      Field("sentences", StyledText(document.sentences.count.grouped)),
      Field("paragraphs", StyledText(document.paragraphs.count.grouped)),
      Field("quotes", StyledText(counts.map { $0.quotes.grouped } ?? "—")),
      Field("speakers", StyledText(counts.map { $0.speakers.grouped } ?? "—")),
      Field("claims", StyledText(counts.map { $0.claims.grouped } ?? "—")),
      Field("boilerplate lines", StyledText(document.boilerplate.count.grouped)),
      Field("truncated", StyledText(truncationSummary(document))),
    ]
    if !document.notes.isEmpty { fields.append(Field("notes", StyledText(document.notes.joined(separator: "; ")))) }
    var blocks: [Block] = [.fields(fields)]
    let excluded = document.excluded.sorted { $0.range.lowerBound < $1.range.lowerBound }
    if !excluded.isEmpty {
      blocks.append(.heading("Left out of analyses"))
      blocks.append(.table(Table(
        columns: [Column("start"), Column("end"), Column("why"), Column("text", truncatable: true)],
        rows: excluded.map { span in
          let range = document.scalarRange(span.range)
          return [.int(range.lowerBound), .int(range.upperBound), .text(span.reason.description), .text(document.string(span.range))]
        })))
    }
    func metadataJSON(_ name: String, _ metadata: MetadataValue?) -> [(String, JSONValue)] {
      [(name, .string(metadata?.value)), ("\(name)_inferred", .bool(metadata?.inferred ?? false)),
       ("\(name)_evidence", .string(metadata?.evidence))]
    }
    var json: [(String, JSONValue)] = [("id", .string(document.id)), ("path", .string(document.origin)), ("format", .string(document.format.rawValue))]
    json += metadataJSON("title", document.metadata.title)
    json += metadataJSON("outlet", document.metadata.outlet)
    json += metadataJSON("date", document.metadata.date)
    json += metadataJSON("author", document.metadata.author)
    json += [
      ("url", .string(document.metadata.url?.value)),
      ("source_credit", .string(document.metadata.credit?.value)),
      ("characters", .int(document.buffer.scalarCount)), ("words", .int(document.wordCount)),
      ("sentences", .int(document.sentences.count)), ("paragraphs", .int(document.paragraphs.count)),
      ("quotes", counts.map { .int($0.quotes) } ?? .null), ("speakers", counts.map { .int($0.speakers) } ?? .null),
      ("claims", counts.map { .int($0.claims) } ?? .null),
      ("notes", .array(document.notes.map(JSONValue.string))),
      ("truncated", .bool(document.truncated)),
      ("internal_truncations", .array(document.internalTruncations.map { range in
        let scalars = document.scalarRange(range)
        return .object([("start", .int(scalars.lowerBound)), ("end", .int(scalars.upperBound)), ("last_words", .string(lastWords(document.string(range))))])
      })),
      ("boilerplate_lines", .int(document.boilerplate.count)),
      ("boilerplate", .array(document.boilerplate.map { span in
        let range = document.scalarRange(span.range)
        return .object([
          ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)), ("text", .string(document.string(span.range))),
          ("reason", .string(span.reason.description)), ("kind", .string(span.reason.name)),
        ])
      })),
      ("excluded", .array(excluded.map { span in
        let range = document.scalarRange(span.range)
        return .object([
          ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)), ("reason", .string(span.reason.description)),
          ("kind", .string(span.reason.name)), ("text", .string(document.string(span.range))),
        ])
      })),
    ]
    return Output(blocks, json: .object(json))
  }
}

/// `show DOC`: a document's text.
package enum ShowCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "show",
    abstract: "print a document's text",
    discussion: """
      Prints the article body, paragraph by paragraph. --raw prints the whole text as loaded, \
      with the parts analyses leave out marked with their kind ([front matter], [headline], \
      [navigation], [share], [byline] …); 'sources DOC' explains each. --sentences numbers \
      the sentences as the splitter found them, with their offsets.
      """,
    arguments: [ArgumentSpec("doc", "a document: id, id prefix or number", kind: .document)],
    options: [
      .flag("raw", "the whole text as loaded, with left-out parts marked"),
      .flag("sentences", "one numbered sentence per line, with its offsets"),
    ],
    examples: [Example("show 1", "the first document"), Example("show coastwire --sentences", "how the text was split")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let document = try context.document(call.arguments[0])
    if call.flag("sentences") {
      let table = Table(
        columns: [Column("#"), Column("start", key: "start"), Column("end", key: "end"), Column("sentence", key: "text", truncatable: true)],
        rows: document.sentences.enumerated().map { index, sentence in
          let range = document.scalarRange(sentence.range)
          return [.int(index + 1), .int(range.lowerBound), .int(range.upperBound), .text(document.string(sentence.range))]
        })
      return .table(table)
    }
    if call.flag("raw") {
      var runs: [StyledRun] = []
      var position = 0
      let bytes = document.buffer.bytes.count
      for span in document.excluded.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        if span.range.lowerBound > position { runs.append(StyledRun(document.string(position..<span.range.lowerBound))) }
        runs.append(StyledRun("[\(span.reason.name)] ", .warning))
        runs.append(StyledRun(document.string(span.range), .dim))
        position = span.range.upperBound
      }
      if position < bytes { runs.append(StyledRun(document.string(position..<bytes))) }
      return Output([.text(StyledText(runs))], json: .object([("id", .string(document.id)), ("text", .string(document.text))]))
    }
    let paragraphs = document.paragraphs.map { document.string($0.range) }
    var blocks: [Block] = []
    if let title = document.metadata.title?.value { blocks.append(.heading(title)) }
    blocks.append(.text(StyledText(paragraphs.joined(separator: "\n\n"))))
    return Output(blocks, json: .object([
      ("id", .string(document.id)), ("title", .string(document.metadata.title?.value)),
      ("paragraphs", .array(document.paragraphs.map { paragraph in
        let range = document.scalarRange(paragraph.range)
        return .object([("start", .int(range.lowerBound)), ("end", .int(range.upperBound)), ("text", .string(document.string(paragraph.range)))])
      })),
    ]))
  }
}
