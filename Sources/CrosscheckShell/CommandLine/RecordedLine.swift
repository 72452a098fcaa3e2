import Foundation

/// A command line as it ran, kept so that `record` can write it back as a command file.
///
/// The line is written from its words, not copied as typed: variables are already replaced,
/// comments dropped, and every relative path (a `.path` argument or option, a redirection)
/// is rewritten to be relative to the command file's own folder, as command files read them.
package struct RecordedLine: Sendable {
  package var words: [Word]
  package var redirection: Redirection?
  package var spec: CommandSpec
  /// The folder relative paths in the line were read from when it ran.
  package var folder: String

  /// The line as it belongs in a command file kept in `fileFolder`.
  package func text(inFileFolder fileFolder: String) -> String {
    var parts: [String] = []
    var positional = 0
    var index = 0
    var optionsEnded = false
    while index < words.count {
      let word = words[index]
      defer { index += 1 }
      if index == 0 {
        parts.append(Self.quoted(word.text, literal: false))
        continue
      }
      let literal = optionsEnded || word.quoted
      if !literal, word.text == "--" {
        optionsEnded = true
        parts.append("--")
        continue
      }
      if !literal, word.text.hasPrefix("--"), word.text.count > 2 {
        parts.append(word.text)
        let name = String(word.text.dropFirst(2))
        if !name.contains("="), let option = spec.allOptions.first(where: { $0.name == name }), option.valueName != nil, index + 1 < words.count {
          index += 1
          let value = words[index].text
          parts.append(Self.quoted(option.kind == .path ? relocated(value, to: fileFolder) : value, literal: true))
        }
        continue
      }
      let argument = spec.arguments.isEmpty ? nil : spec.arguments[min(positional, spec.arguments.count - 1)]
      positional += 1
      let isPath = argument?.kind == .path
      parts.append(Self.quoted(isPath ? relocated(word.text, to: fileFolder) : word.text, literal: word.quoted))
    }
    if let redirection {
      parts.append(redirection.append ? ">>" : ">")
      parts.append(Self.quoted(relocated(redirection.path, to: fileFolder), literal: true))
    }
    return parts.joined(separator: " ")
  }

  /// A relative `path` read from `folder`, made relative to `fileFolder` instead.
  func relocated(_ path: String, to fileFolder: String) -> String {
    guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
    let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL.path
    return Self.relativePath(absolute, from: URL(fileURLWithPath: fileFolder, isDirectory: true).standardizedFileURL.path)
  }

  /// `target` relative to the folder `base` (both absolute).
  static func relativePath(_ target: String, from base: String) -> String {
    let targetParts = target.split(separator: "/")
    let baseParts = base.split(separator: "/")
    var common = 0
    while common < min(targetParts.count, baseParts.count), targetParts[common] == baseParts[common] { common += 1 }
    let ups = Array(repeating: "..", count: baseParts.count - common)
    let parts = ups + targetParts[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// Characters a word may hold without quotes.
  private static let bare = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:,=+@%")

  /// A word as the command language reads it back: bare when it can be, else in single
  /// quotes (nothing is replaced inside them), else in double quotes with `$` doubled.
  /// - Parameter literal: whether the word must not read as an option (`--x`) or a redirection.
  static func quoted(_ word: String, literal: Bool) -> String {
    let needsQuotes = word.isEmpty || !word.allSatisfy(bare.contains) || (literal && word.hasPrefix("--"))
    guard needsQuotes else { return word }
    if !word.contains("'") { return "'" + word + "'" }
    let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "$", with: "$$")
    return "\"" + escaped + "\""
  }
}
