import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the shell writes, and what it knows about the terminal.
package protocol Console: AnyObject {
  /// Writes to standard output.
  func write(_ text: String)
  /// Writes to standard error.
  func writeError(_ text: String)
  /// Whether standard output is a terminal.
  var isTerminal: Bool { get }
  /// Whether standard input is a terminal too (an interactive session).
  var isInteractive: Bool { get }
  /// The terminal's size in columns and rows, when it is one.
  var size: (columns: Int, rows: Int)? { get }
  /// Shows long text through a pager; returns false when no pager could be started.
  func page(_ text: String) -> Bool
  /// The environment, for NO_COLOR and PAGER.
  var environment: [String: String] { get }
  /// Whether a person is watching standard error at a terminal, so that a progress line
  /// helps (false when standard input or standard error is not a terminal).
  var showsProgress: Bool { get }
}

extension Console {
  package var showsProgress: Bool { false }
}

/// The process's own standard output and error.
package final class StandardConsole: Console {
  package let environment: [String: String]

  package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  // Unbuffered writes: piped output arrives as it is made, and standard output and error
  // keep their order.
  package func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  package func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  package var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  package var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isTerminal }
  package var showsProgress: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

  package var size: (columns: Int, rows: Int)? {
    guard isTerminal else { return nil }
    var window = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return (80, 24) }
    return (Int(window.ws_col), Int(window.ws_row))
  }

  package func page(_ text: String) -> Bool {
    let pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R -F -X"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", pager]
    var pagerEnvironment = environment
    if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "-R" }
    process.environment = pagerEnvironment
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
    } catch {
      return false
    }
    // The pager may quit before reading everything; a closed pipe must not kill the shell.
    signal(SIGPIPE, SIG_IGN)
    pipe.fileHandleForWriting.write(Data(text.utf8))
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    return true
  }
}
