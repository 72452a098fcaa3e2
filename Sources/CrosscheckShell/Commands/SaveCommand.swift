import CrosscheckStore

/// `save FILE`: writes the session to a file.
package enum SaveCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "save",
    abstract: "save this session to a file",
    discussion: """
      Writes the documents, their analyses, the quote groups, claims and comparisons \
      computed so far, and the settings to a session file that 'open' \
      and '--session' read back. Saving is atomic: a complete copy is written beside the \
      file and then renamed over it, so the file is never half-written, even if crosscheck \
      is killed. An existing file is replaced only when it is itself a crosscheck session not \
      in use. The session goes on where it was (in memory, or its own file); saving to the \
      session's own file has nothing to do, since every change is already in it.
      """,
    arguments: [ArgumentSpec("file", "where to write the session", kind: .path)],
    examples: [
      Example("save flood.crosscheck", "keep this session"),
      Example("save class/lesson-1.crosscheck", "hand a session to students"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let path = context.resolvePath(call.arguments[0])
    let report: Store.SaveReport
    context.storeUnsavedResults()
    do {
      report = try context.store.save(to: path)
    } catch {
      throw ShellError(error)
    }
    let documents = "\(report.documents) document\(report.documents == 1 ? "" : "s")"
    let message =
      report.alreadyCurrent
      ? "\(call.arguments[0]) is this session's file; every change is already in it (\(documents))."
      : "Saved \(documents) to \(call.arguments[0]) (\(byteSize(report.bytes)))."
    return Output(
      [.message(StyledText(message))],
      json: .object([("path", .string(path)), ("documents", .int(report.documents)), ("bytes", .int(report.bytes))]))
  }

  /// "1.2 MB", "640 KB".
  static func byteSize(_ bytes: Int) -> String {
    if bytes >= 1_048_576 { return (Double(bytes) / 1_048_576).formatted(digits: 1) + " MB" }
    return "\(max(1, (bytes + 1023) / 1024)) KB"
  }
}
