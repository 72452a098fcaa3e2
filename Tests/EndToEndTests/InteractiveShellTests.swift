import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Drives the interactive shell in a real terminal: tmux runs crosscheck, `send-keys` types,
/// `capture-pane` reads the screen.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InteractiveShellTests {
  @Test func recallsHistoryAfterARestart() throws {
    let home = Crosscheck.temporaryFolder()
    do {
      let session = try TmuxSession(home: home)
      try session.waitFor("crosscheck> ")
      session.type("echo remembered line", enter: true)
      try session.waitFor("remembered line\ncrosscheck> ")
      session.keys("C-d")
      try session.waitForExit()
    }
    #expect(FileManager.default.fileExists(atPath: home + "/state/crosscheck/history"))
    let session = try TmuxSession(home: home)
    try session.waitFor("crosscheck> ")
    session.keys("Up")
    try session.waitFor("crosscheck> echo remembered line")
    session.keys("Enter")
    try session.waitFor("remembered line\ncrosscheck> ")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func tabCompletesCommandsAndDocuments() throws {
    let session = try TmuxSession(home: Crosscheck.temporaryFolder(), arguments: ["Tests/EndToEndTests/Fixtures/corpus"])
    try session.waitFor("crosscheck> ")
    session.type("sou")
    session.keys("Tab")
    try session.waitFor("crosscheck> sources ")
    session.type("tide")
    session.keys("Tab")
    try session.waitFor("crosscheck> sources tidewire ")
    session.keys("Enter")
    try session.waitFor("Tidewire (inferred from")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func controlCClearsTheLineAndControlDLeaves() throws {
    let session = try TmuxSession(home: Crosscheck.temporaryFolder())
    try session.waitFor("crosscheck> ")
    session.type("sources --form")
    try session.waitFor("crosscheck> sources --form")
    session.keys("C-c")
    try session.waitFor("crosscheck> sources --form\ncrosscheck> ")
    session.type("echo still alive", enter: true)
    try session.waitFor("still alive\ncrosscheck> ")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  /// Output taller than the terminal goes through less, which reads its keys from the
  /// terminal: it must be able to (a pager the terminal stops would hang the shell), and
  /// quitting it returns to the prompt.
  @Test func pagesLongOutputThroughLess() throws {
    let session = try TmuxSession(home: Crosscheck.temporaryFolder(), environment: ["PAGER": "less -R -F -X"])
    try session.waitFor("crosscheck> ")
    session.type("help diff", enter: true)
    try session.waitFor("show what changed between two texts")
    session.keys("G")
    try session.waitFor("(END)")
    session.keys("q")
    session.type("echo after the pager", enter: true)
    try session.waitFor("after the pager\ncrosscheck> ")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func hostileDocumentsLeaveTheScreenIntact() throws {
    let folder = Crosscheck.temporaryFolder()
    try "Hostile \u{1B}]0;pwned\u{07} title\n\nClear \u{1B}[2J screen \u{1B}[31mred\u{202E} reversed.".write(toFile: folder + "/hostile.txt", atomically: true, encoding: .utf8)
    let session = try TmuxSession(home: Crosscheck.temporaryFolder(), arguments: [folder + "/hostile.txt"])
    try session.waitFor("crosscheck> ")
    session.type("echo before", enter: true)
    try session.waitFor("before\ncrosscheck> ")
    session.type("show hostile --raw", enter: true)
    try session.waitFor("\\x1B[2J screen")
    let screen = session.screen()
    #expect(screen.contains("before"), "the screen was not cleared")
    #expect(screen.contains("Hostile \\x1B]0;pwned\\x07 title"))
    #expect(screen.contains("<U+202E>"))
    #expect(session.title() != "pwned")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func controlCStopsALoadKeepingWhatWasReadInTheSessionFile() throws {
    let folder = Crosscheck.temporaryFolder()
    // Enough records that a one-thread load takes many seconds, so that Ctrl-C lands mid-way
    // (records are taken on in batches of a few megabytes, with a check for Ctrl-C between them).
    let sentence = "The council said on Tuesday that the river had risen by 3.5 feet overnight, and residents were told to leave."
    var feed = ""
    for index in 0..<100_000 {
      feed += #"{"id": "r\#(index)", "text": "Record \#(index). \#(sentence) \#(sentence) \#(sentence)"}"# + "\n"
    }
    try feed.write(toFile: folder + "/feed.jsonl", atomically: true, encoding: .utf8)
    let sessionFile = folder + "/big.crosscheck"
    let session = try TmuxSession(
      home: Crosscheck.temporaryFolder(), arguments: ["--session", sessionFile], environment: ["CROSSCHECK_WORKERS": "1"])
    try session.waitFor("crosscheck> ")
    session.type("load \(folder)/feed.jsonl", enter: true)
    try session.waitFor("loading: ", seconds: 30)
    try session.waitFor("documents/s", seconds: 10)
    session.keys("C-c")
    try session.waitFor("cancelled before the end", seconds: 60)
    try session.waitFor("crosscheck> ")
    session.type("quit", enter: true)
    #expect(try session.waitForExit(seconds: 30) == 0)
    // The documents read before Ctrl-C are in the session file, which opens cleanly.
    let reopened = try Crosscheck.run(["--session", sessionFile, "-c", "sources --format csv"])
    #expect(reopened.status == 0, "\(reopened.errors)")
    let rows = reopened.output.split(separator: "\n").count - 1
    #expect(rows > 0 && rows < 100_000, "\(rows) documents in the session")
    #expect(reopened.output.contains("r0,"))
  }
}

/// One crosscheck process in its own tmux server.
final class TmuxSession {
  static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
  }

  let socket = "crosscheck-test-" + UUID().uuidString.prefix(8)
  let statusFile: String

  /// Starts crosscheck in an 100×30 terminal with its history and config under `home`.
  init(home: String, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
    statusFile = home + "/exit-status-" + UUID().uuidString
    // `\$?`: the status is the inner shell's, not expanded by the shell tmux starts.
    let command = ([Crosscheck.binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ") + "; echo \\$? > '\(statusFile)'; sleep 30"
    let environment = "env HOME='\(home)' XDG_STATE_HOME='\(home)/state' XDG_CONFIG_HOME='\(home)/config' TERM=xterm-256color LANG=C.UTF-8 NO_COLOR=1 PAGER=cat"
      + extra.sorted { $0.key < $1.key }.map { " \($0.key)='\($0.value)'" }.joined()
    // The pane's shell shares crosscheck's process group, to which libedit passes on the
    // signals it catches: the traps keep that shell alive to record the exit status.
    try tmux(["new-session", "-d", "-x", "100", "-y", "30", "-c", Crosscheck.packageRoot, environment + " sh -c \"trap : INT TERM HUP; " + command.replacingOccurrences(of: "\"", with: "\\\"") + "\""])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  /// Runs a tmux client command and returns what it printed.
  ///
  /// Output goes through a file, not a pipe: the tmux server that the first command starts
  /// would inherit a pipe and hold it open for as long as it runs.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let outputFile = NSTemporaryDirectory() + "crosscheck-tmux-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: outputFile) }
    let quoted = (["tmux", "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    _ = Self.shell(quoted.joined(separator: " ") + " </dev/null >'\(outputFile)' 2>/dev/null")
    return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
  }

  /// Runs a shell command and waits for it with posix_spawn and waitpid. (Foundation's
  /// Process waits for its child through a monitor that tmux's daemonizing confuses.)
  static func shell(_ command: String) -> Int32 {
    var pid: pid_t = 0
    let arguments = ["/bin/sh", "-c", command]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return status
  }

  /// Types text literally.
  func type(_ text: String, enter: Bool = false) {
    _ = try? tmux(["send-keys", "-l", text])
    if enter { keys("Enter") }
  }

  /// Presses named keys (Enter, Tab, Up, C-c, C-d).
  func keys(_ names: String...) {
    _ = try? tmux(["send-keys"] + names)
  }

  /// The visible screen, trailing spaces removed.
  func screen() -> String {
    let text = (try? tmux(["capture-pane", "-p"])) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  /// The terminal's title.
  func title() -> String {
    ((try? tmux(["display-message", "-p", "#{pane_title}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  struct Timeout: Error, CustomStringConvertible {
    var expected: String
    var screen: String
    var description: String { "timed out waiting for \(expected.debugDescription); the screen shows:\n\(screen)" }
  }

  /// Waits until the screen contains `text` (at most `seconds`).
  func waitFor(_ text: String, seconds: Double = 10) throws {
    // The screen is compared with trailing spaces removed from every line.
    let text = text.replacingOccurrences(of: " +(\n|$)", with: "$1", options: .regularExpression)
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if screen().contains(text) { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Timeout(expected: text, screen: screen())
  }

  /// Waits for crosscheck to exit and returns its exit status.
  @discardableResult
  func waitForExit(seconds: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: statusFile, encoding: .utf8), let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
        return status
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Timeout(expected: "exit", screen: screen())
  }
}
