import CrosscheckCore

/// Every cross-document analysis of a set of documents — quotes, claims and shared text —
/// computed once for the commands that show them all together (`report`, `export`).
struct CorpusAnalyses: Sendable {
  /// The documents, in `sources` order.
  let documents: [Document]
  let quotes: QuoteAnalysis
  /// Every claim, in corpus order (`c1…`).
  let claims: [Claim]
  /// Claim groups in id order (`C1…`).
  let claimGroups: [ClaimGroup]
  let reuse: ReuseAnalysis

  /// The analyses of the session's documents, or of `selection` when it is given; the
  /// session's cached results are used for the whole corpus.
  init(_ selection: [Document]? = nil, in context: CommandContext) {
    let corpus = selection.map(Corpus.init) ?? context.corpus
    documents = corpus.documents
    if selection == nil {
      quotes = context.quoteAnalysis
      // Not cancellable, so never nil.
      reuse = context.comparison(method: nil, cancellable: false)!
      claims = context.claims
      let rates = context.settings.rates
      claimGroups = context.claimGroups(rates: rates, rateKey: ClaimsCommand.rateKey(rates)).groups
    } else {
      quotes = QuoteAnalysis(corpus: corpus)
      reuse = ReuseAnalysis(corpus.documents)
      claims = ClaimExtractor().claims(in: corpus)
      claimGroups = ClaimGrouper(rates: context.settings.rates).groups(of: claims)
    }
  }

  /// The outlet name shown for a document. `report` and `export` read outlet names only
  /// through this function, so that a setting can hide or replace them.
  static func outletName(_ document: Document, settings: Settings) -> String? {
    document.metadata.outlet?.value
  }

  /// The claim group of each claim, by claim index.
  var claimGroupOfClaim: [Int: Int] {
    var result: [Int: Int] = [:]
    for (index, group) in claimGroups.enumerated() { for member in group.members { result[member] = index } }
    return result
  }

  /// Claim groups with conflicts first, then updates, then the rest, each in id order (as
  /// `claims` lists them).
  var claimGroupsConflictsFirst: [Int] {
    claimGroups.indices.sorted { a, b in
      let (x, y) = (ClaimsCommand.rank(claimGroups[a].agreement), ClaimsCommand.rank(claimGroups[b].agreement))
      return x != y ? x < y : a < b
    }
  }

  /// The number of quotations in each document.
  var quoteCounts: [Int] {
    var counts = [Int](repeating: 0, count: documents.count)
    for occurrence in quotes.occurrences { counts[occurrence.document] += 1 }
    return counts
  }

  /// The number of claims in each document.
  var claimCounts: [Int] {
    let positions = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
    var counts = [Int](repeating: 0, count: documents.count)
    for claim in claims { if let position = positions[claim.document] { counts[position] += 1 } }
    return counts
  }
}
