import CrosscheckShell

/// A console that keeps what is written, for tests.
final class TestConsole: Console {
  var output = ""
  var errors = ""
  var isTerminal: Bool
  var isInteractive: Bool { isTerminal }
  var size: (columns: Int, rows: Int)?
  var environment: [String: String]
  var paged: [String] = []

  init(terminal: Bool = false, size: (columns: Int, rows: Int)? = nil, environment: [String: String] = [:]) {
    self.isTerminal = terminal
    self.size = size
    self.environment = environment
  }

  func write(_ text: String) { output += text }
  func writeError(_ text: String) { errors += text }
  func page(_ text: String) -> Bool {
    paged.append(text)
    return true
  }
}
