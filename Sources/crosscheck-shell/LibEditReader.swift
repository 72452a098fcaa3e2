@preconcurrency import CLibEdit
import CrosscheckShell
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The completion callback's view of the shell; libedit calls back through C, so the state
/// lives in a global that only the main thread touches.
nonisolated(unsafe) private var completionSource: ((String) -> Completer.Completions)? = nil

/// Reads lines with libedit: line editing, history, TAB completion, Ctrl-C.
final class LibEditReader: LineReader {
  private let historyPath: String?
  /// Most lines kept in the history file.
  static let historyLimit: Int32 = 2000

  /// - Parameters:
  ///   - historyPath: the history file, or nil to keep no history.
  ///   - complete: completions for the text before the cursor.
  init(historyPath: String?, complete: @escaping (String) -> Completer.Completions) {
    self.historyPath = historyPath
    completionSource = complete
    rl_readline_name = UnsafePointer(strdup("crosscheck"))
    rl_attempted_completion_function = { text, start, end in
      crosscheckComplete(text, start, end)
    }
    // Word breaks for completion: spaces only, so paths and ids complete whole.
    rl_basic_word_break_characters = UnsafePointer(strdup(" \t"))
    using_history()
    stifle_history(Self.historyLimit)
    if let historyPath {
      let folder = (historyPath as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      read_history(historyPath)
    }
  }

  func readLine(prompt: String) -> LineReadResult {
    Interrupt.reset()
    guard let pointer = readline(prompt) else {
      // SIGTERM or SIGHUP: leave as at Ctrl-D.
      if Interrupt.terminationSignal != nil { return .endOfInput }
      if Interrupt.reset() {
        // Ctrl-C: drop the line, start a fresh prompt below it.
        FileHandle.standardOutput.write(Data("\n".utf8))
        return .interrupted
      }
      return .endOfInput
    }
    defer { free(pointer) }
    if Interrupt.terminationSignal != nil { return .endOfInput }
    if Interrupt.reset() {
      FileHandle.standardOutput.write(Data("\n".utf8))
      return .interrupted
    }
    return .line(String(cString: pointer))
  }

  func addHistory(_ line: String) {
    add_history(line)
    // Written after each line, so that history survives a killed terminal.
    if let historyPath { write_history(historyPath) }
  }
}

/// libedit's completion hook: returns a NULL-terminated array whose first entry replaces the
/// word (the candidates' common prefix) and whose others are the candidates to list.
private func crosscheckComplete(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  rl_attempted_completion_over = 1
  guard let source = completionSource, let buffer = rl_line_buffer else { return nil }
  // rl_point counts characters; the buffer is UTF-8.
  let line = String(cString: buffer)
  let prefix = String(line.prefix(Int(rl_point)))
  let completions = source(prefix)
  guard !completions.candidates.isEmpty else { return nil }
  var candidates = completions.candidates
  // libedit replaces the word starting at `start`; our word may start earlier (quotes).
  let typed = String(prefix.dropFirst(completions.start))
  let libeditWord = String(prefix.dropFirst(Int(start)))
  if typed != libeditWord {
    let cut = typed.count - libeditWord.count
    candidates = candidates.map { String($0.dropFirst(max(0, cut))) }
  }
  let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
  let matches = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
  matches[0] = strdup(common)
  for (index, candidate) in candidates.enumerated() { matches[index + 1] = strdup(candidate) }
  matches[candidates.count + 1] = nil
  // One candidate that is a folder: no space after it, so the user can go on typing.
  if candidates.count == 1, candidates[0].hasSuffix("/") {
    rl_completion_append_character = 0
  } else {
    rl_completion_append_character = 32
  }
  return matches
}

extension String {
  func commonPrefix(with other: String) -> String {
    String(zip(self, other).prefix { $0 == $1 }.map(\.0))
  }
}
