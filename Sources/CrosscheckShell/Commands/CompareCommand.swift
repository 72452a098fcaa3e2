import CrosscheckCore

/// `compare [DOC DOC]`: which documents share text, and how.
package enum CompareCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "compare",
    abstract: "which texts share passages, who copied whom",
    discussion: """
      Documents are compared by their 5-word shingles (lower-cased, quotes, apostrophes and \
      dashes folded, punctuation dropped). Without arguments: the Jaccard similarity of every \
      pair (with a shaded heat map in table format), the pairs that share text with a hint of \
      which looks derived from which and why, groups of documents linked by shared text, and \
      for each source how much of its body is its own, how much it shares with the same outlet \
      and with others, and its sentences no other source has. With two documents: their \
      shared passages side by side (offsets, identity of the aligned words), the sentences \
      only one of them has, and the derivation hint. A pair shares text when one passage \
      outside quotation marks matches at least 10 words; long passages only inside quotation \
      marks are reported as shared quotes. Up to \(CandidateFinder.exactLimit.grouped) documents \
      every pair sharing a shingle is found exactly (shingles in very many documents are taken \
      for boilerplate); larger corpora use MinHash LSH \
      (--method changes it). --format json gives pairs with jaccard, containment both ways \
      and passages with code point offsets.
      """,
    arguments: [
      ArgumentSpec("doc", "first document: id, id prefix or number", kind: .document, arity: .optional),
      ArgumentSpec("other", "second document", kind: .document, arity: .optional),
    ],
    options: [
      .value("method", "METHOD", "how related pairs are found: auto, exact or minhash", kind: .choice(["auto", "exact", "minhash"])),
      .flag("explain", "for each pair that shares text, the passages and evidence behind the verdict, in sentences"),
    ],
    examples: [
      Example("compare", "the whole corpus: matrix, shared text, lineage, unique sentences"),
      Example("compare coastwire metro", "what two documents share, side by side"),
      Example("compare --format json", "every related pair with its passages"),
      Example("compare coastwire metro --explain", "why the two are said to share text, and who copied whom"),
    ]
  )

  /// Largest corpus shown as a matrix and with every unique sentence.
  static let matrixLimit = 12
  /// Most pairs listed in table format.
  static let pairRowLimit = 50

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let corpus = context.corpus
    guard !corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    if call.arguments.count == 1 { throw .usage("'compare' takes no document or two", hint: "usage: \(spec.synopsis)") }
    var pinned: [Document] = []
    for word in call.arguments { pinned.append(try context.document(word)) }
    if pinned.count == 2, pinned[0].id == pinned[1].id { throw .usage("'compare' needs two different documents") }
    let method: CandidateMethod?
    switch call.value("method") {
    case "exact": method = .exactIndex
    case "minhash": method = .minHashLSH
    default: method = nil
    }
    let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? context.settings.format
    // Documents are keyed by id: a prefix or number typed for one names the same document.
    var keyed = call
    keyed.arguments = pinned.map(\.id)
    return try context.cachedOutput(for: keyed, depending: format == .table ? "heat map" : "") { () throws(ShellError) -> Output in
      guard let analysis = context.comparison(method: method) else { throw .cancelled }
      if pinned.count == 2 {
        let positions = pinned.map { document in corpus.documents.firstIndex { $0.id == document.id } ?? 0 }
        return CompareRendering.pair(analysis, positions[0], positions[1], explain: call.flag("explain"))
      }
      return CompareRendering.corpus(analysis, heatMap: format == .table, explain: call.flag("explain"))
    }
  }
}

/// Builds the output of `compare` from an analysis.
enum CompareRendering {
  static func percent(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }

  /// Shades for the heat map, from no similarity to identical text.
  static let shades = ["  ", "░░", "▒▒", "▓▓", "██"]
  /// Jaccard at which each shade after the first begins.
  static let shadeSteps = [0.02, 0.1, 0.25, 0.5]

  static func shade(_ value: Double) -> String {
    shades[shadeSteps.lastIndex { value >= $0 }.map { $0 + 1 } ?? 0]
  }

  static func corpus(_ analysis: ReuseAnalysis, heatMap: Bool, explain: Bool = false) -> Output {
    let documents = analysis.documents
    var blocks: [Block] = []
    if documents.count <= CompareCommand.matrixLimit {
      var matrix = [[Double]](repeating: [Double](repeating: 0, count: documents.count), count: documents.count)
      for pair in analysis.pairs {
        matrix[pair.a][pair.b] = pair.score.jaccard
        matrix[pair.b][pair.a] = pair.score.jaccard
      }
      blocks.append(.heading("Similarity (Jaccard of 5-word shingles)"))
      let columns = [Column("#"), Column("id", truncatable: true)] + documents.indices.map { Column(String($0 + 1)) }
      blocks.append(.table(Table(columns: columns, rows: documents.indices.map { row in
        [.int(row + 1), .text(documents[row].id)] + documents.indices.map { column in
          column == row ? .null : .double(matrix[row][column], digits: 2)
        }
      })))
      if heatMap {
        var lines = ["    " + documents.indices.map { String($0 + 1).padding(to: 2) }.joined().trailingSpacesRemoved()]
        for row in documents.indices {
          lines.append(String(row + 1).padding(to: 4) + documents.indices.map { column in
            column == row ? "██" : shade(matrix[row][column])
          }.joined().trailingSpacesRemoved())
        }
        lines.append("    ░ ≥ 0.02  ▒ ≥ 0.10  ▓ ≥ 0.25  █ ≥ 0.50")
        blocks.append(.text(StyledText(lines.joined(separator: "\n"))))
      }
    }
    let related = analysis.pairs.filter { $0.judgement != .independent }
      .sorted { $0.score.jaccard != $1.score.jaccard ? $0.score.jaccard > $1.score.jaccard : ($0.a, $0.b) < ($1.a, $1.b) }
    blocks.append(.heading("Pairs that share text"))
    blocks.append(.table(Table(
      columns: [
        Column("a"), Column("b"), Column("relation"), Column("outlets"), Column("jaccard"), Column("a in b"), Column("b in a"),
        Column("passages"), Column("direction", truncatable: true),
      ],
      rows: related.prefix(CompareCommand.pairRowLimit).map { pair in
        let long = pair.passages.filter { $0.words.matched >= ReuseAnalysis.minimumWords }
        return [
          .text(documents[pair.a].id), .text(documents[pair.b].id),
          .text(pair.judgement.rawValue + (pair.isNearDuplicate ? " (near-duplicate)" : "")),
          .text(outlets(documents[pair.a], documents[pair.b])),
          .double(pair.score.jaccard, digits: 2), .double(pair.score.containmentAInB, digits: 2),
          .double(pair.score.containmentBInA, digits: 2), .int(long.count), .text(direction(pair, documents)),
        ]
      })))
    if related.count > CompareCommand.pairRowLimit {
      blocks.append(.message(StyledText("\(related.count - CompareCommand.pairRowLimit) more pairs; --format json lists them all.", .dim)))
    }
    let hints = related.prefix(CompareCommand.pairRowLimit).compactMap { pair in
      pair.hint.map { "\(documents[pair.a].id) / \(documents[pair.b].id): \($0.reason)" }
    }
    if explain, !related.isEmpty {
      blocks.append(.heading("Why, pair by pair"))
      blocks.append(.text(StyledText(related.prefix(CompareCommand.pairRowLimit).map { $0.explanation(documents: documents) }.joined(separator: "\n\n"))))
    } else if !hints.isEmpty {
      blocks.append(.heading("Why"))
      blocks.append(.text(StyledText(hints.joined(separator: "\n"))))
    }
    let clusters = analysis.clusters()
    if !clusters.isEmpty {
      blocks.append(.heading("Documents linked by shared text"))
      blocks.append(.table(Table(
        columns: [Column("group"), Column("documents", truncatable: true)],
        rows: clusters.prefix(CompareCommand.pairRowLimit).enumerated().map { index, members in
          [.int(index + 1), .text(members.map { documents[$0].id }.joined(separator: ", "))]
        })))
      if clusters.count > CompareCommand.pairRowLimit {
        blocks.append(.message(StyledText("\(clusters.count - CompareCommand.pairRowLimit) more groups; --format json lists them all.", .dim)))
      }
    }
    let lineage = analysis.lineage()
    // A large corpus lists the sources with the least text of their own.
    let shown = documents.count <= CompareCommand.pairRowLimit ? lineage
      : Array(lineage.sorted { $0.originalShare != $1.originalShare ? $0.originalShare < $1.originalShare : $0.document < $1.document }
        .prefix(CompareCommand.pairRowLimit))
    blocks.append(.heading(shown.count < lineage.count ? "Lineage: the \(shown.count) sources with the least text of their own" : "Lineage: how much of each source is its own"))
    blocks.append(.table(Table(
      columns: [
        Column("#"), Column("id", truncatable: true), Column("outlet", truncatable: true), Column("words"),
        Column("original"), Column("same outlet"), Column("other outlets"), Column("shared with", truncatable: true),
        Column("unique sentences"),
      ],
      rows: shown.map { entry in
        let document = documents[entry.document]
        func share(_ words: Int) -> Cell { .text(entry.words == 0 ? "—" : percent(Double(words) / Double(entry.words))) }
        return [
          .int(entry.document + 1), .text(document.id), .text(document.metadata.outlet?.value), .int(entry.words),
          .text(percent(entry.originalShare)), share(entry.sameOutletWords), share(entry.otherOutletWords),
          .text(entry.sharedWith.map { "\(documents[$0.document].id) \(percent(Double($0.words) / Double(max(1, entry.words))))" }.joined(separator: ", ")),
          .int(entry.uniqueSentences.count),
        ]
      })))
    if shown.count < lineage.count {
      blocks.append(.message(StyledText("\(lineage.count - shown.count) more sources; --format json lists them all.", .dim)))
    }
    if documents.count <= CompareCommand.matrixLimit {
      blocks.append(.heading("Sentences no other source has"))
      var rows: [[Cell]] = []
      for entry in lineage {
        let document = documents[entry.document]
        for number in entry.uniqueSentences {
          let sentence = document.sentences[number]
          let range = document.scalarRange(sentence.range)
          rows.append([.text(document.id), .int(number + 1), .int(range.lowerBound), .int(range.upperBound), .text(document.string(sentence.range))])
        }
      }
      blocks.append(.table(Table(
        columns: [Column("id"), Column("sentence"), Column("start"), Column("end"), Column("text", truncatable: true)], rows: rows)))
    }
    let json: JSONValue = .object([
      ("method", .string(analysis.method.rawValue)),
      ("pairs", .array(analysis.pairs.map { pairJSON(analysis, $0, explain: explain) })),
      ("clusters", .array(clusters.map { .array($0.map { .string(documents[$0].id) }) })),
      ("lineage", .array(lineage.map { entry in
        let document = documents[entry.document]
        return .object([
          ("id", .string(document.id)), ("outlet", .string(document.metadata.outlet?.value)), ("words", .int(entry.words)),
          ("original_words", .int(entry.words - entry.sharedWords)), ("same_outlet_words", .int(entry.sameOutletWords)),
          ("other_outlet_words", .int(entry.otherOutletWords)),
          ("shared_with", .array(entry.sharedWith.map { .object([("id", .string(documents[$0.document].id)), ("words", .int($0.words))]) })),
          ("unique_sentences", .array(entry.uniqueSentences.map { sentenceJSON(document, $0) })),
        ])
      })),
    ])
    return Output(blocks, json: json)
  }

  /// The derivation hint in a few words: "b from a", "siblings via c", "unclear".
  static func direction(_ pair: PairComparison, _ documents: [Document]) -> String? {
    guard let hint = pair.hint else { return nil }
    if let derived = hint.derived, let source = hint.source { return "\(documents[derived].id) from \(documents[source].id)" }
    if let source = hint.source { return "both from \(documents[source].id)" }
    return "unclear"
  }

  /// Whether two documents are of the same outlet, of different ones, or of unknown ones.
  static func outlets(_ a: Document, _ b: Document) -> String {
    guard a.metadata.outlet != nil, b.metadata.outlet != nil else { return "unknown" }
    return ReuseAnalysis.sameOutlet(a, b) ? "same" : "different"
  }

  static func sentenceJSON(_ document: Document, _ number: Int) -> JSONValue {
    let sentence = document.sentences[number]
    let range = document.scalarRange(sentence.range)
    return .object([("start", .int(range.lowerBound)), ("end", .int(range.upperBound)), ("text", .string(document.string(sentence.range)))])
  }

  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  static func pairJSON(_ analysis: ReuseAnalysis, _ pair: PairComparison, explain: Bool = false) -> JSONValue {
    let a = analysis.documents[pair.a]
    let b = analysis.documents[pair.b]
    let explanation: [(String, JSONValue)] = explain ? [("explanation", .string(pair.explanation(documents: analysis.documents)))] : []
    return .object(explanation + [
      ("a", .string(a.id)), ("b", .string(b.id)),
      ("jaccard", .double(round(pair.score.jaccard))),
      ("containment_a_in_b", .double(round(pair.score.containmentAInB))),
      ("containment_b_in_a", .double(round(pair.score.containmentBInA))),
      ("shared_shingles", .int(pair.score.shared)),
      ("same_outlet", .bool(ReuseAnalysis.sameOutlet(a, b))),
      ("judgement", .string(pair.judgement.rawValue)),
      ("near_duplicate", .bool(pair.isNearDuplicate)),
      ("derived", .string(pair.hint?.derived.map { analysis.documents[$0].id })),
      ("source", .string(pair.hint?.source.map { analysis.documents[$0].id })),
      ("hint", .string(pair.hint?.reason)),
      ("passages", .array(pair.passages.map { passage in
        let x = a.scalarRange(passage.aBytes)
        let y = b.scalarRange(passage.bBytes)
        return .object([
          ("a_start", .int(x.lowerBound)), ("a_end", .int(x.upperBound)),
          ("b_start", .int(y.lowerBound)), ("b_end", .int(y.upperBound)),
          ("identity", .double(round(passage.words.identity))), ("words", .int(passage.words.matched)),
          ("quoted", .bool(passage.isQuotation)),
          ("a_text", .string(a.string(passage.aBytes))), ("b_text", .string(b.string(passage.bBytes))),
        ])
      })),
    ])
  }

  static func pair(_ analysis: ReuseAnalysis, _ first: Int, _ second: Int, explain: Bool = false) -> Output {
    let pair = analysis.comparison(first, second)
    let documents = analysis.documents
    // Show the documents in the order the user named them.
    let swapped = first > second
    let left = documents[first]
    let right = documents[second]
    let containmentLeft = swapped ? pair.score.containmentBInA : pair.score.containmentAInB
    let containmentRight = swapped ? pair.score.containmentAInB : pair.score.containmentBInA
    var blocks: [Block] = [.fields([
      Field("a", StyledText(left.id + (left.metadata.outlet.map { " (\($0.value))" } ?? ""))),
      Field("b", StyledText(right.id + (right.metadata.outlet.map { " (\($0.value))" } ?? ""))),
      Field("relation", StyledText(pair.judgement.rawValue)),
      Field("jaccard", StyledText(pair.score.jaccard.formatted(digits: 3))),
      Field("a in b", StyledText(percent(containmentLeft) + " of a's shingles are in b")),
      Field("b in a", StyledText(percent(containmentRight) + " of b's shingles are in a")),
      Field("derivation", StyledText(pair.hint?.reason ?? (pair.judgement == .reuse ? "—" : "no hint: they share no narrative text"))),
    ] + (explain ? [Field("why", StyledText(pair.explanation(documents: documents)))] : []))]
    blocks.append(.heading("Shared passages"))
    let passages = pair.passages.sorted {
      let x = swapped ? $0.bBytes.lowerBound : $0.aBytes.lowerBound
      let y = swapped ? $1.bBytes.lowerBound : $1.aBytes.lowerBound
      return x < y
    }
    blocks.append(.table(Table(
      columns: [
        Column("id"), Column("a start"), Column("a end"), Column("a text", truncatable: true), Column("b start"), Column("b end"),
        Column("b text", truncatable: true), Column("words"), Column("identity"),
      ],
      rows: passages.enumerated().map { index, passage in
        let (leftBytes, rightBytes) = swapped ? (passage.bBytes, passage.aBytes) : (passage.aBytes, passage.bBytes)
        let x = left.scalarRange(leftBytes)
        let y = right.scalarRange(rightBytes)
        return [
          .text("P\(index + 1)" + (passage.isQuotation ? " (quote)" : "")), .int(x.lowerBound), .int(x.upperBound), .text(left.string(leftBytes)),
          .int(y.lowerBound), .int(y.upperBound), .text(right.string(rightBytes)), .int(passage.words.matched),
          .double(passage.words.identity, digits: 2),
        ]
      })))
    let unique = analysis.uniqueSentences(in: pair)
    let (onlyLeft, onlyRight) = swapped ? (unique.b, unique.a) : (unique.a, unique.b)
    for (document, sentences) in [(left, onlyLeft), (right, onlyRight)] {
      blocks.append(.heading("Only in \(document.id)"))
      blocks.append(.table(Table(
        columns: [Column("sentence"), Column("start"), Column("end"), Column("text", truncatable: true)],
        rows: sentences.map { number in
          let sentence = document.sentences[number]
          let range = document.scalarRange(sentence.range)
          return [.int(number + 1), .int(range.lowerBound), .int(range.upperBound), .text(document.string(sentence.range))]
        })))
    }
    let json: JSONValue = .object([
      ("pairs", .array([pairJSON(analysis, pair, explain: explain)])),
      ("only_in_a", .array(unique.a.map { sentenceJSON(documents[pair.a], $0) })),
      ("only_in_b", .array(unique.b.map { sentenceJSON(documents[pair.b], $0) })),
    ])
    return Output(blocks, json: json)
  }
}
