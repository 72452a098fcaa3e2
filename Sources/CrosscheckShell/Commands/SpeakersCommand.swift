import CrosscheckCore

/// `speakers`: the people quoted, with their aliases and quotes per source.
package enum SpeakersCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "speakers",
    abstract: "the people quoted, with the names each source uses and quote counts per source",
    discussion: """
      One row per person (S1, S2, … in order of first quotation). Names that the corpus shows \
      to be one person are merged: a surname alone, another transliteration (Zelensky, \
      Zelenskyy), a one-letter spelling difference with the same title. The canonical name is \
      the full form most sources use. Counts are direct and scare quotes credited to the person.
      """,
    options: [
      .value("source", "DOC", "only speakers quoted in this document", kind: .document),
      .flag("explain", "why each source's name, and each description like 'the mayor', is that person"),
    ],
    examples: [
      Example("speakers", "who is quoted, and where"),
      Example("speakers --explain", "which rule made Okonqwo and Okonkwo one person"),
      Example("speakers --format json", "the same as JSON"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard !context.corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    let analysis = context.quoteAnalysis
    var source: String? = nil
    if let word = call.value("source") { source = try context.document(word).id }
    return QuoteRendering.speakers(analysis: analysis, corpus: context.corpus, source: source, explain: call.flag("explain"))
  }
}
