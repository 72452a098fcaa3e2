import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension Store {
  /// What `save(to:)` wrote.
  package struct SaveReport: Sendable, Equatable {
    /// The documents in the saved session.
    package var documents: Int
    /// The file's size in bytes.
    package var bytes: Int
    /// Whether the target is this session's own file, which is always up to date.
    package var alreadyCurrent: Bool
  }

  /// Writes a copy of the session to `target`, atomically: a complete copy is written to a
  /// temporary file in the same folder with `VACUUM INTO`, flushed to disk, then renamed over
  /// the target, so that the target is at every moment either the old file or the new one.
  /// - Throws: `StoreError` when the target is another program's file, is in use by another
  ///   crosscheck, or cannot be written.
  package func save(to target: String) throws(StoreError) -> SaveReport {
    let manager = FileManager.default
    let documents = try documentCount()
    if let path, Self.sameFile(path, target) {
      // Written through on every change; a checkpoint folds the log into the file.
      _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
      return SaveReport(documents: documents, bytes: Self.size(of: target), alreadyCurrent: true)
    }
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: target, isDirectory: &isFolder)
    if isFolder.boolValue { throw StoreError(.failed, "'\(target)' is a folder", hint: "give a file name, such as \(target)/session.crosscheck") }
    // Renaming the copy over a device (`/dev/null`) or a pipe would replace it with a file.
    if exists, (try? manager.attributesOfItem(atPath: target))?[.type] as? FileAttributeType != .typeRegular {
      throw StoreError(.failed, "'\(target)' is not a regular file (a device, pipe or socket)")
    }
    // Holding the old file's lock while replacing it keeps another crosscheck from opening it meanwhile.
    var oldLock: SessionLock? = nil
    if exists, Self.size(of: target) > 0 {
      let old = try Self.open(target, create: false)
      old.close()
      guard let lock = try SessionLock(path: target) else { throw StoreError(.locked, "'\(target)' is in use by another crosscheck") }
      oldLock = lock
    }
    defer { withExtendedLifetime(oldLock) {} }

    let folder = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).saving-\(getpid())"
    try? manager.removeItem(atPath: temporary)
    do {
      try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
      try Self.flush(temporary)
      guard rename(temporary, target) == 0 else {
        throw StoreError(.failed, "cannot write '\(target)': \(String(cString: strerror(errno)))")
      }
      Self.flushFolder(folder.isEmpty ? "." : folder)
    } catch {
      try? manager.removeItem(atPath: temporary)
      // The copy is written beside the target and never renamed over it: say so.
      let unchanged = exists ? "'\(target)' still holds the session saved before" : nil
      if var error = error as? StoreError {
        error.hint = error.hint ?? unchanged
        throw error
      }
      throw StoreError(.failed, "cannot save to '\(target)': \(Self.describe(error))", hint: unchanged)
    }
    return SaveReport(documents: documents, bytes: Self.size(of: target), alreadyCurrent: false)
  }

  /// Whether two paths name one file.
  package static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }

  static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }

  /// Forces a file's contents to disk before it is renamed into place.
  private static func flush(_ path: String) throws(StoreError) {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw StoreError(.failed, "cannot reopen '\(path)' to flush it") }
    defer { Glibc.close(descriptor) }
    guard fsync(descriptor) == 0 else { throw StoreError(.failed, "cannot flush '\(path)': \(String(cString: strerror(errno)))") }
  }

  /// Makes a rename durable (best effort: some file systems refuse to sync a folder).
  private static func flushFolder(_ path: String) {
    let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    Glibc.close(descriptor)
  }
}
