import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C, SIGTERM and SIGHUP: the running command stops, the shell and the session
/// survive, and the user is told what happened.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InterruptTests {
  /// 200 articles that all share sentences: `compare` then takes many seconds in a debug build.
  static func overlappingCorpus() -> String {
    let folder = Crosscheck.temporaryFolder()
    let words = "levee river town mayor residents water crews night flood quay council budget sirens warning engineers homes shelter rain storm bridge"
      .split(separator: " ")
    var generator = SplitMix(seed: 7)
    let pool = (0..<80).map { _ in (0..<12).map { _ in String(words[generator.next(below: words.count)]) }.joined(separator: " ") + "." }
    for article in 0..<200 {
      let paragraphs = (0..<10).map { _ in (0..<4).map { _ in pool[generator.next(below: pool.count)] }.joined(separator: " ") }
      _ = FileManager.default.createFile(atPath: folder + "/a\(article).txt", contents: Data(paragraphs.joined(separator: "\n\n").utf8))
    }
    return folder
  }

  /// Starts crosscheck on `paths`, runs `command`, presses Ctrl-C a second later, and
  /// expects `message` then the prompt; then `check` must give `answer`.
  func cancel(_ command: String, loading paths: [String], message: String, then check: String, answer: String) throws {
    let session = try TmuxSession(home: Crosscheck.temporaryFolder(), arguments: paths)
    try session.waitFor("crosscheck> ", seconds: 60)
    session.type(command, enter: true)
    Thread.sleep(forTimeInterval: 1)
    session.keys("C-c")
    try session.waitFor(message + "\ncrosscheck> ", seconds: 20)
    session.type(check, enter: true)
    try session.waitFor(answer + "\ncrosscheck> ")
    session.keys("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func controlCCancelsALongCompareAndTheShellGoesOn() throws {
    let corpus = Self.overlappingCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    try cancel("compare", loading: [corpus], message: "error: cancelled", then: "echo still here", answer: "still here")
  }

  @Test func sigtermStopsACommandRunFromTheCommandLine() throws {
    let corpus = Self.overlappingCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = corpus + ".out"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let script = "'\(Crosscheck.binary)' '\(corpus)' -c compare -c 'echo never' > '\(out)' 2>&1 & p=$!; sleep 2; kill -TERM $p; wait $p; echo $? >> '\(out)'"
    _ = TmuxSession.shell(script)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.hasSuffix("error: cancelled\n143\n"), "\(text)")
  }

  @Test func controlCCancelsARunawayQuery() throws {
    try cancel(
      "sql \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c\" --timeout 600",
      loading: ["samples/riverton-flood/kvrt-news.txt"], message: "the query was cancelled",
      then: "sql \"SELECT count(*) AS n FROM documents\" --format csv", answer: "n\n1")
  }

  @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP)])
  func aSignalLeavesTheSessionValidAndTheHistorySaved(name: String, signal: Int32) throws {
    let home = Crosscheck.temporaryFolder()
    let file = home + "/flood.crosscheck"
    let session = try TmuxSession(home: home, arguments: ["--session", file, "samples/riverton-flood/coastwire.txt"])
    try session.waitFor("crosscheck> ", seconds: 30)
    session.type("load samples/riverton-flood/kvrt-news.txt", enter: true)
    try session.waitFor("Loaded 1 document")
    session.type("echo before the signal", enter: true)
    try session.waitFor("before the signal\ncrosscheck> ")
    let pid = try #require(session.crosscheckProcess())
    #expect(kill(pid, signal) == 0)
    // The shell leaves as after Ctrl-D, with the conventional status of a signal, and
    // closes the session: its write-ahead log is folded back into the file.
    let status = try session.waitForExit(seconds: 20)
    #expect(status == 128 + signal, "exit status \(status)")
    #expect(!FileManager.default.fileExists(atPath: file + "-wal"), "the session was not closed")
    // libedit's history file writes a space as \040.
    let history = try String(contentsOfFile: home + "/state/crosscheck/history", encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
    #expect(history.contains("load samples/riverton-flood/kvrt-news.txt"))
    #expect(history.contains("echo before the signal"))
    let reopened = try Crosscheck.run(["--session", file, "-c", "sources --format csv"])
    #expect(reopened.status == 0, "\(reopened.errors)")
    #expect(reopened.output.split(separator: "\n").map { $0.split(separator: ",").first ?? "" } == ["id", "coastwire", "kvrt-news"])
  }
}

@Suite struct FullDiskTests {
  /// A folder with `bytes` of space: a tmpfs when this process may mount one, else nil.
  static func smallDisk(bytes: Int) -> String? {
    guard getuid() == 0 else { return nil }
    let folder = Crosscheck.temporaryFolder()
    guard TmuxSession.shell("mount -t tmpfs -o size=\(bytes) tmpfs '\(folder)' 2>/dev/null") == 0 else { return nil }
    return folder
  }

  /// The size of the session file of `paths`.
  static func sessionSize(_ paths: [String]) throws -> Int {
    let folder = Crosscheck.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Crosscheck.run(paths + ["-c", "save '\(folder)/size.crosscheck'"])
    return try #require(FileManager.default.contents(atPath: folder + "/size.crosscheck")).count
  }

  @Test func aFullDiskDuringSaveLeavesThePreviousSessionIntact() throws {
    // Room for the first session and half of the second: the second save's copy cannot be written.
    let room = try Self.sessionSize(["samples/riverton-flood/kvrt-news.txt"]) + Self.sessionSize(["samples/riverton-flood"]) / 2
    let disk = Self.smallDisk(bytes: room)
    let folder = disk ?? Crosscheck.temporaryFolder()
    defer {
      if disk != nil { _ = TmuxSession.shell("umount '\(folder)'") }
      try? FileManager.default.removeItem(atPath: folder)
    }
    let file = folder + "/flood.crosscheck"
    let first = try Crosscheck.run(["samples/riverton-flood/kvrt-news.txt", "-c", "save '\(file)'"])
    #expect(first.status == 0, "\(first.errors)")
    let before = try #require(FileManager.default.contents(atPath: file))
    // Without a small disk, a file-size limit below the new session's size stands in for it.
    let limit = disk == nil ? "ulimit -f \(before.count / 512 + 8); " : ""
    let command = limit + "'\(Crosscheck.binary)' samples/riverton-flood -c \"save '\(file)'\" > '\(folder).out' 2>&1"
    let status = TmuxSession.shell("cd '\(Crosscheck.packageRoot)' && " + command)
    let output = (try? String(contentsOfFile: folder + ".out", encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: folder + ".out")
    #expect(status != 0)
    #expect(output.contains("error: cannot save to '\(file)'"), "\(output)")
    #expect(output.contains("'\(file)' still holds the session saved before"), "\(output)")
    let reopened = try Crosscheck.run(["--session", file, "-c", "sources --format csv"])
    #expect(reopened.output.split(separator: "\n").map { $0.split(separator: ",").first ?? "" } == ["id", "kvrt-news"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".saving-") }
    #expect(leftovers.isEmpty, "a partial copy was left behind")
  }
}

@Suite struct CommandFileLimitTests {
  @Test func aFileThatRunsItselfThroughAnotherIsStopped() throws {
    let folder = Crosscheck.temporaryFolder()
    try "echo in a\nrun b.ccs\necho never\n".write(toFile: folder + "/a.ccs", atomically: true, encoding: .utf8)
    try "echo in b\nrun a.ccs\n".write(toFile: folder + "/b.ccs", atomically: true, encoding: .utf8)
    let result = try Crosscheck.run(["-f", folder + "/a.ccs"])
    #expect(result.status == 1)
    #expect(result.output == "in a\nin b\n")
    #expect(result.errors.contains("b.ccs:2: error: 'a.ccs' is already running (a.ccs → b.ccs → a.ccs); a command file cannot run itself"), "\(result.errors)")
  }

  @Test func aHundredThousandLineFileRunsInBoundedMemory() throws {
    let folder = Crosscheck.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func script(lines: Int) throws -> String {
      let path = folder + "/lines-\(lines).ccs"
      var text = "load '\(Crosscheck.packageRoot)/samples/riverton-flood/kvrt-news.txt'\n"
      for line in 0..<lines {
        switch line % 10 {
        case 0: text += "echo line \(line) of the file\r\n"
        case 1: text += "echo continued \\\n"
        case 2: text += "  on line \(line)\n"
        default: text += "# comment \(line)\n"
        }
      }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // Peak memory with 1,000 lines and with 100,000: a file read whole or output kept
    // would grow it by tens of megabytes.
    func peakKilobytes(_ path: String) throws -> Int { try Self.maximumResidentKilobytes(of: ["-f", path]) }
    let small = try peakKilobytes(try script(lines: 1_000))
    let large = try peakKilobytes(try script(lines: 100_000))
    // The 100,000-line file is 1.8 MB.
    #expect(large < small + 16 * 1024, "peak memory grew from \(small) KB to \(large) KB")
    let output = try Crosscheck.run(["-f", try script(lines: 100)]).output
    #expect(output.contains("duplicates.\nline 0 of the file\ncontinued on line 2\nline 10 of the file\n"), "\(output.prefix(200))")
  }

  /// The peak resident memory of a crosscheck run, from the kernel's accounting of a child.
  static func maximumResidentKilobytes(of arguments: [String]) throws -> Int {
    var pid: pid_t = 0
    let all = [Crosscheck.binary] + arguments
    var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    guard posix_spawn(&pid, Crosscheck.binary, &actions, nil, &argv, environ) == 0 else { throw SpawnError() }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
    #expect(status == 0)
    return usage.ru_maxrss
  }

  struct SpawnError: Error {}
}

/// A small deterministic generator (SplitMix64) for generated corpora.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}

extension TmuxSession {
  /// The crosscheck process running in the pane: a descendant of the pane's shell.
  func crosscheckProcess() -> pid_t? {
    guard let panePID = Int32(((try? tmux(["display-message", "-p", "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    else { return nil }
    var pending = [panePID]
    while let pid = pending.popLast() {
      let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
      if name == "crosscheck" { return pid }
      let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
      pending += children.split(separator: " ").compactMap { Int32($0) }
    }
    return nil
  }
}

@Suite struct TerminationGraceTests {
  /// SIGTERM while a command runs that never polls for Ctrl-C: the program still ends,
  /// a few seconds later, with the status of the signal.
  @Test func aSignalEndsALongCommandAfterTheGrace() throws {
    let folder = Crosscheck.temporaryFolder()
    // One run-on line of about 14,000 figures: its claims take far longer than the grace.
    var line = ""
    var number = 0
    while line.utf8.count < 1_048_576 {
      number += 1
      line += "Sentence \(number) of the line says that “the levee held” for \(number * 3) hours, "
    }
    try line.write(toFile: folder + "/one-line.txt", atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Crosscheck.binary)
    process.arguments = [folder + "/one-line.txt", "-c", "claims", "-c", "claims --all --format json"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 2)
    let sent = Date()
    process.terminate()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    let ended = !process.isRunning
    if !ended { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(ended, "still running a minute after SIGTERM")
    #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 128 + SIGTERM)
    #expect(Date().timeIntervalSince(sent) < 30, "ended \(Date().timeIntervalSince(sent)) s after SIGTERM")
  }
}
