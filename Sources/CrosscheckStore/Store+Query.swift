import Foundation
import GRDBSQLite

/// A value of a query's result.
package enum StoredValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  /// A blob, by its size (its bytes are not shown).
  case blob(bytes: Int)
}

/// The rows of a read-only query.
package struct QueryResult: Sendable, Equatable {
  package var columns: [String]
  package var rows: [[StoredValue]]
  /// Whether more rows were left out than `QueryLimits.rows`.
  package var truncated: Bool
}

/// How far a read-only query may go.
package struct QueryLimits: Sendable, Equatable {
  /// The most rows returned.
  package var rows: Int
  /// The longest a statement may run, in seconds.
  package var seconds: Double

  package init(rows: Int = 1000, seconds: Double = 5) {
    self.rows = rows
    self.seconds = seconds
  }
}

extension Store {
  /// Runs one SQL statement that only reads the session.
  ///
  /// The statement runs on its own read-only connection (`SQLITE_OPEN_READONLY`,
  /// `PRAGMA query_only`), behind an authorizer that admits only reading: no writes or
  /// schema changes, no `ATTACH` (also limited to zero databases), no `load_extension`, and
  /// only PRAGMAs that report. A progress handler stops it at the time limit or when
  /// `isCancelled` turns true (Ctrl-C).
  /// - Throws: `StoreError` with code `.refused`, `.timedOut`, `.cancelled` or `.syntax`.
  package func query(_ sql: String, limits: QueryLimits = QueryLimits(), isCancelled: @escaping () -> Bool = { false })
    throws(StoreError) -> QueryResult
  {
    let target = path ?? "file:\(memoryName ?? "")?mode=memory&cache=shared"
    var connection: OpaquePointer? = nil
    let opened = sqlite3_open_v2(target, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
    defer { sqlite3_close_v2(connection) }
    guard opened == SQLITE_OK, let connection else {
      throw StoreError(.failed, "cannot open the session for reading: \(String(cString: sqlite3_errstr(opened)))")
    }
    sqlite3_busy_timeout(connection, Int32(Self.busyTimeout * 1000))
    sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
    sqlite3_exec(connection, "PRAGMA query_only = ON; PRAGMA trusted_schema = OFF", nil, nil, nil)

    let guardian = QueryGuard(seconds: limits.seconds, isCancelled: isCancelled)
    let context = Unmanaged.passUnretained(guardian).toOpaque()
    sqlite3_set_authorizer(connection, authorize, context)
    sqlite3_progress_handler(connection, QueryGuard.instructionsBetweenChecks, checkProgress, context)
    return try withExtendedLifetime(guardian) { () throws(StoreError) -> QueryResult in
      try run(sql, on: connection, guardian: guardian, limits: limits)
    }
  }

  private func run(_ sql: String, on connection: OpaquePointer, guardian: QueryGuard, limits: QueryLimits)
    throws(StoreError) -> QueryResult
  {
    var statement: OpaquePointer? = nil
    var tail: UnsafePointer<CChar>? = nil
    let rest: String = sql.withCString { text in
      let code = sqlite3_prepare_v2(connection, text, -1, &statement, &tail)
      guard code == SQLITE_OK, let tail else { return "" }
      return String(cString: tail)
    }
    defer { sqlite3_finalize(statement) }
    if let refusal = guardian.refusal { throw StoreError(.refused, refusal, hint: QueryGuard.hint) }
    guard let statement else {
      if sqlite3_errcode(connection) != SQLITE_OK {
        throw StoreError(.syntax, "cannot read the SQL: \(String(cString: sqlite3_errmsg(connection)))")
      }
      throw StoreError(.syntax, "no SQL statement given")
    }
    if !rest.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ";"))).isEmpty {
      throw StoreError(.refused, "one statement at a time", hint: "run the second statement with another 'sql'")
    }
    if sqlite3_stmt_readonly(statement) == 0 {
      throw StoreError(.refused, "sql only reads: this statement would change the session", hint: QueryGuard.hint)
    }
    let columnCount = Int(sqlite3_column_count(statement))
    let columns = (0..<columnCount).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
    var rows: [[StoredValue]] = []
    while true {
      let code = sqlite3_step(statement)
      if code == SQLITE_DONE { return QueryResult(columns: columns, rows: rows, truncated: false) }
      guard code == SQLITE_ROW else { throw error(code, connection, guardian: guardian, limits: limits) }
      if rows.count == limits.rows { return QueryResult(columns: columns, rows: rows, truncated: true) }
      rows.append((0..<Int32(columnCount)).map { value(statement, $0) })
    }
  }

  private func value(_ statement: OpaquePointer, _ column: Int32) -> StoredValue {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
    case SQLITE_TEXT:
      guard let text = sqlite3_column_text(statement, column) else { return .text("") }
      let count = Int(sqlite3_column_bytes(statement, column))
      return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
    case SQLITE_BLOB: return .blob(bytes: Int(sqlite3_column_bytes(statement, column)))
    default: return .null
    }
  }

  private func error(_ code: Int32, _ connection: OpaquePointer, guardian: QueryGuard, limits: QueryLimits) -> StoreError {
    if code & 0xFF == SQLITE_INTERRUPT {
      if guardian.stoppedForTime {
        return StoreError(
          .timedOut, "the query was stopped after \(limits.seconds.formatted()) s, its time limit",
          hint: "narrow it, or allow longer with --timeout SECONDS")
      }
      return StoreError(.cancelled, "the query was cancelled")
    }
    if let refusal = guardian.refusal { return StoreError(.refused, refusal, hint: QueryGuard.hint) }
    return StoreError(.failed, "the query failed: \(String(cString: sqlite3_errmsg(connection)))")
  }
}

/// What the authorizer and progress handler of one `sql` query share.
private final class QueryGuard {
  /// Why the statement was refused, for the user.
  var refusal: String?
  /// Whether the progress handler stopped the statement at its time limit.
  var stoppedForTime = false
  let deadline: UInt64
  let isCancelled: () -> Bool

  /// SQLite calls the progress handler after this many virtual machine instructions: often
  /// enough to stop within milliseconds, rarely enough to cost nothing measurable.
  static let instructionsBetweenChecks: Int32 = 10_000
  static let hint = "sql runs one SELECT (or a PRAGMA that reports) over this session's tables; see 'help sql'"

  init(seconds: Double, isCancelled: @escaping () -> Bool) {
    self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1_000_000_000)
    self.isCancelled = isCancelled
  }

  static let schemaTables: Set<String> = ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"]

  /// PRAGMAs that only report, whatever their argument.
  static let reportingPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "function_list", "pragma_list", "collation_list", "module_list", "compile_options",
    "database_list", "integrity_check", "quick_check",
  ]
  /// PRAGMAs that report when given no value (and would change something when given one).
  static let readablePragmas: Set<String> = [
    "data_version", "schema_version", "user_version", "application_id", "page_count", "page_size", "freelist_count",
    "encoding", "journal_mode", "foreign_keys", "query_only", "max_page_count",
  ]

  /// The authorizer's verdict on one action.
  func verdict(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
      return SQLITE_OK
    case SQLITE_FUNCTION:
      if let name = second?.lowercased(), name == "load_extension" || name == "fts3_tokenizer" {
        return refuse("\(name) is not allowed: sql cannot load code into crosscheck")
      }
      return SQLITE_OK
    case SQLITE_PRAGMA:
      let name = (first ?? "").lowercased()
      if Self.reportingPragmas.contains(name) || (second == nil && Self.readablePragmas.contains(name)) { return SQLITE_OK }
      return refuse("PRAGMA \(name)\(second.map { " = \($0)" } ?? "") is not allowed: sql only reads (PRAGMAs that report, such as table_info, are)")
    case let write where [SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE].contains(write) && Self.schemaTables.contains(first ?? ""):
      // SQLite asks about its own schema table while preparing a CREATE or DROP (refused at
      // the next question, by name) and while connecting a virtual table such as the
      // full-text index (harmless: the connection is read-only, and statements that would
      // write are refused before they run).
      return SQLITE_OK
    case SQLITE_ATTACH, SQLITE_DETACH:
      return refuse("ATTACH is not allowed: sql reads only this session's database")
    default:
      return refuse("sql only reads: \(Self.names[action] ?? "this statement") is not allowed")
    }
  }

  private func refuse(_ reason: String) -> Int32 {
    if refusal == nil { refusal = reason }
    return SQLITE_DENY
  }

  /// Whether to stop the running statement.
  func shouldStop() -> Bool {
    if isCancelled() { return true }
    if DispatchTime.now().uptimeNanoseconds > deadline {
      stoppedForTime = true
      return true
    }
    return false
  }

  /// Authorizer action codes as SQL, for messages.
  static let names: [Int32: String] = [
    SQLITE_INSERT: "INSERT", SQLITE_UPDATE: "UPDATE", SQLITE_DELETE: "DELETE", SQLITE_TRANSACTION: "a transaction",
    SQLITE_SAVEPOINT: "SAVEPOINT", SQLITE_ALTER_TABLE: "ALTER TABLE", SQLITE_ANALYZE: "ANALYZE", SQLITE_REINDEX: "REINDEX",
    SQLITE_CREATE_TABLE: "CREATE TABLE", SQLITE_CREATE_INDEX: "CREATE INDEX", SQLITE_CREATE_VIEW: "CREATE VIEW",
    SQLITE_CREATE_TRIGGER: "CREATE TRIGGER", SQLITE_CREATE_TEMP_TABLE: "CREATE TEMP TABLE",
    SQLITE_CREATE_TEMP_INDEX: "CREATE TEMP INDEX", SQLITE_CREATE_TEMP_VIEW: "CREATE TEMP VIEW",
    SQLITE_CREATE_TEMP_TRIGGER: "CREATE TEMP TRIGGER", SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE",
    SQLITE_DROP_TABLE: "DROP TABLE", SQLITE_DROP_INDEX: "DROP INDEX", SQLITE_DROP_VIEW: "DROP VIEW",
    SQLITE_DROP_TRIGGER: "DROP TRIGGER", SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE", SQLITE_DROP_TEMP_TABLE: "DROP TABLE",
    SQLITE_DROP_TEMP_INDEX: "DROP INDEX", SQLITE_DROP_TEMP_VIEW: "DROP VIEW", SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER",
  ]
}

/// The authorizer: a C function, so it reaches its guard through the context pointer.
private func authorize(
  _ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?,
  _ database: UnsafePointer<CChar>?, _ trigger: UnsafePointer<CChar>?
) -> Int32 {
  guard let context else { return SQLITE_DENY }
  let guardian = Unmanaged<QueryGuard>.fromOpaque(context).takeUnretainedValue()
  return guardian.verdict(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
}

/// The progress handler: non-zero interrupts the statement.
private func checkProgress(_ context: UnsafeMutableRawPointer?) -> Int32 {
  guard let context else { return 1 }
  return Unmanaged<QueryGuard>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
}
