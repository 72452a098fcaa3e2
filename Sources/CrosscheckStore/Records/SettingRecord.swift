import GRDB

/// A row of `settings`: one shell setting saved with the session.
struct SettingRecord: StoredRecord, Equatable {
  static let databaseTableName = "settings"

  var name: String
  var value: String

  static let insertedColumns = ["name", "value"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [name, value] }

  init(name: String, value: String) {
    self.name = name
    self.value = value
  }

  init(row: Row) throws { self.init(name: row["name"], value: row["value"]) }
}
