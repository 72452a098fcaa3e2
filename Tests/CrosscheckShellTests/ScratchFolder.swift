import Foundation

/// A suite that works in a temporary folder of its own: writing and reading files there.
protocol ScratchFolder {
  /// The suite's temporary folder (see `makeScratchFolder`).
  var folder: String { get }
}

/// A new, empty temporary folder whose name starts with `prefix`.
func makeScratchFolder(_ prefix: String) -> String {
  let path = NSTemporaryDirectory() + prefix + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

extension ScratchFolder {
  /// Writes `text` to `name` in the folder, creating folders on the way; returns the path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let path = folder + "/" + name
    try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  /// The text of `name` in the folder, or "" when it is missing.
  func read(_ name: String) -> String {
    String(decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
  }
}
