import Foundation

/// `export FOLDER`: the analyses as one file per table, for spreadsheets and notebooks.
package enum ExportCommand: ShellCommand {
  /// The file formats `export` writes, by their `--format` name and file extension.
  static let fileFormats = ["csv", "jsonl"]

  package static let spec = CommandSpec(
    name: "export",
    abstract: "write the analyses as CSV or JSON Lines files, one per table",
    discussion: """
      Writes one file per table into FOLDER (created if missing; files of the same names \
      are replaced, each atomically): \(ExportTables.names.map { $0 + ".csv" }.joined(separator: ", ")) \
      — or .jsonl with --format jsonl. sources: one row per document; quotes: every \
      quotation with its speaker, group, variant and how the speaker was found; speakers; \
      quote_groups: each utterance with the sources that carry it; claims: every number and \
      date with its value, unit, sentence and group; claim_groups: each fact with its verdict, \
      conflicts first; similarity: every pair of documents that shares text. Offsets are code \
      point offsets, as in --format json. CSV files have a header row and CRLF line ends; a \
      list (aliases, members) is one field with items separated by "; ". JSON Lines files hold \
      one object per line, lists as arrays. Every column is described in docs/export.md. \
      --source limits the export to some documents (repeat it, or separate ids with commas). \
      While 'set blind on' is in effect, the text in the tables uses the neutral labels too.
      """,
    arguments: [ArgumentSpec("folder", "the folder to write the files into", kind: .path)],
    options: [
      .value("format", "FORMAT", "file format: csv (default) or jsonl", kind: .choice(fileFormats)),
      .value("source", "DOC", "only these documents (repeat, or separate with commas)", kind: .document),
    ],
    examples: [
      Example("export tables", "tables/sources.csv, tables/quotes.csv, …"),
      Example("export tables --format jsonl", "the same tables as JSON Lines, for a notebook"),
      Example("export one --source coastwire", "the analyses of one document"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard !context.corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    let format = call.value("format") ?? "csv"
    let selection = try ReportCommand.documents(call.options["source"] ?? [], in: context)
    let analyses = CorpusAnalyses(selection, in: context)
    let folder = context.resolvePath(call.arguments[0])
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .failed("cannot create the folder '\(call.arguments[0])' (a file of that name, or permission denied)")
    }
    var rows: [[Cell]] = []
    let blinding = context.blinding
    for whole in ExportTables.tables(analyses, settings: context.settings) {
      let table = blinding.map { blinding in whole.hiding { blinding.hide(in: $0) } } ?? whole
      let name = "\(table.name).\(format)"
      let shown = (call.arguments[0] as NSString).appendingPathComponent(name)
      try ReportCommand.write(format == "jsonl" ? table.jsonLines : table.csv, to: (folder as NSString).appendingPathComponent(name), shownAs: shown)
      rows.append([.text(table.name), .text(shown), .int(table.rows.count), .int(table.columns.count)])
    }
    return .table(Table(
      columns: [Column("table", key: "table"), Column("file", key: "file"), Column("rows", key: "rows"), Column("columns", key: "columns")],
      rows: rows))
  }
}
