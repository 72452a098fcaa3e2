import GRDB

/// A record type of the store: one table, its columns in insertion order, and the values of
/// one row in that order.
///
/// Every record type gets GRDB persistence from these, and bulk loads insert through one
/// prepared statement per table (`BulkInsert`), which is several times faster than
/// `insert(_:)` row by row.
protocol StoredRecord: FetchableRecord, PersistableRecord {
  /// The columns written on insert, in order.
  static var insertedColumns: [String] { get }
  /// This row's values, in the order of `insertedColumns`.
  var insertedValues: [(any DatabaseValueConvertible)?] { get }
}

extension StoredRecord {
  func encode(to container: inout PersistenceContainer) throws {
    for (column, value) in zip(Self.insertedColumns, insertedValues) { container[column] = value }
  }
}

/// A prepared `INSERT` of one record type, reused for many rows in one transaction.
struct BulkInsert<Record: StoredRecord> {
  private let statement: Statement

  init(_ db: Database) throws {
    let columns = Record.insertedColumns.map { $0.quotedDatabaseIdentifier }.joined(separator: ", ")
    let marks = Array(repeating: "?", count: Record.insertedColumns.count).joined(separator: ", ")
    statement = try db.cachedStatement(sql: "INSERT INTO \(Record.databaseTableName) (\(columns)) VALUES (\(marks))")
  }

  func insert(_ record: Record) throws {
    statement.setUncheckedArguments(StatementArguments(record.insertedValues))
    try statement.execute()
  }
}
