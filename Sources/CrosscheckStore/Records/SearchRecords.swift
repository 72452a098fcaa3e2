import Foundation
import GRDB

/// A row of `search_terms`: the sentences of one load that contain a term (see
/// `TermPostingsBuilder` for the encoding).
struct TermPostingsRecord: StoredRecord, Equatable {
  static let databaseTableName = "search_terms"

  /// The term as the full-text index folds it.
  var term: String
  var firstSentence: Int64
  var lastSentence: Int64
  /// How many sentences the postings list.
  var sentences: Int
  var postings: [UInt8]

  static let insertedColumns = ["term", "first_sentence", "last_sentence", "sentences", "postings"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [term, firstSentence, lastSentence, sentences, Data(postings)] }
}

extension TermPostingsRecord {
  init(row: Row) throws {
    let data: Data = row["postings"]
    self.init(
      term: row["term"], firstSentence: row["first_sentence"], lastSentence: row["last_sentence"],
      sentences: row["sentences"], postings: [UInt8](data))
  }
}

/// A row of `document_sentences`: a document's sentences in compact form, read when a
/// session opens (instead of the `sentences` table, whose rows also carry each sentence's
/// text) and by `search` for BM25's lengths.
///
/// `spans` has four varints per sentence: the gap from the previous sentence's end byte (0
/// for the first: from 0) to its start byte, its length in bytes, the gap from the previous
/// sentence's end token to its first token, and its number of tokens. `lengths` has one
/// varint per sentence: its number of terms as the full-text index counts them.
struct DocumentSentencesRecord: StoredRecord, Equatable {
  static let databaseTableName = "document_sentences"

  var document: Int64
  /// `sentences.id` of the first sentence; a document's sentence ids are consecutive.
  var firstSentence: Int64
  var count: Int
  var spans: [UInt8]
  var lengths: [UInt8]

  static let insertedColumns = ["document", "first_sentence", "count", "spans", "lengths"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [document, firstSentence, count, Data(spans), Data(lengths)] }
}

extension DocumentSentencesRecord {
  init(row: Row) throws {
    let spans: Data = row["spans"]
    let lengths: Data = row["lengths"]
    self.init(
      document: row["document"], firstSentence: row["first_sentence"], count: row["count"], spans: [UInt8](spans),
      lengths: [UInt8](lengths))
  }
}
