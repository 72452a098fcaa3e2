import CrosscheckCore

/// What the HTML report shows, decided from the analyses: which groups and pairs, in which
/// order, under which names. `HTMLReportRenderer` lays it out and computes nothing.
struct ReportContent {
  /// One row of the sources table.
  struct Source {
    /// The document's number in the report, from 1.
    var number: Int
    var id: String
    var outlet: String?
    var title: String?
    var date: String?
    var words: Int
    var quotes: Int
    var claims: Int
  }

  /// A highlighted span of a document's text: a quotation or a claim.
  struct TextMark {
    enum Kind { case quote, claim }
    var kind: Kind
    /// UTF-8 byte range in the document's text.
    var range: Range<Int>
    /// The occurrence's id (`q12`, `c7`).
    var id: String
    /// The group's id (`Q3`, `C2`).
    var group: String
    /// What a reader sees on hovering: group, speaker or verdict, how it differs.
    var note: String
    /// A misattributed quotation, or a claim whose group is a conflict.
    var flagged: Bool
    /// A term in quotation marks rather than reported speech.
    var isTerm: Bool
  }

  /// Two documents side by side.
  struct PairView {
    var a: Int
    var b: Int
    var jaccard: Double
    var relation: String
    var hint: String?
    /// The side-by-side rows and the notes of skipped sentences, as `diff --side-by-side` lays them out.
    var blocks: [Block]
    var summary: String
  }

  /// Largest corpus shown as a heat map and with one quote-matrix column per source.
  static let matrixLimit = 40
  /// Pairs listed under the heat map.
  static let listedPairs = 8
  /// Most documents whose text the report includes: past it the page would be too large to
  /// open comfortably (`--source` chooses the documents).
  static let textLimit = 200
  /// Unchanged sentences shown around each change in a side-by-side diff.
  static let diffContext = 1

  let title: String
  let analyses: CorpusAnalyses
  let sources: [Source]
  /// Jaccard similarity of every pair (1 on the diagonal), or nil past `matrixLimit`.
  let similarity: [[Double]]?
  /// The pairs that share text, most similar first.
  let sharedPairs: [PairComparison]
  /// Quote groups in the order the matrix lists them, with their collations.
  let quoteGroups: [QuoteCollation]
  /// Claim group indices: conflicts first, then updates, then the facts several sources
  /// agree on, then the figures only one source gives.
  let claimOrder: [Int]
  let pairs: [PairView]
  /// Each document's highlighted spans, in text order.
  let marks: [[TextMark]]

  init(analyses: CorpusAnalyses, title: String, pairs chosen: [(Int, Int)], settings: Settings) {
    self.title = title
    self.analyses = analyses
    let documents = analyses.documents
    let quoteCounts = analyses.quoteCounts
    let claimCounts = analyses.claimCounts
    sources = documents.enumerated().map { index, document in
      Source(
        number: index + 1, id: document.id, outlet: CorpusAnalyses.outletName(document, settings: settings),
        title: document.metadata.title?.value, date: document.metadata.date?.value, words: document.wordCount,
        quotes: quoteCounts[index], claims: claimCounts[index])
    }
    let reuse = analyses.reuse
    if documents.count <= Self.matrixLimit {
      var matrix = [[Double]](repeating: [Double](repeating: 0, count: documents.count), count: documents.count)
      for index in documents.indices { matrix[index][index] = 1 }
      for pair in reuse.pairs {
        matrix[pair.a][pair.b] = pair.score.jaccard
        matrix[pair.b][pair.a] = pair.score.jaccard
      }
      similarity = matrix
    } else {
      similarity = nil
    }
    sharedPairs = reuse.pairs.filter { $0.judgement != .independent }
      .sorted { $0.score.jaccard != $1.score.jaccard ? $0.score.jaccard > $1.score.jaccard : ($0.a, $0.b) < ($1.a, $1.b) }

    let quotes = analyses.quotes
    // Reported speech before terms in quotation marks; within each, the quotes most
    // sources carry first, then in order of first appearance.
    let order = quotes.groups.indices.sorted { a, b in
      let (x, y) = (quotes.groups[a], quotes.groups[b])
      let (termX, termY) = (quotes.occurrences[x.canonical].kind == .scare, quotes.occurrences[y.canonical].kind == .scare)
      if termX != termY { return !termX }
      let (sourcesX, sourcesY) = (Set(x.members.map { quotes.occurrences[$0].document }).count, Set(y.members.map { quotes.occurrences[$0].document }).count)
      return sourcesX != sourcesY ? sourcesX > sourcesY : a < b
    }
    let index = QuoteCollation.WordIndex(quotes)
    quoteGroups = order.map { QuoteCollation(group: $0, in: quotes, index: index) }
    let conflictsFirst = analyses.claimGroupsConflictsFirst
    claimOrder = conflictsFirst.filter { analyses.claimGroups[$0].agreement != .single }
      + conflictsFirst.filter { analyses.claimGroups[$0].agreement == .single }

    pairs = chosen.map { a, b in
      let comparison = reuse.comparison(a, b)
      let diff = DocumentDiff(from: DiffSide(document: documents[a]), to: DiffSide(document: documents[b]))
      return PairView(
        a: a, b: b, jaccard: comparison.score.jaccard, relation: comparison.judgement.rawValue, hint: comparison.hint?.reason,
        blocks: DiffLayout.sideBySide(diff, context: Self.diffContext), summary: DiffLayout.summary(diff))
    }
    marks = Self.marks(analyses)
  }

  /// The quotations and claims of every document, as spans to highlight.
  static func marks(_ analyses: CorpusAnalyses) -> [[TextMark]] {
    var marks = [[TextMark]](repeating: [], count: analyses.documents.count)
    let quotes = analyses.quotes
    for occurrence in quotes.occurrences {
      let speaker = occurrence.speaker.map { quotes.speakers[$0].speaker.name } ?? "unattributed"
      let group = quotes.groups[occurrence.group].id
      marks[occurrence.document].append(TextMark(
        kind: .quote, range: occurrence.quote.span.range, id: occurrence.id, group: group,
        note: "\(group) · \(speaker) · \(occurrence.variantLabel)", flagged: occurrence.misattributed,
        isTerm: occurrence.kind == .scare))
    }
    let positions = Dictionary(uniqueKeysWithValues: analyses.documents.enumerated().map { ($1.id, $0) })
    let groupOf = analyses.claimGroupOfClaim
    for (index, claim) in analyses.claims.enumerated() {
      guard let position = positions[claim.document], let groupIndex = groupOf[index] else { continue }
      let group = analyses.claimGroups[groupIndex]
      marks[position].append(TextMark(
        kind: .claim, range: claim.quantity.range, id: claim.id, group: group.id,
        note: "\(group.id) · \(group.agreement.rawValue) · \(group.topic)", flagged: group.agreement == .conflict, isTerm: false))
    }
    // Outer spans before the spans they hold; a quotation before a claim at the same place.
    return marks.map { list in
      list.sorted { x, y in
        if x.range.lowerBound != y.range.lowerBound { return x.range.lowerBound < y.range.lowerBound }
        if x.range.upperBound != y.range.upperBound { return x.range.upperBound > y.range.upperBound }
        return x.kind == .quote && y.kind == .claim
      }
    }
  }
}
