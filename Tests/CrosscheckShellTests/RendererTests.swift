import CrosscheckTestSupport
import Testing
@testable import CrosscheckShell

@Suite struct RendererTests {
  /// An output with every kind of block and the awkward values: missing cells, wide and
  /// combining characters, a comma, a quote, a pipe, a newline and an escape character.
  static let sample = Output(
    [
      .heading("Sources"),
      .table(Table(
        columns: [Column("#"), Column("id", key: "id"), Column("title", key: "title", truncatable: true), Column("words", key: "words")],
        rows: [
          [.int(1), .text("coastwire"), .text("Flood, “worst in a century”"), .int(512)],
          [.int(2), .text("metro-herald"), .text("Levee | holds\nfor now"), .int(1_204)],
          [.int(3), .text("東京-report"), .null, .int(7)],
          [.int(4), .text("naïve"), .text("evil \u{1B}]0;pwned\u{07} title"), .int(0)],
        ])),
      .fields([Field("outlet", StyledText("Coastwire")), Field("notes", StyledText("two\nlines"))]),
      .message(StyledText([StyledRun("Loaded "), StyledRun("4", .bold), StyledRun(" documents.")])),
    ])

  @Test(arguments: OutputFormat.allCases)
  func rendersEveryFormat(_ format: OutputFormat) {
    let text = Renderers.render(Self.sample, options: RenderOptions(format: format)) + "\n"
    #expect(Golden.mismatch(text, path: Golden.folder() + "/Golden/render.\(format.rawValue)") == nil)
  }

  @Test func narrowsTruncatableColumnsToTheWidth() {
    let text = Renderers.render(Self.sample, options: RenderOptions(format: .table, width: 40))
    let tableLines = text.split(separator: "\n").prefix(6).dropFirst()
    for line in tableLines { #expect(TerminalText.width(String(line)) <= 40, "\(line)") }
    #expect(text.contains("…"))
  }

  /// Long headers that keep a table wider than the terminal give way to their short
  /// forms, keyed under the table; where the table fits, the full headers stay.
  @Test func shortensHeadersThatDoNotFit() {
    let long = ["000_b917d12392388f0a", "001_99a1b1ec5ff4af1c (q23)", "002_0389c753805c2772"]
    let table = Table(
      columns: [Column("")] + long.enumerated().map { Column($1, truncatable: true, shortTitle: String($0 + 1)) },
      rows: [[.text("≠"), .text("Ukraine"), .text("·"), .text("Ukraine")], [.text(""), .text("is"), .text("is"), .text("is")]])
    let narrow = Renderers.render(Output([.table(table)]), options: RenderOptions(format: .table, width: 40))
    #expect(narrow.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 40 }, "\(narrow)")
    #expect(narrow.hasPrefix("   1        2   3"), "\(narrow)")
    for (index, id) in long.enumerated() { #expect(narrow.contains("\(index + 1)  \(id)"), "\(narrow)") }
    let wide = Renderers.render(Output([.table(table)]), options: RenderOptions(format: .table, width: 120))
    #expect(wide.hasPrefix("   000_b917d12392388f0a  001_"), "\(wide)")
    #expect(!wide.contains("1  000_"), "\(wide)")
  }

  @Test func colorsOnlyWhenAsked() {
    let plain = Renderers.render(Self.sample, options: RenderOptions(format: .table))
    let colored = Renderers.render(Self.sample, options: RenderOptions(format: .table, color: true))
    #expect(!plain.contains("\u{1B}["))
    #expect(colored.contains("\u{1B}[1m"))
  }

  @Test func jsonKeepsDocumentTextExactAndEscaped() {
    let json = Renderers.render(Self.sample, options: RenderOptions(format: .json))
    #expect(!json.unicodeScalars.contains("\u{1B}"))
    #expect(json.contains(#"evil \u001b]0;pwned\u0007 title"#))
  }

  @Test func csvEscapesControlsOnlyAtATerminal() {
    let file = Renderers.render(Self.sample, options: RenderOptions(format: .csv))
    let terminal = Renderers.render(Self.sample, options: RenderOptions(format: .csv, terminal: true))
    #expect(file.unicodeScalars.contains("\u{1B}"))
    #expect(!terminal.unicodeScalars.contains("\u{1B}"))
  }

  @Test func jsonValuesSerializeStably() {
    let value: JSONValue = .object([("b", .int(1)), ("a", .array([.null, .bool(true), .double(2.5), .double(3), .string("x\"y")]))])
    #expect(value.serialized(pretty: false) == #"{"b":1,"a":[null,true,2.5,3.0,"x\"y"]}"#)
    #expect(JSONValue.array([]).serialized() == "[]")
  }
}

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("\u{1B}]0;pwned\u{07}", "\\x1B]0;pwned\\x07"),
    ("\u{1B}[2J", "\\x1B[2J"),
    ("a\u{9B}b", "a\\u{9B}b"),
    ("left\u{202E}right", "left<U+202E>right"),
    ("del\u{7F}", "del\\x7F"),
    ("keep\nlines\tand tabs", "keep\nlines\tand tabs"),
  ])
  func escapesControlCharacters(_ raw: String, _ shown: String) {
    #expect(TerminalText.escape(raw) == shown)
  }

  @Test func measuresDisplayWidth() {
    #expect(TerminalText.width("abc") == 3)
    #expect(TerminalText.width("東京") == 4)
    #expect(TerminalText.width("e\u{301}") == 1)
    #expect(TerminalText.truncate("abcdefgh", to: 5) == "abcd…")
    #expect(TerminalText.truncate("東京東京", to: 5) == "東京…")
    #expect(TerminalText.truncate("abc", to: 5) == "abc")
  }
}
