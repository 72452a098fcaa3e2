import CrosscheckStore

/// `open FILE`: continues a saved session.
package enum OpenCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "open",
    abstract: "open a saved session",
    discussion: """
      Replaces the documents and settings of this session with those of a session file, \
      without analysing the documents again; quote groups, claims and comparisons stored \
      with it are read back by the first command that needs them, when they were computed \
      from the same documents by the same version of the analyses. From then on the session \
      works on the file: every load and unload, and every such result once computed, is \
      written to it as it happens, so there is nothing to save before quitting. A file saved by an older crosscheck is brought up to date as it opens. \
      One crosscheck at a time can have a session file open; a second is told which process \
      has it.
      """,
    arguments: [ArgumentSpec("file", "the session file", kind: .path)],
    examples: [Example("open flood.crosscheck", "continue where 'save flood.crosscheck' left off")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let path = context.resolvePath(call.arguments[0])
    let unsaved = context.sessionPath == nil ? context.corpus.count : 0
    let store = try context.openSession(path, create: false)
    let count = context.corpus.count
    var message = "Opened \(call.arguments[0]): \(count) document\(count == 1 ? "" : "s")"
    if store.openedVersion > 0, store.openedVersion < Store.schemaVersion {
      message += " (brought up to date from schema version \(store.openedVersion))"
    }
    message += "."
    if unsaved > 0 {
      message += " The \(unsaved) document\(unsaved == 1 ? "" : "s") loaded before were not saved ('save FILE' keeps a session)."
    }
    return Output(
      [.message(StyledText(message))],
      json: .object([
        ("path", .string(path)), ("documents", .int(count)), ("schema_version", .int(Store.schemaVersion)),
        ("migrated_from", store.openedVersion > 0 && store.openedVersion < Store.schemaVersion ? .int(store.openedVersion) : .null),
      ]))
  }
}
