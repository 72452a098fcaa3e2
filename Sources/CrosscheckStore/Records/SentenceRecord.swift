import GRDB

/// A row of `sentences`: one body sentence with its text, which `sentence_search` indexes.
struct SentenceRecord: StoredRecord, Equatable {
  static let databaseTableName = "sentences"

  var id: Int64
  var document: Int64
  /// 0-based position in the document.
  var number: Int
  /// The number of its paragraph (since schema version 2).
  var paragraph: Int
  var start: Int
  var end: Int
  var byteStart: Int
  var byteEnd: Int
  var tokenStart: Int
  var tokenEnd: Int
  var text: String

  static let insertedColumns = [
    "id", "document", "number", "paragraph", "start", "end", "byte_start", "byte_end", "token_start", "token_end", "text",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] {
    [id, document, number, paragraph, start, end, byteStart, byteEnd, tokenStart, tokenEnd, text]
  }

  init(
    id: Int64, document: Int64, number: Int, paragraph: Int, start: Int, end: Int, byteStart: Int, byteEnd: Int, tokenStart: Int,
    tokenEnd: Int, text: String
  ) {
    self.id = id
    self.document = document
    self.number = number
    self.paragraph = paragraph
    self.start = start
    self.end = end
    self.byteStart = byteStart
    self.byteEnd = byteEnd
    self.tokenStart = tokenStart
    self.tokenEnd = tokenEnd
    self.text = text
  }

  init(row: Row) throws {
    self.init(
      id: row["id"], document: row["document"], number: row["number"], paragraph: row["paragraph"], start: row["start"], end: row["end"],
      byteStart: row["byte_start"], byteEnd: row["byte_end"], tokenStart: row["token_start"],
      tokenEnd: row["token_end"], text: row["text"])
  }
}
