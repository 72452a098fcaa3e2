import Foundation
import GRDB

/// A row of `tokens`: all of one document's tokens as one compact blob (see `TokenBlob`).
struct TokensRecord: StoredRecord, Equatable {
  static let databaseTableName = "tokens"

  var document: Int64
  var count: Int
  var data: [UInt8]

  static let insertedColumns = ["document", "count", "data"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [document, count, Data(data)] }

  init(document: Int64, count: Int, data: [UInt8]) {
    self.document = document
    self.count = count
    self.data = data
  }

  init(row: Row) throws {
    let data: Data = row["data"]
    self.init(document: row["document"], count: row["count"], data: [UInt8](data))
  }
}
