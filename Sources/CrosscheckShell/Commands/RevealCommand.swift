/// `reveal`: shows which source each neutral label stood for, and turns `blind` off.
package enum RevealCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "reveal",
    abstract: "show which outlet each label (Source A, B, …) stands for, and stop hiding names",
    discussion: """
      After 'set blind on', every output says Source A, Source B, … (in load order) where \
      it would name a document's outlet, id, file, author or web address. 'reveal' lists the \
      labels with the documents they stand for and turns 'blind' off, so that later outputs \
      show the names again.
      """,
    examples: [Example("set blind on", "hide the names"), Example("reveal", "show who is who, and names from now on")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard context.settings.blind else {
      return .message(StyledText("Names are not hidden ('set blind on' hides them); nothing to reveal.", .dim))
    }
    let blinding = Blinding(documents: context.corpus.documents)
    var settings = context.settings
    settings.blind = false
    context.settings = settings
    let table = Table(
      columns: [Column("label", key: "label"), Column("id", key: "id"), Column("outlet", key: "outlet"), Column("title", key: "title", truncatable: true)],
      rows: blinding.entries.map { [.text($0.label), .text($0.id), .text($0.outlet), .text($0.title)] })
    return Output([.table(table), .message(StyledText("Names are shown again from now on.", .dim))], json: table.json)
  }
}
