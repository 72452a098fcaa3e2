import CrosscheckCore
import Foundation
import GRDB
import Testing

@testable import CrosscheckStore

@Suite struct StoreOpeningTests {
  let folder = Corpora.temporaryFolder()

  func expectError(_ code: StoreError.Code, containing words: String, _ open: () throws(StoreError) -> Store) {
    do {
      let store = try open()
      store.close()
      Issue.record("it opened")
    } catch {
      #expect(error.code == code, "\(error.message)")
      #expect(error.message.contains(words), "\(error.message)")
    }
  }

  @Test func aFileThatIsNotASession() throws {
    let text = folder + "/notes.txt"
    try "just some notes, long enough to fill a header".write(toFile: text, atomically: true, encoding: .utf8)
    expectError(.notASession, containing: "not a crosscheck session") { () throws(StoreError) in try Store.open(text, create: true) }
    #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("just some notes"))
  }

  @Test func anotherProgramsDatabase() throws {
    let path = folder + "/other.db"
    let store = try Store.inMemory()
    _ = try store.save(to: path)
    // Turn it into a database crosscheck did not write: same SQLite, another application id.
    let other = try Store.open(path, create: false)
    other.close()
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[68] = 0
    bytes[69] = 0
    bytes[70] = 0
    bytes[71] = 1
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    expectError(.notASession, containing: "an SQLite database, but not a crosscheck session") { () throws(StoreError) in
      try Store.open(path, create: false)
    }
  }

  @Test func aFileFromANewerSchema() throws {
    let path = folder + "/newer.crosscheck"
    let store = try Store.open(path, create: true)
    try store.writer.write { db in
      try db.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    }
    store.close()
    expectError(.newerVersion, containing: "newer crosscheck (schema version 99") { () throws(StoreError) in
      try Store.open(path, create: false)
    }
  }

  @Test func aReadOnlyFile() throws {
    let path = folder + "/read-only.crosscheck"
    _ = try Store.inMemory().save(to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    expectError(.readOnly, containing: "read-only") { () throws(StoreError) in try Store.open(path, create: false) }
  }

  @Test func aMissingFileIsCreatedOnlyWhenAsked() throws {
    let path = folder + "/new.crosscheck"
    expectError(.notFound, containing: "no session file") { () throws(StoreError) in try Store.open(path, create: false) }
    let store = try Store.open(path, create: true)
    #expect(store.openedVersion == 0)
    store.close()
  }

  @Test func aSecondWriterIsToldWhoHasTheFile() throws {
    let path = folder + "/busy.crosscheck"
    let first = try Store.open(path, create: true)
    expectError(.locked, containing: "in use by crosscheck process \(getpid())") { () throws(StoreError) in
      try Store.open(path, create: true)
    }
    first.close()
    try Store.open(path, create: false).close()
  }

  @Test func savingReplacesTheTargetAtomicallyAndRefusesForeignFiles() throws {
    let store = try Store.inMemory()
    let corpus = Corpora.load()
    try store.add(Array(corpus.documents.prefix(2)))
    let path = folder + "/saved.crosscheck"
    let first = try store.save(to: path)
    #expect(first.documents == 2)
    try store.add(Array(corpus.documents.dropFirst(2)))
    let second = try store.save(to: path)
    #expect(second.documents == corpus.count)
    let reopened = try Store.open(path, create: false)
    #expect(try reopened.restoreCorpus().count == corpus.count)
    // The session's own file is always current.
    #expect(try reopened.save(to: path).alreadyCurrent)
    reopened.close()
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("saving") }
    #expect(leftovers.isEmpty)
    let text = folder + "/essay.txt"
    try "my essay, not a session, which must survive a mistyped save".write(toFile: text, atomically: true, encoding: .utf8)
    #expect(throws: StoreError.self) { try store.save(to: text) }
    #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("my essay"))
  }
}

@Suite struct StoreCreationTests {
  @Test func aFileLeftByACrashDuringCreationOpensAsNew() throws {
    let folder = Corpora.temporaryFolder()
    let path = folder + "/half-made.crosscheck"
    // What a creation killed before its first migration committed leaves behind.
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
    try queue.close()
    let store = try Store.open(path, create: false)
    #expect(store.openedVersion == 0)
    #expect(try store.restoreCorpus().isEmpty)
    store.close()
  }
}
