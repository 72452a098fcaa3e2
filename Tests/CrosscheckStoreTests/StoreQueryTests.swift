import CrosscheckCore
import Foundation
import Testing

@testable import CrosscheckStore

@Suite struct StoreSearchTests {
  let corpus = Corpora.load()
  let store: Store

  init() throws {
    store = try Store.inMemory()
    try store.add(corpus.documents)
  }

  @Test func findsTermsRankedWithOffsetsIntoTheDocument() throws {
    let match = try #require(SearchQuery.match(for: ["levee"]))
    let results = try store.search(match, limit: 50)
    #expect(results.total > 3)
    #expect(results.hits.count == min(50, results.total))
    #expect(zip(results.hits, results.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    for hit in results.hits {
      let document = try #require(corpus.document(id: hit.document))
      let scalars = Array(document.text.unicodeScalars)
      let found = String(String.UnicodeScalarView(scalars[hit.start..<hit.end]))
      #expect(found.lowercased().hasPrefix("levee"), "\(hit.document): \(found)")
      #expect(String(String.UnicodeScalarView(scalars[hit.sentenceStart..<hit.sentenceEnd])) == hit.text)
    }
  }

  @Test func phrasesPrefixesAndOneSource() throws {
    let phrase = try store.search(try #require(SearchQuery.match(for: ["Lower Quay"])), limit: 100)
    #expect(phrase.total > 0)
    for hit in phrase.hits {
      let matched = String(String.UnicodeScalarView(Array(hit.text.unicodeScalars)[hit.matchStart..<hit.matchEnd]))
      #expect(matched == "Lower Quay")
    }
    let prefix = try store.search(try #require(SearchQuery.match(for: ["evacu*"])), limit: 100)
    #expect(prefix.total > 0)
    #expect(prefix.hits.allSatisfy { Array($0.text.unicodeScalars)[$0.matchStart..<$0.matchEnd].map(Character.init).map(String.init).joined().lowercased().hasPrefix("evacu") })
    let one = try store.search(try #require(SearchQuery.match(for: ["levee"])), document: "coastwire", limit: 100)
    #expect(one.total > 0)
    #expect(one.hits.allSatisfy { $0.document == "coastwire" })
  }

  @Test func typedPunctuationIsNeverQuerySyntax() throws {
    #expect(SearchQuery.match(for: ["\"", "*", "("]) == nil)
    let match = try #require(SearchQuery.match(for: ["levee\"", "OR", "NEAR(x"]))
    _ = try store.search(match, limit: 5)
    #expect(throws: StoreError.self) { try store.search("NEAR(", limit: 5) }
  }
}

@Suite struct StoreSQLTests {
  let store: Store

  init() throws {
    store = try Store.inMemory()
    try store.add(Corpora.load().documents)
  }

  func documentCount() throws -> Int {
    let result = try store.query("SELECT count(*) FROM documents")
    guard case .integer(let count) = result.rows[0][0] else { return -1 }
    return Int(count)
  }

  @Test func readsTheSessionTables() throws {
    let result = try store.query("SELECT id, words FROM documents ORDER BY key LIMIT 2")
    #expect(result.columns == ["id", "words"])
    #expect(result.rows.count == 2)
    #expect(!result.truncated)
    let info = try store.query("PRAGMA table_info(sentences)")
    #expect(info.rows.count >= 10)
    let search = try store.query("SELECT count(*) FROM sentence_search WHERE sentence_search MATCH 'levee'")
    #expect(search.rows.count == 1)
  }

  @Test(arguments: [
    ("DELETE FROM documents", "DELETE"),
    ("UPDATE documents SET id = 'x'", "UPDATE"),
    ("DROP TABLE documents", "DROP"),
    ("CREATE TABLE x (a)", "CREATE"),
    ("ATTACH 'x.db' AS x", "ATTACH"),
    ("SELECT load_extension('x')", "load_extension"),
    ("PRAGMA query_only = 0", "PRAGMA"),
    ("PRAGMA writable_schema = 1", "PRAGMA"),
    ("VACUUM INTO '/tmp/crosscheck-stolen.db'", "only reads"),
    ("SELECT 1; DELETE FROM documents", "one statement"),
  ])
  func refusesAnythingButReading(sql: String, words: String) throws {
    let before = try documentCount()
    do {
      _ = try store.query(sql)
      Issue.record("'\(sql)' ran")
    } catch {
      #expect(error.code == .refused || error.code == .failed, "\(sql): \(error.message)")
      #expect(error.message.contains(words), "\(sql): \(error.message)")
    }
    #expect(try documentCount() == before)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/crosscheck-stolen.db"))
  }

  @Test func rowsAreCutAtTheLimit() throws {
    let result = try store.query(
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c", limits: QueryLimits(rows: 10, seconds: 5))
    #expect(result.rows.count == 10)
    #expect(result.truncated)
  }

  @Test func anUnboundedQueryStopsAtTheTimeLimit() throws {
    let start = Date()
    do {
      _ = try store.query(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
        limits: QueryLimits(rows: 10, seconds: 0.3))
      Issue.record("the query ended")
    } catch {
      #expect(error.code == .timedOut)
      #expect(error.message.contains("time limit"))
    }
    #expect(Date().timeIntervalSince(start) < 3)
  }

  @Test func ctrlCStopsAQuery() throws {
    let start = Date()
    #expect(throws: StoreError(.cancelled, "the query was cancelled")) {
      _ = try store.query(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
        limits: QueryLimits(rows: 10, seconds: 60), isCancelled: { Date().timeIntervalSince(start) > 0.2 })
    }
    #expect(Date().timeIntervalSince(start) < 3)
  }
}

@Suite struct SearchQueryTests {
  @Test(arguments: [
    (["levee"], "\"levee\""),
    (["Lower Quay"], "\"Lower Quay\""),
    (["evacu*"], "\"evacu\"*"),
    (["levee", "mayor"], "\"levee\" \"mayor\""),
    (["say \"no\""], "\"say \"\"no\"\"\""),
    (["Kyiv’s"], "\"Kyiv’s\""),
    (["NOT"], "\"NOT\""),
  ])
  func quotesEveryPieceForFTS5(words: [String], expected: String) {
    #expect(SearchQuery.match(for: words) == expected)
  }

  @Test func rawQueriesPassThrough() {
    #expect(SearchQuery.match(for: ["levee OR dam"], raw: true) == "levee OR dam")
    #expect(SearchQuery.match(for: ["  "], raw: true) == nil)
  }
}
