import CrosscheckCore
import Foundation
import GRDB
import Testing

@testable import CrosscheckStore

/// Cross-document results are written with the fingerprint of their corpus, read back
/// exactly as computed for that corpus only, and dropped when the documents change.
@Suite struct StoreResultsTests {
  let corpus = Corpora.load()
  var fingerprint: CorpusFingerprint { CorpusFingerprint(corpus) }

  /// Every stored property, nested ones included, so that two values print alike only when
  /// they are alike.
  func described(_ value: Any) -> String { String(reflecting: value) }

  /// A store holding every kind of result for `corpus`.
  func storeWithResults() throws -> (Store, QuoteAnalysis, [Claim], [ClaimGroup], ReuseAnalysis) {
    let store = try Store.inMemory()
    let quotes = QuoteAnalysis(documents: corpus.documents)
    let claims = ClaimExtractor().claims(in: corpus)
    let groups = ClaimGrouper().groups(of: claims)
    let reuse = ReuseAnalysis(corpus.documents)
    try store.saveQuotes(quotes, of: fingerprint, documents: corpus.count)
    try store.saveClaims(claims, of: fingerprint, documentIDs: corpus.documents.map(\.id))
    try store.saveClaimGroups(groups, rates: "", of: fingerprint, documents: corpus.count)
    try store.saveComparison(reuse, method: "auto", of: fingerprint)
    return (store, quotes, claims, groups, reuse)
  }

  @Test func resultsReadBackAsComputed() throws {
    let (store, quotes, claims, groups, reuse) = try storeWithResults()
    #expect(!quotes.groups.isEmpty && !claims.isEmpty && !groups.isEmpty && !reuse.pairs.isEmpty)
    #expect(!reuse.pairs.allSatisfy { $0.hint == nil }, "the corpora have derivation hints to store")

    let storedQuotes = try #require(try store.quotes(of: corpus.documents, fingerprint: fingerprint))
    #expect(storedQuotes.occurrences == quotes.occurrences)
    #expect(storedQuotes.groups == quotes.groups)
    #expect(storedQuotes.speakers == quotes.speakers)

    let storedClaims = try #require(try store.claims(of: corpus.documents, fingerprint: fingerprint))
    #expect(described(storedClaims) == described(claims))
    let storedGroups = try #require(try store.claimGroups(rates: "", claims: claims.count, fingerprint: fingerprint))
    #expect(described(storedGroups) == described(groups))

    let storedReuse = try #require(try store.comparison(of: corpus.documents, method: "auto", fingerprint: fingerprint))
    #expect(storedReuse.method == reuse.method)
    #expect(described(storedReuse.pairs) == described(reuse.pairs))
    #expect(storedReuse.fingerprints.map(\.words) == reuse.fingerprints.map(\.words))
    #expect(described(storedReuse.lineage()) == described(reuse.lineage()))
    #expect(try store.storedResults(for: fingerprint) == [.quotes, .claims, .claimGroups(rates: ""), .similarity(method: "auto")])
  }

  @Test func aResultOfOtherDocumentsOrAnotherVersionIsNotRead() throws {
    let (store, _, claims, _, _) = try storeWithResults()
    var fewer = corpus
    fewer.remove(ids: [corpus.documents[0].id])
    let other = CorpusFingerprint(fewer)
    #expect(other != fingerprint)
    let newer = CorpusFingerprint(digest: fingerprint.digest, version: fingerprint.version + 1)
    for stale in [other, newer] {
      #expect(try store.quotes(of: corpus.documents, fingerprint: stale) == nil)
      #expect(try store.claims(of: corpus.documents, fingerprint: stale) == nil)
      #expect(try store.claimGroups(rates: "", claims: claims.count, fingerprint: stale) == nil)
      #expect(try store.comparison(of: corpus.documents, method: "auto", fingerprint: stale) == nil)
      #expect(try store.storedResults(for: stale).isEmpty)
    }
    // Other options are other results.
    #expect(try store.claimGroups(rates: "EUR USD 1.1", claims: claims.count, fingerprint: fingerprint) == nil)
    #expect(try store.comparison(of: corpus.documents, method: CandidateMethod.minHashLSH.rawValue, fingerprint: fingerprint) == nil)
  }

  @Test func aDocumentChangedInAnyWayChangesTheFingerprint() throws {
    let documents = corpus.documents
    let original = documents[1]
    func document(id: String = original.id, text: String = original.text) -> Document {
      Document(id: id, origin: original.origin, text: text, format: original.format, metadata: original.metadata)
    }
    #expect(CorpusFingerprint(Corpus([document()])) == CorpusFingerprint(Corpus([original])))
    var moved = original
    moved.metadata.outlet = MetadataValue("Another Outlet")
    var redated = original
    redated.metadata.date = MetadataValue("1999-01-01", inferred: true)
    let edited = document(text: original.text.replacingOccurrences(of: "e", with: "é"))
    for changed in [document(id: original.id + "-2"), edited, moved, redated] {
      var replaced = documents
      replaced[1] = changed
      #expect(CorpusFingerprint(Corpus(replaced)) != fingerprint)
    }
    #expect(CorpusFingerprint(Corpus(Array(documents.reversed()))) != fingerprint)
    #expect(CorpusFingerprint(Corpora.load()) == fingerprint, "the same documents give the same fingerprint")
  }

  @Test func loadingOrUnloadingDropsEveryResult() throws {
    let (store, _, _, _, _) = try storeWithResults()
    try store.add(Array(corpus.documents.prefix(2)))
    #expect(try store.storedResults(for: fingerprint).isEmpty)
    let tables = ["quote_occurrences", "quote_groups", "quote_speakers", "quote_speaker_joins", "corpus_claims", "claim_groups", "similar_pairs", "shared_passages"]
    for table in tables {
      #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") } == 0, "\(table)")
    }
    try store.saveClaimGroups([], rates: "", of: fingerprint, documents: corpus.count)
    #expect(try store.storedResults(for: fingerprint) == [.claimGroups(rates: "")])
    try store.remove(ids: [corpus.documents[0].id])
    #expect(try store.storedResults(for: fingerprint).isEmpty)
  }

  @Test func writingAgainReplacesTheResultOfTheSameOptions() throws {
    let (store, _, claims, groups, _) = try storeWithResults()
    try store.saveClaimGroups(Array(groups.prefix(1)), rates: "", of: fingerprint, documents: corpus.count)
    #expect(try store.claimGroups(rates: "", claims: claims.count, fingerprint: fingerprint)?.count == 1)
    #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_groups") } == 1)
  }

  /// A damaged or hand-edited row is ignored (the result is computed again), never a crash.
  @Test(arguments: [
    "UPDATE quote_groups SET canonical = 99999 WHERE number = 0",
    "UPDATE quote_occurrences SET quote_group = -1 WHERE number = 0",
    "UPDATE quote_occurrences SET byte_end = byte_start - 1 WHERE number = 0",
    "UPDATE quote_occurrences SET doc = 0 WHERE number = 0",
    "UPDATE quote_occurrences SET variant = 'odd' WHERE number = 0",
    "UPDATE corpus_claims SET byte_end = 1000000000 WHERE number = 0",
    "UPDATE corpus_claims SET frames = 'nearly,sometimes' WHERE number = 0",
    "UPDATE claim_groups SET members = '0 x' WHERE number = 0",
    "UPDATE claim_groups SET members = '99999' WHERE number = 0",
    "UPDATE similar_pairs SET a = b WHERE number = 0",
    "UPDATE shared_passages SET a_end = 1000000 WHERE number = 0",
  ])
  func aDamagedResultIsNotRead(_ damage: String) throws {
    let (store, _, claims, _, _) = try storeWithResults()
    try store.writer.write { db in try db.execute(sql: damage) }
    let table = damage.split(separator: " ")[1]
    switch table {
    case "quote_groups", "quote_occurrences": #expect(try store.quotes(of: corpus.documents, fingerprint: fingerprint) == nil)
    case "corpus_claims": #expect(try store.claims(of: corpus.documents, fingerprint: fingerprint) == nil)
    case "claim_groups": #expect(try store.claimGroups(rates: "", claims: claims.count, fingerprint: fingerprint) == nil)
    default: #expect(try store.comparison(of: corpus.documents, method: "auto", fingerprint: fingerprint) == nil)
    }
  }

  @Test func aNameThatWouldNotReadBackIsNotStored() throws {
    let store = try Store.inMemory()
    var claims = ClaimExtractor().claims(in: corpus)
    claims[0].topic = ["two\nlines"]
    try store.saveClaims(claims, of: fingerprint, documentIDs: corpus.documents.map(\.id))
    #expect(try store.claims(of: corpus.documents, fingerprint: fingerprint) == nil)
    #expect(try store.storedResults(for: fingerprint).isEmpty)
  }

  @Test func aSessionOfVersion5GainsEmptyResultTablesThatFill() throws {
    let path = Corpora.temporaryFolder() + "/v5.crosscheck"
    try FileManager.default.copyItem(atPath: Corpora.fixtures + "/session-v5.crosscheck", toPath: path)
    let store = try Store.open(path, create: false)
    defer { store.close() }
    #expect(store.openedVersion == 5)
    let restored = try store.restoreCorpus()
    #expect(restored.count == 5)
    let fingerprint = CorpusFingerprint(restored)
    #expect(try store.storedResults(for: fingerprint).isEmpty)
    let reuse = ReuseAnalysis(restored.documents)
    try store.saveComparison(reuse, method: "auto", of: fingerprint)
    let stored = try #require(try store.comparison(of: restored.documents, method: "auto", fingerprint: fingerprint))
    #expect(described(stored.pairs) == described(reuse.pairs))
  }
}
