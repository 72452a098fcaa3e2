import GRDB

/// A row of `meta`: facts about the session file itself (schema version, the writer that
/// has it open).
struct MetaRecord: StoredRecord, Equatable {
  static let databaseTableName = "meta"

  var key: String
  var value: String

  static let insertedColumns = ["key", "value"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [key, value] }

  init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  init(row: Row) throws { self.init(key: row["key"], value: row["value"]) }

  /// The schema version the file was last migrated to.
  static let schemaVersion = "schema_version"
  /// The process id of the crosscheck that has the file open for writing.
  static let writerProcess = "writer_pid"
  /// The host it runs on.
  static let writerHost = "writer_host"
  /// When it opened the file (ISO 8601, UTC).
  static let writerSince = "writer_since"
  /// The highest sentence id ever given, so that ids are not reused after an unload.
  static let lastSentenceID = "last_sentence_id"
}
