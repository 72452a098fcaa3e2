/// What reading a line gave.
package enum LineReadResult: Sendable, Equatable {
  case line(String)
  /// Ctrl-C: the line typed so far is dropped.
  case interrupted
  /// Ctrl-D or the end of input.
  case endOfInput
}

/// Reads command lines: with line editing at a terminal, plainly otherwise.
package protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` where there is a terminal.
  func readLine(prompt: String) -> LineReadResult
  /// Records a line in the history, when the reader keeps one.
  func addHistory(_ line: String)
}

/// Reads lines from standard input without a prompt or history.
package final class PlainLineReader: LineReader {
  package init() {}

  package func readLine(prompt: String) -> LineReadResult {
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  package func addHistory(_ line: String) {}
}
