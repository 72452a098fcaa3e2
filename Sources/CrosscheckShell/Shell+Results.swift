import CrosscheckCore
import CrosscheckStore

/// The cross-document results (quote groups, claims and claim groups, the comparison of the
/// corpus) and how they are kept: in memory until the corpus changes, and in the session's
/// store with the fingerprint of the corpus they were computed from.
///
/// With a session file a result is written as soon as it is computed, and the first command
/// that needs it after `open` reads it back instead of computing it. In memory, results are
/// written to the store only by `save`, so the saved file has them. `load` and `unload`
/// change the corpus, so every result is computed again (the store deletes the old ones in
/// the same transaction as the change).
extension Shell {
  /// The fingerprint of the loaded documents under this program's analyses.
  var corpusFingerprint: CorpusFingerprint {
    if let fingerprint = fingerprintCache { return fingerprint }
    let fingerprint = CorpusFingerprint(corpus)
    fingerprintCache = fingerprint
    return fingerprint
  }

  /// A result from memory, else from the session file, else computed (and then written to
  /// the file, or kept for `save` in memory).
  /// - Parameters:
  ///   - kind: the result and its options.
  ///   - restore: reads it from the store; nil when the store has none for this corpus.
  ///   - compute: computes it; nil when Ctrl-C cancelled it (nothing is kept then).
  func result<Value: Sendable>(
    _ kind: StoredResult, restore: (Store, CorpusFingerprint) throws(StoreError) -> Value?, compute: () -> Value?
  ) -> Value? {
    if let value = results[kind] as? Value { return value }
    if sessionPath != nil, !corpus.isEmpty {
      do {
        if let value = try restore(openStore, corpusFingerprint) {
          results[kind] = value
          return value
        }
      } catch {
        warn("the session's saved results could not be read (\(error.message)); computing them again")
      }
    }
    guard let value = compute() else { return nil }
    results[kind] = value
    if sessionPath != nil {
      write(kind, value)
    } else {
      unsavedResults.insert(kind)
    }
    return value
  }

  /// Writes the results computed in memory to the store, before `save` copies it.
  func storeUnsavedResults() {
    for kind in unsavedResults.sorted(by: { "\($0)" < "\($1)" }) {
      if let value = results[kind] { write(kind, value) }
    }
    unsavedResults.removeAll()
  }

  /// Writes one result (a failure is only worth a warning: the result is still in memory).
  private func write(_ kind: StoredResult, _ value: any Sendable) {
    let fingerprint = corpusFingerprint
    do {
      let store = try store
      switch (kind, value) {
      case (.quotes, let analysis as QuoteAnalysis):
        try store.saveQuotes(analysis, of: fingerprint, documents: corpus.count)
      case (.claims, let claims as [Claim]):
        try store.saveClaims(claims, of: fingerprint, documentIDs: corpus.documents.map(\.id))
      case (.claimGroups(let rates), let groups as [ClaimGroup]):
        try store.saveClaimGroups(groups, rates: rates, of: fingerprint, documents: corpus.count)
      case (.similarity(let method), let analysis as ReuseAnalysis):
        try store.saveComparison(analysis, method: method, of: fingerprint)
      default:
        preconditionFailure("\(kind) is kept as its own type by the accessors below")
      }
    } catch {
      warn("results not saved with the session: \(error.message)")
    }
  }

  // MARK: - The results

  /// Quotes, speakers and quote groups of the corpus.
  package var quoteAnalysis: QuoteAnalysis {
    let documents = corpus.documents
    // Never cancelled, so never nil.
    return result(
      .quotes, restore: { store, fingerprint throws(StoreError) in try store.quotes(of: documents, fingerprint: fingerprint) },
      compute: { QuoteAnalysis(documents: documents) })!
  }

  /// Every claim of the corpus, in corpus order.
  var claims: [Claim] {
    let corpus = corpus
    // Never cancelled, so never nil.
    return result(
      .claims, restore: { store, fingerprint throws(StoreError) in try store.claims(of: corpus.documents, fingerprint: fingerprint) },
      compute: { ClaimExtractor().claims(in: corpus) })!
  }

  /// The claim groups under the exchange rates `rates` (`rateKey` names them).
  func claimGroups(rates: [ExchangeRate], rateKey: String) -> [ClaimGroup] {
    let claims = claims
    // Never cancelled, so never nil.
    return result(.claimGroups(rates: rateKey), restore: { store, fingerprint throws(StoreError) in
      try store.claimGroups(rates: rateKey, claims: claims.count, fingerprint: fingerprint)
    }, compute: { ClaimGrouper(rates: rates).groups(of: claims) })!
  }

  /// The comparison of the corpus by `method` (by default the one its size calls for), or
  /// nil when `isCancelled` stopped it.
  func comparison(method: CandidateMethod?, isCancelled: @escaping @Sendable () -> Bool) -> ReuseAnalysis? {
    let documents = corpus.documents
    let name = method?.rawValue ?? "auto"
    return result(.similarity(method: name), restore: { store, fingerprint throws(StoreError) in
      try store.comparison(of: documents, method: name, fingerprint: fingerprint)
    }, compute: { ReuseAnalysis(documents, method: method, isCancelled: isCancelled) })
  }
}
