import CrosscheckCore
import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A session's SQLite database: the documents and their per-document analyses, settings,
/// and the full-text index that `search` reads.
///
/// Every session has one. By default it lives in memory (a named, shared in-memory database,
/// so that `sql` can read it through a second, read-only connection); `open(_:create:)`
/// works on a file in WAL mode, which a crash cannot leave half-written: each `add` is one
/// transaction, and a killed process leaves the file as of its last commit.
package final class Store: Sendable {
  /// The session file, or nil for an in-memory session.
  package let path: String?
  /// The schema version the file had when it was opened (0 for a new file); lower than
  /// `Store.schemaVersion` when opening migrated it.
  package let openedVersion: Int
  let writer: any DatabaseWriter
  /// The shared in-memory database's name, for the read-only `sql` connection.
  let memoryName: String?
  /// Held while the file is open; dropped by `close()`.
  private let lock: Mutex<SessionLock?>
  /// What ranking a search keeps in memory, read on first use; nil after a change.
  let searchIndexCache = Mutex<SearchIndex?>(nil)

  private init(path: String?, openedVersion: Int, writer: any DatabaseWriter, memoryName: String?, lock: SessionLock?) {
    self.path = path
    self.openedVersion = openedVersion
    self.writer = writer
    self.memoryName = memoryName
    self.lock = Mutex(lock)
  }

  /// Seconds a write waits for another connection's transaction before giving up.
  static let busyTimeout: TimeInterval = 5

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.label = "crosscheck"
    return configuration
  }

  // MARK: - Opening

  /// A new, empty in-memory store.
  package static func inMemory() throws(StoreError) -> Store {
    let name = "crosscheck-\(getpid())-\(UUID().uuidString)"
    return try wrap("cannot create the in-memory session") {
      let queue = try DatabaseQueue(named: name, configuration: configuration())
      try migrator().migrate(queue)
      return Store(path: nil, openedVersion: 0, writer: queue, memoryName: name, lock: nil)
    }
  }

  /// Opens a session file for reading and writing, migrating an older schema.
  /// - Parameters:
  ///   - path: the file.
  ///   - create: whether to create it when it does not exist.
  /// - Throws: `StoreError` when the file is missing (and `create` is false), is not a
  ///   crosscheck session, is from a newer schema, is read-only, or another crosscheck has it.
  package static func open(_ path: String, create: Bool) throws(StoreError) -> Store {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
    if exists, isFolder.boolValue { throw StoreError(.notASession, "'\(path)' is a folder, not a crosscheck session") }
    // Reading a pipe's header would block until something writes to it.
    if exists, (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType != .typeRegular {
      throw StoreError(.notASession, "'\(path)' is not a regular file (a device, pipe or socket), not a crosscheck session")
    }
    if !exists, !create {
      throw StoreError(.notFound, "no session file '\(path)'", hint: "'save FILE' or '--session FILE' creates one")
    }
    if exists { try checkHeader(path) }
    try checkWritable(path, exists: exists)
    guard let lock = try SessionLock(path: path) else { throw lockedError(path) }
    let identity = try identify(path)
    return try wrap("cannot open '\(path)'") {
      // One connection in WAL mode: the shell runs one command at a time, `sql` opens its own
      // read-only connection, and the last connection to close folds the log back into the
      // file and deletes it, so that a closed session is one self-contained file.
      var configuration = configuration()
      configuration.journalMode = .wal
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try migrator().migrate(queue)
      try queue.write { db in
        let facts: [(String, String)] = [
          (MetaRecord.writerProcess, String(getpid())),
          (MetaRecord.writerHost, Self.hostName),
          (MetaRecord.writerSince, ISO8601DateFormatter().string(from: Date())),
        ]
        for (key, value) in facts { try MetaRecord(key: key, value: value).upsert(db) }
      }
      return Store(path: path, openedVersion: identity.version, writer: queue, memoryName: nil, lock: lock)
    }
  }

  /// Closes the database and gives up the file's lock.
  package func close() {
    if path != nil {
      try? writer.write { db in
        try db.execute(
          sql: "DELETE FROM meta WHERE key IN (?, ?, ?)",
          arguments: [MetaRecord.writerProcess, MetaRecord.writerHost, MetaRecord.writerSince])
      }
    }
    if let queue = writer as? DatabaseQueue { try? queue.close() }
    lock.withLock { $0 = nil }
  }

  /// The first bytes of every SQLite 3 database.
  private static let sqliteMagic = Array("SQLite format 3\0".utf8)

  /// Refuses a file that is neither empty nor an SQLite database, before SQLite sees it.
  private static func checkHeader(_ path: String) throws(StoreError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError(.failed, "cannot read '\(path)' (permission denied)")
    }
    defer { try? handle.close() }
    let header = [UInt8]((try? handle.read(upToCount: sqliteMagic.count)) ?? Data())
    if header.isEmpty { return }
    guard header == sqliteMagic else {
      throw StoreError(.notASession, "'\(path)' is not a crosscheck session (not an SQLite database)")
    }
  }

  /// Refuses a file, or a folder, that cannot be written: a session is written through,
  /// and SQLite keeps its write-ahead log beside the file.
  private static func checkWritable(_ path: String, exists: Bool) throws(StoreError) {
    func writable(_ path: String) -> Bool {
      var info = stat()
      guard stat(path, &info) == 0 else { return false }
      // Root passes access(2) whatever the mode says; a file marked read-only is treated as such.
      return access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
    }
    let folder = (path as NSString).deletingLastPathComponent
    let folderPath = folder.isEmpty ? "." : folder
    if exists, !writable(path) {
      throw StoreError(.readOnly, "'\(path)' is read-only", hint: "make it writable, or copy it and open the copy")
    }
    if !FileManager.default.fileExists(atPath: folderPath) {
      throw StoreError(.notFound, "no folder '\(folderPath)' for the session file '\(path)'")
    }
    if !writable(folderPath) {
      throw StoreError(
        .readOnly, "the folder of '\(path)' is read-only (SQLite keeps its log beside the file)",
        hint: "copy the session to a writable folder and open the copy")
    }
  }

  /// The error for a file another crosscheck has open, naming it when the file says who.
  private static func lockedError(_ path: String) -> StoreError {
    var who = "another crosscheck"
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(1)
    if let queue = try? DatabaseQueue(path: path, configuration: configuration) {
      let facts = (try? queue.read { db in
        try MetaRecord.fetchAll(db).reduce(into: [String: String]()) { $0[$1.key] = $1.value }
      }) ?? [:]
      try? queue.close()
      if let pid = facts[MetaRecord.writerProcess] {
        who = "crosscheck process \(pid)"
        if let host = facts[MetaRecord.writerHost], host != Self.hostName { who += " on \(host)" }
        if let since = facts[MetaRecord.writerSince] { who += " (since \(since))" }
      }
    }
    return StoreError(
      .locked, "'\(path)' is in use by \(who)",
      hint: "one crosscheck at a time writes a session; quit the other, or 'save' a copy from it")
  }

  /// What a file holds: a crosscheck session of some schema version, or nothing yet.
  private struct Identity {
    var version: Int
  }

  /// Reads the file without changing it: the journal mode is left as it is, so that another
  /// program's database is not switched to WAL mode before it is refused. The connection is
  /// not read-only, because after a crash a read-only connection cannot recover the
  /// write-ahead log (SQLITE_READONLY_RECOVERY); it only reads.
  private static func identify(_ path: String) throws(StoreError) -> Identity {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    let facts: (application: Int32, tables: Int, version: Int?)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      facts = try queue.read { db in
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        // GRDB creates its migration log before the first migration's transaction, so a
        // crash while a file was being created can leave that table alone: still a new file.
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0
        var version: Int? = nil
        if try db.tableExists("meta") {
          version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MetaRecord.schemaVersion]).flatMap { Int($0) }
        }
        return (application, tables, version)
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw StoreError(.notASession, "'\(path)' is not a crosscheck session (not a readable SQLite database)")
    } catch {
      throw StoreError(.failed, "cannot read '\(path)': \(describe(error))")
    }
    if facts.tables == 0 { return Identity(version: 0) }
    guard facts.application == applicationID, let version = facts.version else {
      throw StoreError(.notASession, "'\(path)' is an SQLite database, but not a crosscheck session")
    }
    if version > schemaVersion {
      throw StoreError(
        .newerVersion,
        "'\(path)' was saved by a newer crosscheck (schema version \(version); this one reads up to \(schemaVersion))",
        hint: "update crosscheck to open it")
    }
    return Identity(version: version)
  }

  /// This machine's name. (Foundation's `hostName` may wait on a name-server lookup for a
  /// second or more on a machine without a network; `gethostname` does not.)
  static var hostName: String {
    var name = [CChar](repeating: 0, count: 256)
    guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  // MARK: - Errors

  /// Runs GRDB work, turning its errors into `StoreError`s that start with `context`.
  static func wrap<T>(_ context: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(.failed, "\(context): \(describe(error))")
    }
  }

  /// An SQLite error in words, without GRDB's statement dump.
  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      if error.resultCode == .SQLITE_BUSY { return "the database is busy (another process is writing it)" }
      if error.resultCode == .SQLITE_FULL { return "the disk is full" }
      return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
    return "\(error)"
  }
}
