import CrosscheckCore
import Foundation
import GRDB
import Testing

@testable import CrosscheckStore

/// Each document's quotations, speakers and claims are written when it is loaded, restored
/// with the session, and gone when it is unloaded.
@Suite struct StoreAnalysesTests {
  let corpus = Corpora.load()

  /// The stored quotation offsets and claim texts of each document, by id.
  private func stored(_ store: Store) throws -> [String: (quotes: [[Int]], claims: [String])] {
    try store.writer.read { db in
      var result: [String: (quotes: [[Int]], claims: [String])] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT d.id, q.start, q.end FROM quotes q JOIN documents d ON d.key = q.document ORDER BY q.document, q.number") {
        result[row[0], default: ([], [])].quotes.append([row[1], row[2]])
      }
      for row in try Row.fetchAll(db, sql: "SELECT d.id, c.text FROM claims c JOIN documents d ON d.key = c.document ORDER BY c.document, c.number") {
        result[row[0], default: ([], [])].claims.append(row[1])
      }
      return result
    }
  }

  @Test func loadingWritesWhatEachDocumentSaysOnItsOwn() throws {
    let store = try Store.inMemory()
    try store.add(corpus.documents)
    let rows = try stored(store)
    let counts = try store.analysisCounts()
    #expect(counts.count == corpus.count)
    var quoted = 0
    for document in corpus.documents {
      let (quotes, people) = QuoteAnalysis.quotes(in: document)
      let claims = ClaimExtractor().claims(in: Corpus([document]))
      let expected = quotes.map { quote -> [Int] in
        let range = document.scalarRange(quote.span.range)
        return [range.lowerBound, range.upperBound]
      }
      #expect((rows[document.id]?.quotes ?? []) == expected, "\(document.id)")
      #expect((rows[document.id]?.claims ?? []) == claims.map(\.text), "\(document.id)")
      #expect(counts[document.id] == AnalysisCounts(quotes: quotes.count, speakers: people.people.count, claims: claims.count))
      quoted += quotes.count
    }
    #expect(quoted > 20)
    // Every attributed quotation names a speaker row of its own document.
    let orphans = try store.writer.read { db in
      try Int.fetchOne(db, sql: """
        SELECT count(*) FROM quotes q WHERE q.speaker IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM speakers s WHERE s.document = q.document AND s.number = q.speaker)
        """)
    }
    #expect(orphans == 0)
  }

  @Test func unloadingRemovesTheAnalyses() throws {
    let store = try Store.inMemory()
    try store.add(corpus.documents)
    let removed = corpus.documents[0].id
    try store.remove(ids: [removed])
    #expect(try store.analysisCounts()[removed] == nil)
    #expect(try stored(store)[removed] == nil)
    #expect(try store.analysisCounts().count == corpus.count - 1)
  }

  @Test func reopeningRestoresThemWithoutAnalysingAgain() throws {
    let folder = Corpora.temporaryFolder()
    let path = folder + "/session.crosscheck"
    let store = try Store.open(path, create: true)
    try store.add(corpus.documents)
    let before = try stored(store)
    let counts = try store.analysisCounts()
    store.close()
    let reopened = try Store.open(path, create: false)
    defer { reopened.close() }
    _ = try reopened.restoreCorpus()
    #expect(try reopened.analysisCounts() == counts)
    let after = try stored(reopened)
    #expect(after.keys == before.keys)
    for (id, value) in before {
      #expect(after[id]?.quotes == value.quotes && after[id]?.claims == value.claims)
    }
  }

  @Test func anOlderSessionHasThemFilledInAsItOpens() throws {
    let store = try Store.open(try Corpora.firstSchemaSession(), create: false)
    defer { store.close() }
    #expect(try store.analysisCounts().isEmpty)
    let restored = try store.restoreCorpus()
    let counts = try store.analysisCounts()
    for document in restored.documents {
      let (quotes, _) = QuoteAnalysis.quotes(in: document)
      #expect(counts[document.id]?.quotes == quotes.count)
    }
    #expect(counts.values.contains { $0.quotes > 0 && $0.claims > 0 })
    // Its sentences can be searched through the postings version 4 built from them.
    let query = try #require(SearchQuery(words: ["the"]))
    let ranked = try store.writer.read { db in try store.rankedSearch(query, document: nil, limit: 10, db) }
    let reference = try store.search(query.match, limit: 10)
    #expect(ranked != nil && ranked == reference)
    #expect((ranked?.total ?? 0) > 10)
  }
}
