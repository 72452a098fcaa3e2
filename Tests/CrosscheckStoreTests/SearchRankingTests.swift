import CrosscheckCore
import Foundation
import Testing

@testable import CrosscheckStore

/// The ranking over the store's term postings must give exactly what FTS5's bm25() gives.
@Suite struct SearchRankingTests {
  let corpus = Corpora.load()
  let store: Store
  /// Words of the corpora, a spread of rare and common ones.
  let words: [String]

  init() throws {
    store = try Store.inMemory()
    // Two loads and an unload: postings of one term in several rows, some of them stale.
    let documents = corpus.documents
    try store.add(Array(documents.prefix(documents.count / 2)))
    try store.add(Array(documents.dropFirst(documents.count / 2)))
    try store.remove(ids: [documents[1].id])
    var seen = Set<String>()
    var words: [String] = []
    for document in documents {
      for word in document.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where seen.insert(word.lowercased()).inserted {
        words.append(String(word))
      }
    }
    self.words = words
  }

  /// Both ways of searching, after checking that the postings took the query.
  private func compare(_ typed: [String], document: String? = nil, limit: Int = 10) throws {
    try compare(typed, on: store, document: document, limit: limit)
  }

  private func compare(_ typed: [String], on store: Store, document: String? = nil, limit: Int = 10) throws {
    let query = try #require(SearchQuery(words: typed))
    let ranked = try #require(try store.writer.read { db in try store.rankedSearch(query, document: document, limit: limit, db) })
    let reference = try store.search(query.match, document: document, limit: limit)
    #expect(ranked == reference, "\(typed) in \(document ?? "all")")
  }

  @Test func singleTermsRankAsFTS5Does() throws {
    for word in words.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) { try compare([word]) }
    for word in ["the", "said", "and", "levee", "Riverton"] { try compare([word], limit: 40) }
  }

  @Test func prefixesAndSeveralWordsRankAsFTS5Does() throws {
    for word in words.enumerated().filter({ $0.offset % 17 == 0 }).map(\.element) where word.count > 3 {
      try compare([String(word.prefix(3)) + "*"])
    }
    let common = ["the", "said", "of", "water", "to", "levee"]
    for first in common {
      for second in common where first < second { try compare([first, second]) }
    }
    try compare(["the", "riv*", "said"], limit: 25)
  }

  @Test func oneSourceRanksAsFTS5Does() throws {
    for document in corpus.documents.prefix(6) {
      try compare(["the"], document: document.id)
      try compare(["lev*"], document: document.id)
    }
  }

  @Test func aPhraseOrAWordFTS5SplitsIsLeftToFTS5() throws {
    let phrase = try #require(SearchQuery(words: ["Lower Quay"]))
    #expect(try store.writer.read { db in try store.rankedSearch(phrase, document: nil, limit: 5, db) } == nil)
    let split = try #require(SearchQuery(words: ["U.S."]))
    #expect(try store.writer.read { db in try store.rankedSearch(split, document: nil, limit: 5, db) } == nil)
  }

  @Test func unloadedDocumentsAreNotFound() throws {
    let removed = corpus.documents[1]
    let word = try #require(removed.text.split(separator: " ").first { $0.count > 6 && $0.allSatisfy(\.isLetter) })
    let results = try store.search(try #require(SearchQuery(words: [String(word)])), limit: 1000)
    #expect(!results.hits.contains { $0.document == removed.id })
    #expect(try store.search(try #require(SearchQuery(words: ["the"])), document: removed.id, limit: 5).total == 0)
  }

  @Test func sentenceIdsAreNotReusedAfterAnUnload() throws {
    // The last document's postings stay in its load's rows after it is unloaded; the next
    // load must not take its sentence ids, or those postings would name the new sentences.
    let store = try Store.inMemory()
    let documents = corpus.documents
    try store.add(Array(documents.prefix(3)))
    try store.remove(ids: [documents[2].id])
    try store.add([documents[3]])
    let word = try #require(words.first { word in
      let lower = word.lowercased()
      func has(_ document: Document) -> Bool {
        document.text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == lower }
      }
      return word.count > 4 && has(documents[2]) && !has(documents[0]) && !has(documents[1]) && !has(documents[3])
    })
    let query = try #require(SearchQuery(words: [word]))
    let ranked = try #require(try store.writer.read { db in try store.rankedSearch(query, document: nil, limit: 10, db) })
    #expect(ranked.total == 0, "\(word)")
    for probe in ["the", "levee", "said"] { try compare([probe], on: store) }
  }
}

