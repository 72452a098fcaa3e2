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

/// Turns what a user typed into an FTS5 query.
///
/// Each word is matched as a term (`levee`), a word ending in `*` as a prefix (`evacu*`),
/// and a word with spaces in it — typed in quotes — as a phrase (`"Lower Quay"`). All must
/// match. Every piece is quoted for FTS5, so punctuation in the text typed never becomes
/// query syntax; a user who wants FTS5's own syntax (OR, NOT, NEAR, columns) passes it raw.
package enum SearchQuery {
  /// The FTS5 query for `words`, or nil when nothing searchable is left.
  package static func match(for words: [String], raw: Bool = false) -> String? {
    if raw {
      let text = words.joined(separator: " ")
      return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
    }
    var pieces: [String] = []
    for word in words {
      var text = word.trimmingCharacters(in: .whitespacesAndNewlines)
      let prefix = text.hasSuffix("*") && !text.contains(" ")
      while text.hasSuffix("*") { text.removeLast() }
      // Only letters and digits reach the index (unicode61); a piece without them matches nothing.
      guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { continue }
      let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      pieces.append(prefix ? quoted + "*" : quoted)
    }
    return pieces.isEmpty ? nil : pieces.joined(separator: " ")
  }
}

extension Store {
  /// Marks around matches in `highlight()`: noncharacters, which text does not contain.
  /// (Both are valid scalars, outside the surrogate range, so the unwraps cannot fail.)
  private static let openMark = Unicode.Scalar(UInt32(0xFDD0))!
  private static let closeMark = Unicode.Scalar(UInt32(0xFDD1))!

  /// Searches the body sentences of the session.
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
