import Foundation
import GRDB

/// BM25 over the store's own term postings (`search_terms`), computed exactly as SQLite
/// FTS5's `bm25()` computes it, so that `search` gives the same sentences in the same order
/// whichever way it runs.
///
/// For each query piece `i` (a term, or every term with a prefix) matching `n_i` of the `N`
/// sentences, `idf_i = ln((N − n_i + 0.5) / (n_i + 0.5))` (at least 10⁻⁶), and a sentence
/// of `D` terms holding the piece `f_i` times scores
/// `Σ idf_i · f_i (k1 + 1) / (f_i + k1 (1 − b + b · D / avgdl))` with `k1 = 1.2`, `b = 0.75`
/// (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009;
/// the constants are FTS5's). FTS5 ranks by calling `bm25()` once per matching row, each
/// call reading that row's length from its own table; for a word in most sentences that is
/// hundreds of thousands of lookups. Here a piece's postings are one blob per load, decoded
/// in one pass, the lengths are an array in memory, and only the best `limit` sentences are
/// kept while scoring (a bounded heap), so a common word costs a few milliseconds.
struct SearchRanking {
  /// One piece of a query: a folded term, or a prefix of terms.
  struct Piece: Equatable {
    var term: String
    var isPrefix: Bool
  }

  static let k1 = 1.2
  static let b = 0.75

  /// The sentences matching every piece, as ascending ids, with each piece's count in each.
  private struct Matches {
    var ids: [Int64] = []
    var counts: [[Int32]] = []
  }

  let index: SearchIndex

  /// The best `limit` sentences (ids and scores, best first; equal scores in id order) and
  /// how many sentences match, within `range` when given.
  func rank(_ pieces: [Piece], within range: Range<Int64>?, limit: Int, in db: Database) throws
    -> (ranked: [(id: Int64, score: Double)], total: Int)
  {
    guard !pieces.isEmpty, index.rowCount > 0 else { return ([], 0) }
    var lists: [(ids: [Int64], counts: [Int32])] = []
    for piece in pieces { lists.append(try postings(of: piece, in: db)) }
    let rows = Double(index.rowCount)
    let averageLength = Double(index.totalTerms) / rows
    let idf = lists.map { list -> Double in
      let hits = Double(list.ids.count)
      let value = log((rows - hits + 0.5) / (hits + 0.5))
      return value <= 0 ? 1e-6 : value
    }
    let matches = intersect(lists, within: range)
    var best = BoundedHeap(capacity: limit)
    for (position, id) in matches.ids.enumerated() {
      let length = Double(index.lengths[Int(id)] ?? 0)
      var score = 0.0
      for piece in lists.indices {
        let frequency = Double(matches.counts[piece][position])
        score += idf[piece] * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
      }
      best.offer(id: id, score: score)
    }
    return (best.sorted(), matches.ids.count)
  }

  /// A piece's live postings in id order: the sentences holding its term (or any term with
  /// its prefix) and how many times.
  private func postings(of piece: Piece, in db: Database) throws -> (ids: [Int64], counts: [Int32]) {
    let rows: RowCursor
    if piece.isPrefix {
      // Every term that starts with the prefix sorts between it and the prefix followed by
      // the highest code point (which no folded term contains).
      rows = try Row.fetchCursor(db, sql: """
        SELECT first_sentence, postings FROM search_terms WHERE term >= ? AND term < ? ORDER BY term, first_sentence
        """, arguments: [piece.term, piece.term + "\u{10FFFF}"])
    } else {
      rows = try Row.fetchCursor(
        db, sql: "SELECT first_sentence, postings FROM search_terms WHERE term = ? ORDER BY first_sentence", arguments: [piece.term])
    }
    // Rows of one term come in id order (each load's ids follow the last's); rows of several
    // terms overlap, so a prefix adds its counts up by id first.
    var ids: [Int64] = []
    var counts: [Int32] = []
    var dense: [Int32] = piece.isPrefix ? Array(repeating: 0, count: index.lengths.count) : []
    let lengths = index.lengths
    while let row = try rows.next() {
      let first: Int64 = row[0]
      let intact = try row.withUnsafeData(atIndex: 1) { data -> Bool in
        guard let data else { return false }
        return data.withUnsafeBytes { bytes in
          TermPostingsBuilder.forEachPosting(in: bytes, first: first) { id, count in
            // Postings of unloaded documents stay until their whole load is gone.
            guard id < lengths.count, lengths[Int(id)] != nil else { return }
            if piece.isPrefix {
              dense[Int(id)] += Int32(clamping: count)
            } else {
              ids.append(id)
              counts.append(Int32(clamping: count))
            }
          }
        }
      }
      guard intact else { throw StoreError(.corrupt, "the search index is damaged") }
    }
    if piece.isPrefix {
      for (id, count) in dense.enumerated() where count > 0 {
        ids.append(Int64(id))
        counts.append(count)
      }
    }
    return (ids, counts)
  }

  /// The sentences in every list (and in `range`), with each list's count.
  private func intersect(_ lists: [(ids: [Int64], counts: [Int32])], within range: Range<Int64>?) -> Matches {
    // Start from the shortest list and walk the others alongside it.
    let order = lists.indices.sorted { lists[$0].ids.count < lists[$1].ids.count }
    var matches = Matches()
    matches.counts = Array(repeating: [], count: lists.count)
    var cursors = Array(repeating: 0, count: lists.count)
    let shortest = lists[order[0]]
    candidates: for (position, id) in shortest.ids.enumerated() {
      if let range, !range.contains(id) { continue }
      for list in order.dropFirst() {
        let ids = lists[list].ids
        var cursor = cursors[list]
        while cursor < ids.count, ids[cursor] < id { cursor += 1 }
        cursors[list] = cursor
        guard cursor < ids.count, ids[cursor] == id else { continue candidates }
      }
      matches.ids.append(id)
      matches.counts[order[0]].append(shortest.counts[position])
      for list in order.dropFirst() { matches.counts[list].append(lists[list].counts[cursors[list]]) }
    }
    return matches
  }
}

/// The best `capacity` (id, score) pairs seen: a binary heap whose root is the worst kept.
private struct BoundedHeap {
  let capacity: Int
  private var items: [(id: Int64, score: Double)] = []

  init(capacity: Int) { self.capacity = max(0, capacity) }

  /// Whether `a` ranks below `b`: a lower score, or an equal score and a later id.
  private static func isWorse(_ a: (id: Int64, score: Double), _ b: (id: Int64, score: Double)) -> Bool {
    a.score < b.score || (a.score == b.score && a.id > b.id)
  }

  mutating func offer(id: Int64, score: Double) {
    let item = (id: id, score: score)
    if items.count < capacity {
      items.append(item)
      var child = items.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.isWorse(items[child], items[parent]) else { break }
        items.swapAt(child, parent)
        child = parent
      }
    } else if let worst = items.first, Self.isWorse(worst, item) {
      items[0] = item
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var worstChild = parent
        if left < items.count, Self.isWorse(items[left], items[worstChild]) { worstChild = left }
        if right < items.count, Self.isWorse(items[right], items[worstChild]) { worstChild = right }
        guard worstChild != parent else { break }
        items.swapAt(parent, worstChild)
        parent = worstChild
      }
    }
  }

  /// The kept pairs, best first.
  func sorted() -> [(id: Int64, score: Double)] { items.sorted { Self.isWorse($1, $0) } }
}
