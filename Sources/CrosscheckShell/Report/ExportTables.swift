import CrosscheckCore

/// One table of `export`: named columns and rows of JSON values.
struct ExportTable: Sendable {
  var name: String
  /// Column names (snake_case, as in JSON).
  var columns: [String]
  /// One value per column in each row. Lists are arrays (JSON Lines keeps them as arrays;
  /// CSV joins them with "; ").
  var rows: [[JSONValue]]

  /// Separates the items of a list in a CSV field.
  static let listSeparator = "; "

  /// The table as CSV (RFC 4180): a header row, then one line per row.
  var csv: String {
    var lines = [columns.map(CSVRenderer.field).joined(separator: ",")]
    for row in rows { lines.append(row.map { CSVRenderer.field(Self.text(of: $0)) }.joined(separator: ",")) }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// The table as JSON Lines: one object per row, keys in column order.
  var jsonLines: String {
    rows.map { row in JSONValue.object(Array(zip(columns, row))).serialized(pretty: false) + "\n" }.joined()
  }

  /// The table with every piece of text passed through `hide` (blind mode's labels).
  func hiding(with hide: (String) -> String) -> ExportTable {
    func hidden(_ value: JSONValue) -> JSONValue {
      switch value {
      case .string(let text): return .string(hide(text))
      case .array(let items): return .array(items.map(hidden))
      case .object(let pairs): return .object(pairs.map { ($0.0, hidden($0.1)) })
      default: return value
      }
    }
    var copy = self
    copy.rows = rows.map { $0.map(hidden) }
    return copy
  }

  /// A value as CSV text: null is empty, numbers in their shortest exact form, lists joined.
  static func text(of value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return number.isFinite ? String(number) : ""
    case .string(let text): return text
    case .array(let items): return items.map(text(of:)).joined(separator: listSeparator)
    case .object: return value.serialized(pretty: false)
    }
  }
}

/// The tables `export` writes, built from the analyses. Columns are documented in
/// docs/export.md.
enum ExportTables {
  /// Every table, in the order `export` writes them.
  static func tables(_ analyses: CorpusAnalyses, settings: Settings) -> [ExportTable] {
    [
      sources(analyses, settings: settings), quotes(analyses), speakers(analyses), quoteGroups(analyses), claims(analyses),
      claimGroups(analyses), similarity(analyses),
    ]
  }

  /// The names of the tables, for help.
  static let names = ["sources", "quotes", "speakers", "quote_groups", "claims", "claim_groups", "similarity"]

  static func number(_ value: Double) -> JSONValue { ClaimsCommand.numberJSON(value) }

  /// The ids of the documents at `positions`, in corpus order.
  static func documentIDs(_ positions: Set<Int>, _ analyses: CorpusAnalyses) -> JSONValue {
    strings(positions.sorted().map { analyses.documents[$0].id })
  }
  static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

  static func sources(_ analyses: CorpusAnalyses, settings: Settings) -> ExportTable {
    let quotes = analyses.quoteCounts
    let claims = analyses.claimCounts
    return ExportTable(
      name: "sources",
      columns: [
        "number", "id", "path", "outlet", "outlet_inferred", "title", "date", "date_inferred", "author", "url", "words",
        "sentences", "paragraphs", "boilerplate_lines", "truncated", "quotes", "claims",
      ],
      rows: analyses.documents.enumerated().map { index, document in
        let metadata = document.metadata
        return [
          .int(index + 1), .string(document.id), .string(document.origin), .string(CorpusAnalyses.outletName(document, settings: settings)),
          .bool(metadata.outlet?.inferred ?? false), .string(metadata.title?.value), .string(metadata.date?.value),
          .bool(metadata.date?.inferred ?? false), .string(metadata.author?.value), .string(metadata.url?.value),
          .int(document.wordCount), .int(document.sentences.count), .int(document.paragraphs.count),
          .int(document.boilerplate.count), .bool(document.truncated), .int(quotes[index]), .int(claims[index]),
        ]
      })
  }

  static func quotes(_ analyses: CorpusAnalyses) -> ExportTable {
    let quotes = analyses.quotes
    return ExportTable(
      name: "quotes",
      columns: [
        "id", "doc", "start", "end", "text", "speaker_id", "speaker", "speaker_surface", "cue", "kind", "group", "variant",
        "misattributed", "nested_in", "rule", "confidence", "evidence", "unattributed_reason",
      ],
      rows: quotes.occurrences.map { occurrence in
        let attribution = occurrence.attribution
        return [
          .string(occurrence.id), .string(occurrence.documentID), .int(occurrence.start), .int(occurrence.end), .string(occurrence.text),
          .string(occurrence.speaker.map { quotes.speakers[$0].id }), .string(occurrence.speaker.map { quotes.speakers[$0].speaker.name }),
          .string(attribution?.surface), .string(attribution?.cue), .string(occurrence.kind.rawValue),
          .string(quotes.groups[occurrence.group].id), .string(occurrence.variant.rawValue), .bool(occurrence.misattributed),
          .string(occurrence.nestedIn.map { quotes.occurrences[$0].id }), .string(attribution?.rule.rawValue),
          attribution.map { .double(($0.confidence * 100).rounded() / 100) } ?? .null, .string(attribution?.evidence),
          .string(occurrence.quote.unattributedReason),
        ]
      })
  }

  static func speakers(_ analyses: CorpusAnalyses) -> ExportTable {
    let quotes = analyses.quotes
    return ExportTable(
      name: "speakers",
      columns: ["id", "name", "aliases", "roles", "quotes", "docs"],
      rows: quotes.speakers.map { summary in
        let documents = Set(summary.quotes.map { quotes.occurrences[$0].document })
        return [
          .string(summary.id), .string(summary.speaker.name), strings(summary.speaker.aliases), strings(summary.speaker.roles),
          .int(summary.quotes.count), documentIDs(documents, analyses),
        ]
      })
  }

  static func quoteGroups(_ analyses: CorpusAnalyses) -> ExportTable {
    let quotes = analyses.quotes
    return ExportTable(
      name: "quote_groups",
      columns: ["group", "speaker_id", "speaker", "kind", "canonical_id", "canonical", "sources", "occurrences", "docs", "members", "variants"],
      rows: quotes.groups.map { group in
        let canonical = quotes.occurrences[group.canonical]
        let members = group.members.map { quotes.occurrences[$0] }
        let documents = Set(members.map(\.document))
        return [
          .string(group.id), .string(group.speaker.map { quotes.speakers[$0].id }), .string(group.speaker.map { quotes.speakers[$0].speaker.name }),
          .string(canonical.kind.rawValue), .string(canonical.id), .string(canonical.text), .int(documents.count), .int(members.count),
          documentIDs(documents, analyses), strings(members.map(\.id)), strings(members.map(\.variantLabel)),
        ]
      })
  }

  static func claims(_ analyses: CorpusAnalyses) -> ExportTable {
    let documents = Dictionary(uniqueKeysWithValues: analyses.documents.map { ($0.id, $0) })
    let groupOf = analyses.claimGroupOfClaim
    var rows: [[JSONValue]] = []
    for (index, claim) in analyses.claims.enumerated() {
      guard let document = documents[claim.document] else { continue }
      let span = document.scalarRange(claim.quantity.range)
      let sentence = document.scalarRange(claim.sentence)
      let (value, high) = values(claim.quantity.value)
      let group = groupOf[index].map { analyses.claimGroups[$0] }
      rows.append([
        .string(claim.id), .string(claim.document), .int(span.lowerBound), .int(span.upperBound), .string(document.string(claim.quantity.range)),
        .string(claim.quantity.kind.rawValue), value, high, .string(claim.quantity.unit),
        claim.quantity.alternate.map { number($0.value) } ?? .null, .string(claim.quantity.alternate?.unit),
        .string(claim.quantity.qualifier?.rawValue), .string(claim.topicText), .string(claim.asserter), .string(claim.asserterRule),
        .string(claim.quantity.rule), .int(sentence.lowerBound), .int(sentence.upperBound), .string(document.string(claim.sentence)),
        .string(group?.id), .string(group?.agreement.rawValue),
      ])
    }
    return ExportTable(
      name: "claims",
      columns: [
        "id", "doc", "start", "end", "text", "kind", "value", "value_high", "unit", "value_alt", "unit_alt", "qualifier", "topic",
        "asserter", "asserter_rule", "rule", "sentence_start", "sentence_end", "sentence", "group", "agreement",
      ],
      rows: rows)
  }

  /// A quantity's value and, for a range, its high end.
  static func values(_ value: QuantityValue) -> (JSONValue, JSONValue) {
    switch value {
    case .number(let number): return (self.number(number), .null)
    case .range(let low, let high): return (number(low), number(high))
    case .date(let text): return (.string(text), .null)
    case .vague: return (.null, .null)
    }
  }

  static func claimGroups(_ analyses: CorpusAnalyses) -> ExportTable {
    let positions = Dictionary(uniqueKeysWithValues: analyses.documents.enumerated().map { ($1.id, $0) })
    return ExportTable(
      name: "claim_groups",
      columns: ["group", "agreement", "topic", "sources", "claims", "docs", "members", "values", "reason"],
      rows: analyses.claimGroupsConflictsFirst.map { index in
        let group = analyses.claimGroups[index]
        let members = group.members.map { analyses.claims[$0] }
        let documents = Set(members.compactMap { positions[$0.document] })
        return [
          .string(group.id), .string(group.agreement.rawValue), .string(group.topic), .int(documents.count), .int(members.count),
          documentIDs(documents, analyses), strings(members.map(\.id)), strings(members.map(\.text)),
          .string(group.reason),
        ]
      })
  }

  static func similarity(_ analyses: CorpusAnalyses) -> ExportTable {
    let documents = analyses.documents
    return ExportTable(
      name: "similarity",
      columns: [
        "a", "b", "jaccard", "containment_a_in_b", "containment_b_in_a", "shared_shingles", "judgement", "near_duplicate",
        "passages", "passage_words", "derived", "source", "hint",
      ],
      rows: analyses.reuse.pairs.map { pair in
        let long = pair.passages.filter { $0.words.matched >= ReuseAnalysis.minimumWords }
        return [
          .string(documents[pair.a].id), .string(documents[pair.b].id), .double(pair.score.jaccard),
          .double(pair.score.containmentAInB), .double(pair.score.containmentBInA), .int(pair.score.shared),
          .string(pair.judgement.rawValue), .bool(pair.isNearDuplicate), .int(long.count),
          .int(long.reduce(0) { $0 + $1.words.matched }), .string(pair.hint?.derived.map { documents[$0].id }),
          .string(pair.hint?.source.map { documents[$0].id }), .string(pair.hint?.reason),
        ]
      })
  }
}
