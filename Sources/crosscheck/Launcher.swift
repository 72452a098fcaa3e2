import CrosscheckWordDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `crosscheck` command: a small, statically linked program that starts in well under
/// a millisecond. It runs `crosscheck diff FILE FILE` itself when its output goes to a file
/// or a pipe and both files are plain UTF-8 text; every other command line, and that one
/// when it needs more (a terminal's colors, a file to decode, an error to report), goes to
/// the full program, `crosscheck-shell` beside it, which replaces this process with the same
/// arguments, environment and open files.
@main
enum Launcher {
  /// The full program's file name; it is built beside this one.
  static let shellName = "crosscheck-shell"

  static func main() {
    let arguments = CommandLine.arguments
    if arguments.count == 4, arguments[1] == "diff" {
      // Returns only when the full program must run it.
      diffFiles(arguments[2], arguments[3])
    }
    startShell()
  }

  /// Runs `diff FILE FILE` and exits with status 0, or returns when the full program must
  /// run it: an option or a path that looks like one, output to a terminal (colors
  /// and width), a file that cannot be read or is not plain text (its error message and
  /// decoding belong to the full program).
  ///
  /// Its output is byte for byte the full program's for the same command.
  static func diffFiles(_ first: String, _ second: String) {
    guard !first.hasPrefix("-"), !second.hasPrefix("-"), isatty(STDOUT_FILENO) == 0 else { return }
    guard let source = try? WordDiff.mappedContents(ofFile: first), WordDiff.isPlainText(source),
      let target = try? WordDiff.mappedContents(ofFile: second), WordDiff.isPlainText(target)
    else { return }
    // The files are mapped, not copied: one that shrinks while it is read raises SIGBUS.
    signal(SIGBUS) { _ in
      let message: StaticString = "crosscheck: a file was cut short while it was being compared\n"
      _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
      _exit(1)
    }
    var output = ChunkedOutput(descriptor: STDOUT_FILENO)
    let diff = WordDiff(source: source, target: target)
    // Both texts are plain, so no run needs escaping.
    diff.writeMarkedText(to: &output, colors: nil, escaping: nil)
    // The process ends here, with the diff still alive: the kernel takes back its memory
    // at once, where releasing it first would unmap it buffer by buffer.
    withExtendedLifetime(diff) { exit(0) }
  }

  /// Replaces this process with the full program, found beside this one; returns only to
  /// exit with a message when it cannot be started.
  static func startShell() -> Never {
    let path = directory(of: executablePath() ?? CommandLine.arguments[0]) + shellName
    execv(path, CommandLine.unsafeArgv)
    let reason = String(cString: strerror(errno))
    let message = """
      crosscheck: cannot start the shell, \(path): \(reason)
      crosscheck is a launcher; keep \(shellName), built with it ('swift build'), in the same folder.

      """
    ChunkedOutput.writeAll(Array(message.utf8), to: STDERR_FILENO)
    // As a POSIX shell reports a command it cannot find.
    exit(127)
  }

  /// The path of this program's file, which the kernel knows whatever folder it was
  /// started from or through which link.
  static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The folder part of a path, with its final slash; empty for a bare name.
  static func directory(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[...slash])
  }
}
