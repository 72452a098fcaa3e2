import Foundation

/// `record FILE`: writes the commands run so far as a command file.
package enum RecordCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "record",
    abstract: "write the commands run so far in this session to a command file that runs",
    discussion: """
      Writes every command that ran without error at the top level of this session so far \
      (typed at the prompt, given with -c or on standard input, the paths loaded from the \
      command line, and each -f file as 'run FILE'), in order, one per line. The commands \
      inside command files are not copied: their 'run' line is. 'record' and 'quit' \
      themselves are left out. Variables are written with their values, and relative paths \
      are rewritten to be relative to FILE's folder, so that 'crosscheck -f FILE' or 'run \
      FILE' repeats the session from anywhere. An existing FILE is replaced.
      """,
    arguments: [ArgumentSpec("file", "the command file to write (.ccs)", kind: .path)],
    examples: [Example("record class.ccs", "keep what you did; run it again with 'crosscheck -f class.ccs'")],
    isRecorded: false,
    redirectionRefusal: "'record' writes its file itself: give the file name as its argument"
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let path = context.resolvePath(call.arguments[0])
    let absolute = URL(fileURLWithPath: path).standardizedFileURL
    let folder = absolute.deletingLastPathComponent().path
    let lines = context.transcript.map { $0.text(inFileFolder: folder) }
    let text = "# Recorded by crosscheck. Run it with: crosscheck -f \(absolute.lastPathComponent)\n"
      + lines.map { $0 + "\n" }.joined()
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw .failed("cannot write to '\(call.arguments[0])' (no such folder, or permission denied)")
    }
    let count = lines.count
    return .message(StyledText("Recorded \(count) command\(count == 1 ? "" : "s") to \(call.arguments[0])."))
  }
}
