import Foundation

/// Golden files: expected output kept beside the tests, re-recorded with
/// `CROSSCHECK_RECORD=1 scripts/test`.
public enum Golden {
  /// Whether golden files are being re-recorded instead of compared.
  public static var isRecording: Bool { ProcessInfo.processInfo.environment["CROSSCHECK_RECORD"] == "1" }

  /// Compares `actual` with the golden file at `path` (or records it).
  /// - Returns: nil when they match, else a message with a line diff.
  public static func mismatch(_ actual: String, path: String) -> String? {
    if isRecording {
      try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
      return nil
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return "no golden file at \(path); run with CROSSCHECK_RECORD=1 to record it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return nil }
    return "output differs from \((path as NSString).lastPathComponent) (- expected, + actual):\n" + lineDiff(expected, actual)
  }

  /// A minimal line diff, from the longest common subsequence of lines.
  public static func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.components(separatedBy: "\n")
    let b = actual.components(separatedBy: "\n")
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var lines: [String] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
        lines.append("+ " + b[j])
        j += 1
      } else {
        lines.append("- " + a[i])
        i += 1
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The folder of the test file that calls this (for golden files kept beside it).
  public static func folder(of filePath: String = #filePath) -> String {
    (filePath as NSString).deletingLastPathComponent
  }
}
