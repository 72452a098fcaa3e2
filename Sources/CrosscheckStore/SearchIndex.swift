import Foundation
import GRDB

/// What ranking a search needs beside the postings, kept in memory for the session: each
/// live sentence's length in terms, and which document holds which sentence ids.
///
/// Read from `document_sentences` (one small row per document) the first time a search needs it,
/// and dropped whenever documents are added or removed.
struct SearchIndex: Sendable {
  /// Terms per sentence, by sentence id; nil for ids of no live sentence.
  private(set) var lengths: [UInt32?] = []
  /// Live sentences: BM25's number of rows.
  private(set) var rowCount = 0
  /// Terms in all live sentences: with `rowCount`, BM25's average length.
  private(set) var totalTerms = 0
  /// Documents in sentence id order: their id and sentence ids.
  private(set) var documents: [(id: String, sentences: Range<Int64>)] = []

  /// An index of no documents.
  init() {}

  /// The index of the documents stored.
  init(_ db: Database) throws {
    let rows = try Row.fetchCursor(db, sql: """
      SELECT d.id, s.first_sentence, s.lengths FROM document_sentences s JOIN documents d ON d.key = s.document
      """)
    while let row = try rows.next() { try append(row[0], first: row[1], row: row, lengthsColumn: 2) }
  }

  /// Adds a document from its `document_sentences` row: its first sentence id, and the
  /// sentence lengths in column `lengthsColumn` of `row`.
  mutating func append(_ id: String, first: Int64, row: Row, lengthsColumn: Int) throws {
    let lengths = try row.withUnsafeData(atIndex: lengthsColumn) { data -> [Int]? in
      guard let data else { return [] }
      return data.withUnsafeBytes { SentenceBlob.decodeLengths($0) }
    }
    guard let lengths, first > 0 else { throw StoreError(.corrupt, "the search index of '\(id)' is damaged") }
    let end = first + Int64(lengths.count)
    if self.lengths.count < end { self.lengths += Array(repeating: nil, count: Int(end) - self.lengths.count) }
    for (offset, length) in lengths.enumerated() { self.lengths[Int(first) + offset] = UInt32(clamping: length) }
    rowCount += lengths.count
    totalTerms += lengths.reduce(0, +)
    // Documents come in key order, which is sentence id order: each load's ids follow the last's.
    if let last = documents.last, last.sentences.lowerBound > first {
      let position = documents.firstIndex { $0.sentences.lowerBound > first } ?? documents.count
      documents.insert((id, first..<end), at: position)
    } else {
      documents.append((id, first..<end))
    }
  }

  /// The id of the document holding sentence `id`.
  func document(holding id: Int64) -> String? {
    var low = 0
    var high = documents.count
    while low < high {
      let middle = (low + high) / 2
      if documents[middle].sentences.upperBound <= id { low = middle + 1 } else { high = middle }
    }
    return low < documents.count && documents[low].sentences.contains(id) ? documents[low].id : nil
  }

  /// The sentence ids of document `id`.
  func sentences(of id: String) -> Range<Int64>? { documents.first { $0.id == id }?.sentences }
}
