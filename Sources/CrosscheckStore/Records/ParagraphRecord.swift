import GRDB

/// A row of `paragraphs`: one body paragraph, with the tokens and sentences it holds.
struct ParagraphRecord: StoredRecord, Equatable {
  static let databaseTableName = "paragraphs"

  var document: Int64
  /// 0-based position in the document.
  var number: Int
  var start: Int
  var end: Int
  var byteStart: Int
  var byteEnd: Int
  /// Indices into the document's tokens, end exclusive.
  var tokenStart: Int
  var tokenEnd: Int
  /// Numbers of its sentences, end exclusive.
  var sentenceStart: Int
  var sentenceEnd: Int

  static let insertedColumns = [
    "document", "number", "start", "end", "byte_start", "byte_end", "token_start", "token_end", "sentence_start", "sentence_end",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] {
    [document, number, start, end, byteStart, byteEnd, tokenStart, tokenEnd, sentenceStart, sentenceEnd]
  }

  init(
    document: Int64, number: Int, start: Int, end: Int, byteStart: Int, byteEnd: Int, tokenStart: Int, tokenEnd: Int,
    sentenceStart: Int, sentenceEnd: Int
  ) {
    self.document = document
    self.number = number
    self.start = start
    self.end = end
    self.byteStart = byteStart
    self.byteEnd = byteEnd
    self.tokenStart = tokenStart
    self.tokenEnd = tokenEnd
    self.sentenceStart = sentenceStart
    self.sentenceEnd = sentenceEnd
  }

  init(row: Row) throws {
    self.init(
      document: row["document"], number: row["number"], start: row["start"], end: row["end"],
      byteStart: row["byte_start"], byteEnd: row["byte_end"], tokenStart: row["token_start"],
      tokenEnd: row["token_end"], sentenceStart: row["sentence_start"], sentenceEnd: row["sentence_end"])
  }
}
