import Foundation
import GRDB

/// One sentence that matches a search, with where the first match lies.
package struct SearchHit: Sendable, Equatable {
  /// The document id.
  package var document: String
  /// The sentence's code point offsets in the document.
  package var sentenceStart: Int
  package var sentenceEnd: Int
  /// The sentence's text.
  package var text: String
  /// The first match's code point offsets in the sentence's text.
  package var matchStart: Int
  package var matchEnd: Int
  /// Relevance: the negated BM25 score, so that higher is better.
  package var score: Double

  package init(
    document: String, sentenceStart: Int, sentenceEnd: Int, text: String, matchStart: Int, matchEnd: Int, score: Double
  ) {
    self.document = document
    self.sentenceStart = sentenceStart
    self.sentenceEnd = sentenceEnd
    self.text = text
    self.matchStart = matchStart
    self.matchEnd = matchEnd
    self.score = score
  }

  /// The first match's code point offsets in the document.
  package var start: Int { sentenceStart + matchStart }
  package var end: Int { sentenceStart + matchEnd }
}

/// The best sentences for a search, and how many matched in all.
package struct SearchResults: Sendable, Equatable {
  package var hits: [SearchHit]
  package var total: Int
}

/// What a user typed, as a search: an FTS5 query, and the pieces it is made of.
///
/// Each word is matched as a term (`levee`), a word ending in `*` as a prefix (`evacu*`),
/// and a word with spaces in it — typed in quotes — as a phrase (`"Lower Quay"`). All must
/// match. Every piece is quoted for FTS5, so punctuation in the text typed never becomes
/// query syntax; a user who wants FTS5's own syntax (OR, NOT, NEAR, columns) passes it raw.
package struct SearchQuery: Sendable, Equatable {
  /// A word of the query as typed, without its `*`.
  package struct Piece: Sendable, Equatable {
    package var text: String
    package var isPrefix: Bool
  }

  /// The FTS5 query.
  package var match: String
  /// The pieces, or nil for a query passed to FTS5 unchanged.
  package var pieces: [Piece]?

  /// The search for `words`, or nil when nothing searchable is left.
  package init?(words: [String], raw: Bool = false) {
    if raw {
      let text = words.joined(separator: " ")
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
      match = text
      pieces = nil
      return
    }
    var pieces: [Piece] = []
    for word in words {
      var text = word.trimmingCharacters(in: .whitespacesAndNewlines)
      let prefix = text.hasSuffix("*") && !text.contains(" ")
      while text.hasSuffix("*") { text.removeLast() }
      // Only letters and digits reach the index (unicode61); a piece without them matches nothing.
      guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { continue }
      pieces.append(Piece(text: text, isPrefix: prefix))
    }
    guard !pieces.isEmpty else { return nil }
    self.pieces = pieces
    match = pieces.map { piece in
      let quoted = "\"" + piece.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      return piece.isPrefix ? quoted + "*" : quoted
    }.joined(separator: " ")
  }

  /// The FTS5 query for `words`, or nil when nothing searchable is left.
  package static func match(for words: [String], raw: Bool = false) -> String? {
    SearchQuery(words: words, raw: raw)?.match
  }
}

extension Store {
  /// Marks around matches in `highlight()`: noncharacters, which text does not contain.
  /// (Both are valid scalars, outside the surrogate range, so the unwraps cannot fail.)
  private static let openMark = Unicode.Scalar(UInt32(0xFDD0))!
  private static let closeMark = Unicode.Scalar(UInt32(0xFDD1))!

  /// Searches the body sentences of the session.
  ///
  /// A query of terms and prefixes is ranked over the store's term postings
  /// (`SearchRanking`); one with a phrase, or FTS5's own syntax, by FTS5. Both give the same
  /// sentences, scores and order.
  /// - Parameters:
  ///   - query: what to search for.
  ///   - document: only this document id, when given.
  ///   - limit: the most sentences returned.
  /// - Returns: the best sentences by BM25 (ties in document order), and the number of matches.
  /// - Throws: `StoreError(.syntax)` when FTS5 cannot read the query.
  package func search(_ query: SearchQuery, document: String? = nil, limit: Int) throws(StoreError) -> SearchResults {
    let ranked = try Self.wrap("search failed") {
      try writer.read { db in try rankedSearch(query, document: document, limit: limit, db) }
    }
    if let ranked { return ranked }
    return try search(query.match, document: document, limit: limit)
  }

  /// The search ranked over the term postings, or nil when it needs FTS5 (a phrase, a word
  /// that FTS5 splits into several terms, or FTS5 syntax).
  func rankedSearch(_ query: SearchQuery, document: String?, limit: Int, _ db: Database) throws -> SearchResults? {
    guard let typed = query.pieces else { return nil }
    let tokenizer = try TermTokenizer(db)
    var pieces: [SearchRanking.Piece] = []
    for piece in typed {
      let terms = tokenizer.terms(in: piece.text, query: true)
      guard terms.count == 1 else { return nil }
      pieces.append(SearchRanking.Piece(term: terms[0], isPrefix: piece.isPrefix))
    }
    let index = try searchIndex(db)
    var range: Range<Int64>? = nil
    if let document {
      guard let sentences = index.sentences(of: document) else { return SearchResults(hits: [], total: 0) }
      range = sentences
    }
    let (ranked, total) = try SearchRanking(index: index).rank(pieces, within: range, limit: limit, in: db)
    guard !ranked.isEmpty else { return SearchResults(hits: [], total: total) }
    let marks = ranked.map { _ in "?" }.joined(separator: ",")
    let rows = try Row.fetchAll(
      db, sql: "SELECT id, start, end, text FROM sentences WHERE id IN (\(marks))",
      arguments: StatementArguments(ranked.map(\.id)))
    var byID: [Int64: Row] = [:]
    for row in rows { byID[row[0]] = row }
    var hits: [SearchHit] = []
    for (id, score) in ranked {
      guard let row = byID[id], let documentID = index.document(holding: id) else { continue }
      let text: String = row[3]
      let (matchStart, matchEnd) = Self.firstMatch(of: pieces, in: text, tokenizer: tokenizer)
      hits.append(SearchHit(
        document: documentID, sentenceStart: row[1], sentenceEnd: row[2], text: text,
        matchStart: matchStart, matchEnd: matchEnd, score: score))
    }
    return SearchResults(hits: hits, total: total)
  }

  /// The in-memory part of the search index, read on first use.
  private func searchIndex(_ db: Database) throws -> SearchIndex {
    if let index = searchIndexCache.withLock({ $0 }) { return index }
    let index = try SearchIndex(db)
    searchIndexCache.withLock { $0 = index }
    return index
  }

  /// Forgets the in-memory part of the search index, after documents were added or removed.
  func invalidateSearchIndex() { searchIndexCache.withLock { $0 = nil } }

  /// The code point offsets in `text` of the first term that matches a piece, as FTS5's
  /// `highlight()` would mark it.
  private static func firstMatch(of pieces: [SearchRanking.Piece], in text: String, tokenizer: TermTokenizer) -> (Int, Int) {
    var text = text
    var found: Range<Int>? = nil
    var scalarStart = 0
    var scalarEnd = 0
    text.withUTF8 { bytes in
      tokenizer.forEachTerm(in: bytes) { term, range in
        guard found == nil else { return }
        let matches = pieces.contains { piece in
          let wanted = Array(piece.term.utf8)
          return piece.isPrefix ? term.starts(with: wanted) : term.elementsEqual(wanted)
        }
        if matches { found = range }
      }
      guard let found else { return }
      // Code points are the bytes that do not continue a UTF-8 sequence.
      scalarStart = bytes[..<found.lowerBound].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      scalarEnd = scalarStart + bytes[found].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
    return (scalarStart, scalarEnd)
  }

  /// Searches the body sentences of the session with an FTS5 query.
  /// - Parameters:
  ///   - match: an FTS5 query (see `SearchQuery`).
  ///   - document: only this document id, when given.
  ///   - limit: the most sentences returned.
  /// - Returns: the best sentences by BM25 (ties in document order), and the number of matches.
  /// - Throws: `StoreError(.syntax)` when FTS5 cannot read the query.
  package func search(_ match: String, document: String? = nil, limit: Int) throws(StoreError) -> SearchResults {
    do {
      return try writer.read { db in
        // A document's sentences have consecutive ids (each is written in one go), so one
        // document is a rowid range, which FTS5 applies while reading its index; a join
        // with `sentences` would cost a lookup per match.
        var filter = ""
        var arguments: StatementArguments = [match]
        if let document {
          let range = try Row.fetchOne(db, sql: """
            SELECT min(s.id), max(s.id) FROM sentences s JOIN documents d ON d.key = s.document WHERE d.id = ?
            """, arguments: [document])
          guard let range, let first = range[0] as Int64?, let last = range[1] as Int64? else {
            return SearchResults(hits: [], total: 0)
          }
          filter = "AND rowid BETWEEN ? AND ?"
          arguments += [first, last]
        }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_search WHERE sentence_search MATCH ? \(filter)", arguments: arguments) ?? 0
        // Rank first, then highlight only the sentences shown: SQLite would otherwise run
        // highlight() on every match before sorting.
        let ranked = try Row.fetchAll(db, sql: """
          SELECT rowid, bm25(sentence_search) AS score FROM sentence_search
          WHERE sentence_search MATCH ? \(filter)
          ORDER BY score, rowid LIMIT ?
          """, arguments: arguments + [limit])
        guard !ranked.isEmpty else { return SearchResults(hits: [], total: total) }
        let ids: [Int64] = ranked.map { $0[0] }
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
          SELECT s.id, d.id, s.start, s.end, s.text,
                 highlight(sentence_search, 0, char(\(Self.openMark.value)), char(\(Self.closeMark.value)))
          FROM sentence_search f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.key = s.document
          WHERE sentence_search MATCH ? AND f.rowid IN (\(marks))
          """, arguments: StatementArguments([match] + ids.map { $0 as any DatabaseValueConvertible }))
        var byID: [Int64: Row] = [:]
        for row in rows { byID[row[0]] = row }
        var hits: [SearchHit] = []
        for rank in ranked {
          let id: Int64 = rank[0]
          guard let row = byID[id] else { continue }
          let bm25: Double = rank[1]
          let (matchStart, matchEnd) = Self.firstMatch(in: row[5])
          hits.append(SearchHit(
            document: row[1], sentenceStart: row[2], sentenceEnd: row[3], text: row[4],
            matchStart: matchStart, matchEnd: matchEnd, score: bm25 == 0 ? 0 : -bm25))
        }
        return SearchResults(hits: hits, total: total)
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
      let reason = (error.message ?? "not understood").replacingOccurrences(of: "fts5: ", with: "")
      throw StoreError(.syntax, "cannot read the search '\(match)': \(reason)")
    } catch {
      throw StoreError(.failed, "search failed: \(Self.describe(error))")
    }
  }

  /// The code point offsets of the first marked match in highlighted text, without the marks.
  private static func firstMatch(in highlighted: String) -> (Int, Int) {
    var offset = 0
    var start: Int? = nil
    for scalar in highlighted.unicodeScalars {
      if scalar == openMark {
        if start == nil { start = offset }
        continue
      }
      if scalar == closeMark {
        if let start { return (start, offset) }
        continue
      }
      offset += 1
    }
    return (start ?? 0, start ?? 0)
  }
}
