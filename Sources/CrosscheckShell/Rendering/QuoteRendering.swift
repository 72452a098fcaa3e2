import CrosscheckCore

/// Lays out quote analyses as tables, text and the stable JSON of `quotes` and `speakers`.
enum QuoteRendering {
  static let verbatimMark = "✓"
  static let variantMark = "~"
  static let absentMark = "·"

  static func speakerName(_ index: Int?, _ analysis: QuoteAnalysis) -> String? {
    index.map { analysis.speakers[$0].speaker.name }
  }

  // MARK: quotes

  static func groups(_ indices: [Int], analysis: QuoteAnalysis, corpus: Corpus) -> Output {
    let documents = corpus.documents
    var columns = [Column("group"), Column("speaker", truncatable: true), Column("sources")]
    // A matrix column per document while it fits; past that, the count says enough.
    let matrix = documents.count <= 12
    if matrix { columns += documents.indices.map { Column(String($0 + 1)) } }
    columns.append(Column("text", truncatable: true))
    let rows: [[Cell]] = indices.map { index in
      let group = analysis.groups[index]
      var row: [Cell] = [.text(group.id), .text(speakerName(group.speaker, analysis) ?? "(unattributed)")]
      let byDocument = Dictionary(grouping: group.members, by: { analysis.occurrences[$0].document })
      row.append(.int(byDocument.count))
      if matrix {
        for document in documents.indices {
          guard let members = byDocument[document] else { row.append(.text(absentMark)); continue }
          let exact = members.contains { analysis.occurrences[$0].variant == .verbatim && !analysis.occurrences[$0].misattributed }
          row.append(.text(exact ? verbatimMark : variantMark))
        }
      }
      row.append(.text("“" + analysis.occurrences[group.canonical].text + "”"))
      return row
    }
    let json: JSONValue = .array(indices.map { groupJSON($0, analysis: analysis) })
    var blocks: [Block] = [.table(Table(columns: columns, rows: rows))]
    if indices.isEmpty { blocks = [.message(StyledText("No quotes found.", .dim))] }
    return Output(blocks, json: json)
  }

  /// One group as JSON; the detail view (`framing`) adds each member's framing and the
  /// longer quotations of other groups that carry the group's words (`insideLonger`).
  static func groupJSON(
    _ index: Int, analysis: QuoteAnalysis, framing: Bool = false, insideLonger: [QuoteOccurrence]? = nil, explain: Bool = false
  ) -> JSONValue {
    let group = analysis.groups[index]
    return .object([
      ("group", .string(group.id)),
      ("speaker", .string(speakerName(group.speaker, analysis))),
      ("canonical", .string(analysis.occurrences[group.canonical].text)),
      ("kind", .string(analysis.occurrences[group.canonical].kind.rawValue)),
      ("members", .array(group.members.map { member in
        let occurrence = analysis.occurrences[member]
        var fields: [(String, JSONValue)] = [
          ("id", .string(occurrence.id)), ("doc", .string(occurrence.documentID)), ("start", .int(occurrence.start)),
          ("end", .int(occurrence.end)), ("text", .string(occurrence.text)), ("variant", .string(occurrence.variantLabel)),
        ]
        if explain { fields.append(("explanation", .string(explanation(occurrence, analysis)))) }
        if framing {
          fields += [
            ("speaker", .string(speakerName(occurrence.speaker, analysis))),
            ("speaker_surface", .string(occurrence.attribution?.surface)),
            ("framing", .string(occurrence.attribution?.framing)),
            ("cue", .string(occurrence.attribution?.cue)),
          ]
        }
        return .object(fields)
      })),
    ] + (insideLonger.map { inside in [
      ("inside_longer", .array(inside.map { occurrence in
        .object([
          ("id", .string(occurrence.id)), ("doc", .string(occurrence.documentID)),
          ("group", .string(analysis.groups[occurrence.group].id)), ("text", .string(occurrence.text)),
        ])
      })),
    ] } ?? []))
  }

  static func occurrences(_ indices: [Int], analysis: QuoteAnalysis, explain: Bool) -> Output {
    var columns = [
      Column("id"), Column("doc", truncatable: true), Column("start"), Column("end"), Column("speaker", truncatable: true),
      Column("cue"), Column("kind"), Column("group"),
    ]
    if explain { columns += [Column("rule"), Column("confidence"), Column("why", truncatable: true)] }
    columns.append(Column("text", truncatable: true))
    let rows: [[Cell]] = indices.map { index in
      let occurrence = analysis.occurrences[index]
      var row: [Cell] = [
        .text(occurrence.id), .text(occurrence.documentID), .int(occurrence.start), .int(occurrence.end),
        .text(speakerName(occurrence.speaker, analysis) ?? "(unattributed)"), .text(occurrence.attribution?.cue),
        .text(occurrence.kind.rawValue), .text(analysis.groups[occurrence.group].id),
      ]
      if explain {
        row += [
          .text(occurrence.attribution?.rule.rawValue ?? "none"),
          occurrence.attribution.map { .double($0.confidence, digits: 2) } ?? .null,
          .text(explanation(occurrence, analysis)),
        ]
      }
      row.append(.text("“" + occurrence.text + "”"))
      return row
    }
    let json: JSONValue = .array(indices.map { occurrenceJSON($0, analysis: analysis, explain: explain) })
    if indices.isEmpty { return Output([.message(StyledText("No quotes found.", .dim))], json: json) }
    return Output([.table(Table(columns: columns, rows: rows))], json: json)
  }

  static func occurrenceJSON(_ index: Int, analysis: QuoteAnalysis, explain: Bool = false) -> JSONValue {
    let occurrence = analysis.occurrences[index]
    let attribution = occurrence.attribution
    let explanation: [(String, JSONValue)] = explain ? [("explanation", .string(explanation(occurrence, analysis)))] : []
    return .object([
      ("id", .string(occurrence.id)),
      ("doc", .string(occurrence.documentID)),
      ("start", .int(occurrence.start)),
      ("end", .int(occurrence.end)),
      ("text", .string(occurrence.text)),
      ("speaker", .string(speakerName(occurrence.speaker, analysis))),
      ("speaker_surface", .string(attribution?.surface)),
      ("cue", .string(attribution?.cue)),
      ("kind", .string(occurrence.kind.rawValue)),
      ("group", .string(analysis.groups[occurrence.group].id)),
      ("variant", .string(occurrence.variantLabel)),
      ("continues", .bool(occurrence.quote.continues)),
      ("nested_in", .string(occurrence.nestedIn.map { analysis.occurrences[$0].id })),
      ("framing", .string(attribution?.framing)),
      ("rule", .string(attribution?.rule.rawValue)),
      ("confidence", attribution.map { .double(($0.confidence * 100).rounded() / 100) } ?? .null),
      ("evidence", .string(attribution?.evidence)),
      ("unattributed_reason", .string(occurrence.quote.unattributedReason)),
    ] + explanation)
  }

  /// Why an occurrence has its speaker, in plain words: the rule that fired and the words
  /// it read, and whether the other renderings credit someone else.
  static func explanation(_ occurrence: QuoteOccurrence, _ analysis: QuoteAnalysis) -> String {
    guard let attribution = occurrence.attribution, let speaker = speakerName(occurrence.speaker, analysis) else {
      return "Not credited to anyone: " + (occurrence.quote.unattributedReason ?? "no speaker found") + "."
    }
    var text = attribution.sentence(crediting: speaker)
    if occurrence.misattributed, let usual = speakerName(analysis.groups[occurrence.group].speaker, analysis) {
      text += " But most sources that carry these words credit them to \(usual): this one looks misattributed."
    }
    return text
  }

  static func group(_ index: Int, analysis: QuoteAnalysis, corpus: Corpus, explain: Bool) -> Output {
    let group = analysis.groups[index]
    let canonical = analysis.occurrences[group.canonical]
    let documents = Set(group.members.map { analysis.occurrences[$0].document })
    let inside = longerQuotations(containing: index, analysis: analysis)
    let moreDocuments = Set(inside.map(\.document)).subtracting(documents).count
    var sourcesLine = "\(documents.count) of \(corpus.count)"
    if moreDocuments > 0 {
      sourcesLine += "; inside a longer quotation in \(moreDocuments) more (below)"
    }
    var blocks: [Block] = [
      .fields([
        Field("group", StyledText(group.id)),
        Field("speaker", StyledText(speakerName(group.speaker, analysis) ?? "(unattributed)")),
        Field("kind", StyledText(canonical.kind.rawValue)),
        Field("sources", StyledText(sourcesLine)),
        Field("fullest", StyledText("“" + canonical.text + "” (" + canonical.documentID + ")")),
      ])
    ]
    blocks.append(.heading("Renderings"))
    let canonicalWords = Set(canonical.words)
    for member in group.members {
      let occurrence = analysis.occurrences[member]
      var runs = [StyledRun("\(occurrence.id)  \(occurrence.documentID)  \(occurrence.variantLabel)\n  “")]
      runs += highlighted(occurrence.text, against: canonicalWords)
      runs.append(StyledRun("”"))
      if explain { runs.append(StyledRun("\n  " + explanation(occurrence, analysis), .dim)) }
      blocks.append(.text(StyledText(runs)))
    }
    let missing = canonical.words.filter { word in !group.members.allSatisfy { analysis.occurrences[$0].words.contains(word) } }
    if !missing.isEmpty, group.members.count > 1 {
      blocks.append(.message(StyledText("Words of the fullest text some renderings leave out: " + orderedUnique(missing).joined(separator: ", "), .dim)))
    }
    if !inside.isEmpty {
      // Another group's longer quotation that carries these words: a rendering too, spliced
      // into more of the speaker's words, which 'diff quote' collates with the others.
      blocks.append(.heading("Inside longer quotations"))
      for occurrence in inside {
        let container = analysis.groups[occurrence.group].id
        var runs = [StyledRun("\(occurrence.id)  \(occurrence.documentID)  part of \(container)\n  “")]
        runs += highlighted(occurrence.text, against: canonicalWords)
        runs.append(StyledRun("”"))
        blocks.append(.text(StyledText(runs)))
      }
      blocks.append(.message(StyledText("'diff quote \(group.id)' lines these words up with the renderings above.", .dim)))
    }
    blocks.append(.heading("Framing"))
    blocks.append(.table(Table(
      columns: [Column("id"), Column("doc", truncatable: true), Column("speaker as written"), Column("described as", truncatable: true), Column("verb"), Column("credited to", truncatable: true)],
      rows: group.members.map { member in
        let occurrence = analysis.occurrences[member]
        let attribution = occurrence.attribution
        return [
          .text(occurrence.id), .text(occurrence.documentID), .text(attribution?.surface), .text(attribution?.framing),
          .text(attribution?.cue), .text(speakerName(occurrence.speaker, analysis) ?? "(unattributed)"),
        ]
      })))
    return Output(blocks, json: groupJSON(index, analysis: analysis, framing: true, insideLonger: inside, explain: explain))
  }

  /// The quotations of other groups that splice group `index`'s words into a longer
  /// quotation (the renderings `diff quote` adds to the group's own).
  static func longerQuotations(containing index: Int, analysis: QuoteAnalysis) -> [QuoteOccurrence] {
    let collation = QuoteCollation(group: index, in: analysis)
    return collation.members.filter { collation.spliced.contains($0.id) }
  }

  /// The text with words that are not in `reference` highlighted.
  static func highlighted(_ text: String, against reference: Set<String>) -> [StyledRun] {
    var runs: [StyledRun] = []
    var word = ""
    var plain = ""
    func flushWord() {
      guard !word.isEmpty else { return }
      let normalized = QuoteAnalysis.normalizedWords(word)
      let differs = normalized.contains { !reference.contains($0) }
      if differs {
        if !plain.isEmpty { runs.append(StyledRun(plain)); plain = "" }
        runs.append(StyledRun(word, .highlight))
      } else {
        plain += word
      }
      word = ""
    }
    for character in text {
      if character.isLetter || character.isNumber || character == "’" || character == "'" || character == "-" {
        word.append(character)
      } else {
        flushWord()
        plain.append(character)
      }
    }
    flushWord()
    if !plain.isEmpty { runs.append(StyledRun(plain)) }
    return runs
  }

  static func orderedUnique(_ words: [String]) -> [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0).inserted }
  }

  // MARK: speakers

  static func speakers(analysis: QuoteAnalysis, corpus: Corpus, source: String?, explain: Bool = false) -> Output {
    let summaries = analysis.speakers.filter { summary in
      source.map { id in summary.quotes.contains { analysis.occurrences[$0].documentID == id } } ?? true
    }
    func counts(_ summary: SpeakerSummary) -> [(String, Int)] {
      var result: [(String, Int)] = []
      for document in corpus.documents {
        let count = summary.quotes.filter { analysis.occurrences[$0].documentID == document.id }.count
        if count > 0 { result.append((document.id, count)) }
      }
      return result
    }
    let table = Table(
      columns: [Column("id"), Column("name"), Column("aliases", truncatable: true), Column("quotes"), Column("by source", truncatable: true)],
      rows: summaries.map { summary in
        [
          .text(summary.id), .text(summary.speaker.name), .text(summary.speaker.aliases.joined(separator: ", ")),
          .int(summary.quotes.count), .text(counts(summary).map { "\($0.0) \($0.1)" }.joined(separator: ", ")),
        ]
      })
    let json: JSONValue = .array(summaries.map { summary in
      .object([
        ("id", .string(summary.id)),
        ("name", .string(summary.speaker.name)),
        ("aliases", .array(summary.speaker.aliases.map(JSONValue.string))),
        ("roles", .array(summary.speaker.roles.map(JSONValue.string))),
        ("quotes", .int(summary.quotes.count)),
        ("sources", .array(counts(summary).map { .object([("doc", .string($0.0)), ("quotes", .int($0.1))]) })),
      ] + (explain ? [("explanation", .array(speakerEvidence(summary, analysis: analysis, corpus: corpus).map { line in
        .object([("doc", .string(line.doc)), ("name", .string(line.name)), ("reason", .string(line.reason))])
      }))] : []))
    })
    if summaries.isEmpty { return Output([.message(StyledText("No quoted speakers found.", .dim))], json: json) }
    var blocks: [Block] = [.table(table)]
    if explain {
      blocks.append(.heading("Why each name is that person"))
      for summary in summaries {
        let lines = speakerEvidence(summary, analysis: analysis, corpus: corpus).map { "  \($0.doc): \($0.reason)" }
        blocks.append(.text(StyledText("\(summary.id) \(summary.speaker.name)\n" + lines.joined(separator: "\n"))))
      }
    }
    return Output(blocks, json: json)
  }

  /// For one speaker: how each source's name for them was matched across sources, then
  /// each description ("the mayor") a source uses for them and how it was resolved.
  static func speakerEvidence(_ summary: SpeakerSummary, analysis: QuoteAnalysis, corpus: Corpus) -> [(doc: String, name: String, reason: String)] {
    var lines = summary.speaker.joins.map { join in
      (doc: corpus.documents[join.document].id, name: join.name, reason: join.reason)
    }
    var seen = Set<String>()
    for index in summary.quotes {
      let occurrence = analysis.occurrences[index]
      guard let attribution = occurrence.attribution, attribution.surfaceKind == .description,
        let surface = attribution.surface, let resolution = attribution.resolution,
        seen.insert(occurrence.documentID + "\u{0}" + surface.lowercased()).inserted
      else { continue }
      lines.append((doc: occurrence.documentID, name: surface, reason: "\(resolution) (\(occurrence.id))"))
    }
    return lines
  }
}
