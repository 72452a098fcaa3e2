import GRDB

/// A row of `excluded_spans`: a part of a document's text that analyses leave out.
struct ExcludedSpanRecord: StoredRecord, Equatable {
  static let databaseTableName = "excluded_spans"

  var document: Int64
  var number: Int
  /// Code point offsets into the document's text.
  var start: Int
  var end: Int
  /// UTF-8 byte offsets, for restoring without conversion.
  var byteStart: Int
  var byteEnd: Int
  var reason: String

  static let insertedColumns = ["document", "number", "start", "end", "byte_start", "byte_end", "reason"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [document, number, start, end, byteStart, byteEnd, reason] }

  init(document: Int64, number: Int, start: Int, end: Int, byteStart: Int, byteEnd: Int, reason: String) {
    self.document = document
    self.number = number
    self.start = start
    self.end = end
    self.byteStart = byteStart
    self.byteEnd = byteEnd
    self.reason = reason
  }

  init(row: Row) throws {
    self.init(
      document: row["document"], number: row["number"], start: row["start"], end: row["end"],
      byteStart: row["byte_start"], byteEnd: row["byte_end"], reason: row["reason"])
  }
}
