import CrosscheckCore
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
    var pagerEnvironment = environment
    if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "-R" }
    // Started by posix_spawn in the shell's own process group, the terminal's foreground
    // group: a pager reads its keys from the terminal, and one in a group of its own (as
    // Foundation's Process starts a child) is stopped by the terminal when it tries, while
    // the shell waits for it.
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    let arguments = ["/bin/sh", "-c", pager]
    let variables = pagerEnvironment.map { "\($0.key)=\($0.value)" }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var child = pid_t()
    let started = posix_spawn(&child, "/bin/sh", &actions, nil, &argv, &envp) == 0
    close(ends[0])
    if started {
      // The pager may quit before reading everything; a closed pipe must not kill the shell.
      signal(SIGPIPE, SIG_IGN)
      ChunkedOutput.writeAll(Array(text.utf8), to: ends[1])
    }
    close(ends[1])
    guard started else { return false }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    return true
  }
}
