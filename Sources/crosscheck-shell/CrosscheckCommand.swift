import ArgumentParser
import CrosscheckShell
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The `crosscheck` program: loads paths, runs `-f` files and `-c` commands in order, then
/// leaves, or starts the interactive shell.
///
/// A synchronous entry point, so that the shell runs on the main thread with SIGINT
/// delivered to it (an async entry point would leave Ctrl-C blocked).
@main
struct CrosscheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosscheck",
    abstract: "A shell for comparing how different sources report the same story.",
    discussion: """
      Paths are loaded first; then -f files and -c commands run in the order given, and \
      crosscheck exits unless -i is given. Without -f or -c, it reads commands from standard \
      input when that is not a terminal, and otherwise starts the interactive shell. Exit \
      status: 0 success, 1 a command failed, 2 usage error. 'crosscheck diff FILE FILE' \
      compares two files word by word without starting the shell (see 'help diff').
      """,
    version: "crosscheck 0.1.0"
  )

  @Argument(help: "Files or folders of articles to load.", completion: .file())
  var paths: [String] = []

  @Option(name: [.customShort("f"), .customLong("file")], help: ArgumentHelp("Run a command file.", valueName: "file"))
  var files: [String] = []

  @Option(name: [.customShort("c"), .customLong("command")], help: ArgumentHelp("Run a command.", valueName: "command"))
  var commands: [String] = []

  @Flag(name: [.customShort("i"), .customLong("interactive")], help: "Start the shell after the -f and -c commands.")
  var interactive = false

  @Option(help: ArgumentHelp("Work on a session file: open it, or create it when missing; loads are written to it as they happen.", valueName: "file"))
  var session: String?

  @Option(help: ArgumentHelp("Default output format: table, json, csv, markdown or text.", valueName: "format"))
  var format: String?

  @Flag(help: "No colors.")
  var noColor = false

  @Flag(help: "Stop at the first error (the default).")
  var bail = false

  @Flag(help: "Go on after an error in a command file.")
  var keepGoing = false

  @Flag(help: "Do not run the init file (~/.config/crosscheck/init).")
  var noInit = false

  /// Parses the command line and runs; usage errors exit with status 2 (the parser's own
  /// default is 64), failed commands with 1.
  static func main() {
    keepTheLaunchersName()
    // `crosscheck diff FILE FILE` compares two files before the parser, the shell and its
    // session store are set up: on short texts that start-up would take most of the time.
    if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "diff" {
      Foundation.exit(DiffCommand.runOnFiles(Array(CommandLine.arguments.dropFirst(2))))
    }
    // The parser may return its own help command instead of this one.
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      let code = exitCode(for: error)
      // --help and --version are not errors.
      if code == .success { exit(withError: error) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
    do {
      try command.run()
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch {
      // The parser's help and version requests end here.
      exit(withError: error)
    }
  }

  /// Started by the `crosscheck` launcher, which this program replaces, the process would
  /// be listed as `crosscheck-shel` (the kernel keeps 15 bytes of the file's name): it keeps
  /// the name users typed, for `ps`, `top` and `pkill -x crosscheck`.
  static func keepTheLaunchersName() {
    let descriptor = open("/proc/self/comm", O_WRONLY)
    guard descriptor >= 0 else { return }
    _ = "crosscheck".utf8CString.withUnsafeBufferPointer { name in
      // Without the terminating NUL.
      write(descriptor, name.baseAddress, name.count - 1)
    }
    close(descriptor)
  }

  func validate() throws {
    if let format, OutputFormat(rawValue: format) == nil {
      throw ValidationError("'\(format)' is not a format; use table, json, csv, markdown or text")
    }
    if bail && keepGoing { throw ValidationError("--bail and --keep-going contradict each other") }
  }

  func run() throws {
    let console = StandardConsole()
    let shell = Shell(console: console)
    defer { shell.closeSession() }
    if let session {
      do {
        try shell.openSession(session, create: true)
      } catch {
        shell.report(error, at: nil)
        throw ExitCode(1)
      }
    }
    if let format, let value = OutputFormat(rawValue: format) { shell.settings.format = value }
    if keepGoing { shell.settings.onError = .continue }
    shell.colorDisabled = noColor
    installInterruptHandler()

    var failed = false
    if !paths.isEmpty {
      let line = (["load"] + paths.map(Self.quoted)).joined(separator: " ")
      failed = !shell.execute(line, toStandardError: true) || failed
      Self.exitIfTerminated(shell)
    }
    let steps = Self.orderedSteps(files: files, commands: commands)
    for step in steps where !shell.exitRequested {
      let ok: Bool
      switch step {
      case .file(let path): ok = shell.execute("run " + Self.quoted(path))
      case .command(let command): ok = shell.execute(command)
      }
      Self.exitIfTerminated(shell)
      if !ok {
        failed = true
        if shell.settings.onError == .stop { throw ExitCode(1) }
      }
    }
    if !steps.isEmpty, !interactive {
      if failed { throw ExitCode(1) }
      return
    }
    if shell.exitRequested { if failed { throw ExitCode(1) }; return }

    if console.isInteractive {
      if !noInit { runInitFile(shell) }
      let completerSource: (String) -> Completer.Completions = { prefix in
        Completer(
          registry: shell.registry, documentIDs: shell.corpus.documents.map(\.id),
          speakers: { shell.quoteAnalysis.speakers.flatMap { [$0.id, $0.speaker.name.split(separator: " ").last.map(String.init) ?? $0.speaker.name] } }
        ).complete(prefix)
      }
      let reader = LibEditReader(historyPath: Self.historyPath(), complete: completerSource)
      shell.runInteractive(reader: reader)
      Self.exitIfTerminated(shell)
    } else {
      let reader = PlainLineReader()
      let failures = shell.runLines(name: "<stdin>") {
        if case .line(let line) = reader.readLine(prompt: "") { return line }
        return nil
      }
      Self.exitIfTerminated(shell)
      if failures > 0 || failed { throw ExitCode(1) }
    }
  }

  /// `-f` and `-c` in the order they were typed (the parser keeps each option's own order only).
  enum Step: Equatable {
    case file(String)
    case command(String)
  }

  static func orderedSteps(files: [String], commands: [String], arguments: [String] = CommandLine.arguments) -> [Step] {
    var files = files[...]
    var commands = commands[...]
    var steps: [Step] = []
    var index = 1
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { break }
      if ["-f", "--file"].contains(argument) || argument.hasPrefix("--file=") || (argument.hasPrefix("-f") && argument.count > 2 && !argument.hasPrefix("--")),
        let file = files.popFirst()
      {
        steps.append(.file(file))
      } else if ["-c", "--command"].contains(argument) || argument.hasPrefix("--command=") || (argument.hasPrefix("-c") && argument.count > 2 && !argument.hasPrefix("--")),
        let command = commands.popFirst()
      {
        steps.append(.command(command))
      }
      index += 1
    }
    steps += files.map(Step.file) + commands.map(Step.command)
    return steps
  }

  /// `$XDG_STATE_HOME/crosscheck/history`, else `~/.local/state/crosscheck/history`.
  static func historyPath() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/crosscheck/history"
    }
    return NSHomeDirectory() + "/.local/state/crosscheck/history"
  }

  /// `$XDG_CONFIG_HOME/crosscheck/init`, else `~/.config/crosscheck/init`.
  func runInitFile(_ shell: Shell) {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory() + "/.config"
    let path = base + "/crosscheck/init"
    if FileManager.default.fileExists(atPath: path) { shell.execute("run " + Self.quoted(path)) }
  }

  /// A word quoted for the command language.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Ctrl-C sets a flag instead of ending the program; SIGTERM and SIGHUP also ask the
  /// shell to leave once the running command stops, so that the session is closed and the
  /// terminal restored (a second one ends the program at once, and so does the first after
  /// `terminationGrace` seconds of a command that does not poll for Ctrl-C: a session file
  /// stays whole either way, every load being one transaction). Without SA_RESTART, so that
  /// a waiting readline returns.
  static let terminationGrace: UInt32 = 5

  func installInterruptHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.raise() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    action.__sigaction_handler.sa_handler = { number in
      // A second request while a command that does not poll for Ctrl-C runs: end now.
      if Interrupt.terminationSignal != nil {
        Glibc.signal(number, SIG_DFL)
        raise(number)
      }
      Interrupt.terminate(by: number)
      alarm(CrosscheckCommand.terminationGrace)
    }
    sigaction(SIGTERM, &action, nil)
    sigaction(SIGHUP, &action, nil)
    action.__sigaction_handler.sa_handler = { _ in
      let number = Interrupt.terminationSignal ?? SIGTERM
      Glibc.signal(number, SIG_DFL)
      raise(number)
    }
    sigaction(SIGALRM, &action, nil)
    // A blocked signal mask is inherited from whatever started the program; these must arrive.
    var handled = sigset_t()
    sigemptyset(&handled)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGALRM] { sigaddset(&handled, number) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    // Past a file-size limit, a write fails with EFBIG (and `save` says so) instead of the
    // signal ending the program.
    signal(SIGXFSZ, SIG_IGN)
  }

  /// Ends the program as the signal that asked for it would have (status 128 + signal),
  /// once the session is closed.
  static func exitIfTerminated(_ shell: Shell) {
    guard let signal = Interrupt.terminationSignal else { return }
    shell.closeSession()
    Foundation.exit(128 + signal)
  }
}
