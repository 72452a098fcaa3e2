import CrosscheckCore
import CrosscheckTestSupport
import Foundation
import Testing
@testable import CrosscheckShell

/// The tags of an HTML page, read with a small scanner: enough to check markup that
/// crosscheck wrote, where every `<` outside tags is escaped.
struct HTMLTag: Equatable {
  var name: String
  var attributes: [(String, String)]
  var closing: Bool

  static func == (a: HTMLTag, b: HTMLTag) -> Bool {
    a.name == b.name && a.closing == b.closing && a.attributes.elementsEqual(b.attributes, by: { $0 == $1 })
  }

  /// Every tag of `html`; nil when a `<` does not start a well-formed tag.
  static func tags(in html: String) -> [HTMLTag]? {
    var tags: [HTMLTag] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      guard let close = rest.firstIndex(of: ">") else { return nil }
      let body = rest[..<close]
      rest = rest[rest.index(after: close)...]
      if body.hasPrefix("!DOCTYPE") { continue }
      guard let tag = parse(body) else { return nil }
      tags.append(tag)
    }
    return tags
  }

  private static func parse(_ body: Substring) -> HTMLTag? {
    var text = body
    let closing = text.hasPrefix("/")
    if closing { text = text.dropFirst() }
    let name = text.prefix { $0.isLetter || $0.isNumber }
    guard !name.isEmpty else { return nil }
    text = text.dropFirst(name.count)
    var attributes: [(String, String)] = []
    while true {
      text = text.drop { $0 == " " }
      if text.isEmpty { break }
      let attribute = text.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
      guard !attribute.isEmpty else { return nil }
      text = text.dropFirst(attribute.count)
      guard text.hasPrefix("=\"") else {
        attributes.append((String(attribute), ""))
        continue
      }
      text = text.dropFirst(2)
      guard let end = text.firstIndex(of: "\"") else { return nil }
      attributes.append((String(attribute), String(text[..<end])))
      text = text[text.index(after: end)...]
    }
    return HTMLTag(name: String(name).lowercased(), attributes: attributes, closing: closing)
  }
}

@Suite struct ReportCommandTests {
  static let fixtures = (#filePath as NSString).deletingLastPathComponent + "/Fixtures/report"

  static func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "crosscheck-report-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A new temporary folder holding an empty `corpus` folder and an empty `out` folder.
  static func corpusAndOutputFolders() throws -> (root: String, corpus: String, output: String) {
    let root = try temporaryFolder()
    for name in ["corpus", "out"] { try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true) }
    return (root, root + "/corpus", root + "/out")
  }

  /// Runs `commands` in a new shell on `corpus`; the shell's console.
  @discardableResult
  static func run(_ commands: [String], on corpus: String = fixtures) -> TestConsole {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(corpus)'")
    console.output = ""
    for command in commands { #expect(shell.execute(command), "\(command): \(console.errors)") }
    return console
  }

  static func read(_ path: String) throws -> String {
    String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
  }

  /// The tags and attributes the report is made of; anything else would come from a document.
  static let allowedTags: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "h3", "p", "nav", "a", "main", "section",
    "table", "thead", "tbody", "tr", "th", "td", "span", "strong", "button", "ol", "ul", "li", "article", "footer", "script",
    "del", "ins", "mark",
  ]
  static let allowedAttributes: Set<String> = [
    "lang", "charset", "name", "content", "http-equiv", "class", "id", "title", "href", "type", "aria-expanded",
    "aria-controls", "data-detail", "data-all", "colspan",
  ]

  /// Checks that `html` is made only of the report's own markup: known tags and attributes,
  /// links only within the page, one script.
  static func expectOnlyOwnMarkup(_ html: String) throws {
    let tags = try #require(HTMLTag.tags(in: html), "a '<' that starts no tag")
    for tag in tags {
      #expect(allowedTags.contains(tag.name), "unexpected tag <\(tag.name)>")
      for (name, value) in tag.attributes {
        #expect(allowedAttributes.contains(name), "unexpected attribute \(name) on <\(tag.name)>")
        if name == "href" { #expect(value.hasPrefix("#"), "a link out of the page: \(value)") }
      }
    }
    #expect(tags.filter { $0.name == "script" }.count == 2, "one <script> and its end tag")
  }

  @Test func theFixtureReportIsAsRecorded() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let console = Self.run(["report '\(folder)/report.html' --title 'Pier 4'"])
    #expect(console.output.hasPrefix("Wrote \(folder)/report.html: 3 sources, 2 quote groups, 6 claim groups (0 conflicts), 1 pair side by side"))
    let html = try Self.read(folder + "/report.html")
    #expect(Golden.mismatch(html, path: Golden.folder() + "/Golden/report.html") == nil)
    try Self.expectOnlyOwnMarkup(html)
  }

  @Test func showsEachPart() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    Self.run(["report '\(folder)/r.html'"])
    let html = try Self.read(folder + "/r.html")
    // The sources table, the heat map with the pair's shade, the quote matrix with a
    // verbatim and a variant cell, the collation, the claims and the texts.
    for id in ["bay-times", "harbour-wire", "island-radio"] { #expect(html.contains(">\(id)</a></td>")) }
    #expect(html.contains("<td class=\"h3\" title=\"bay-times and harbour-wire: 0.286\">.29</td>"))
    #expect(html.contains("<tr class=\"group-row\" id=\"quote-group-Q1\" data-detail=\"renderings-Q1\">"))
    #expect(html.contains("<a class=\"reworded\" href=\"#quote-q1\""))
    #expect(html.contains("<a class=\"verbatim\" href=\"#quote-q2\""))
    #expect(html.contains("<td class=\"x\">standing</td>"), "a word only some renderings have is marked")
    #expect(html.contains("<span class=\"badge updated\">updated</span>"))
    #expect(html.contains("<span id=\"quote-q1\" class=\"quote\" title=\"Q1 · Elena Marsh · reworded\">We are lucky"))
    #expect(html.contains("<a class=\"tag\" href=\"#quote-group-Q1\">Q1</a>"))
    #expect(html.contains("<a id=\"claim-c4\" class=\"claim\" title=\"C2 · updated · people: dock workers\" href=\"#claim-group-C2\">two dock workers</a>"))
    #expect(html.contains("<h3 id=\"pair-1\">1 <span class=\"id\">bay-times</span> ↔ 2 <span class=\"id\">harbour-wire</span></h3>"))
    #expect(html.contains(" <a href=\"#pair-1\">side by side</a></li>"), "the pair list leads to the pair's diff")
  }

  @Test func theClaimsListConflictsFirst() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sample = (#filePath as NSString).deletingLastPathComponent + "/../../samples/riverton-flood"
    Self.run(["report '\(folder)/r.html'"], on: sample)
    let html = try Self.read(folder + "/r.html")
    let verdicts = html.components(separatedBy: "<span class=\"badge ").dropFirst().map { $0.prefix { $0 != "\"" } }
    let firstOther = try #require(verdicts.firstIndex { $0 != "conflict" })
    #expect(firstOther > 0)
    #expect(!verdicts[firstOther...].contains("conflict"))
    // The figures only one source gives come last, under their own heading.
    let firstSingle = try #require(verdicts.firstIndex { $0 == "single" })
    #expect(verdicts[firstSingle...].allSatisfy { $0 == "single" })
    #expect(verdicts[..<firstSingle].contains("consistent"))
    #expect(html.contains("<th colspan=\"5\">Figures only one source gives</th>"))
  }

  @Test func documentTextCannotAddMarkup() throws {
    let (root, corpus, folder) = try Self.corpusAndOutputFolders()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let payloads = [
      "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<a href=\"javascript:alert(3)\">x</a>",
      "</script><script>alert(4)</script>", "\"><svg onload=alert(5)>", "' onmouseover='alert(6)", "&lt;b&gt;",
    ]
    let hostile = payloads.joined(separator: " ")
    let text = """
      ---
      title: \(hostile)
      outlet: <b onclick=alert(7)>Outlet</b>
      ---
      A crane fell on 12 <i>March</i> and injured 3 workers <script>alert(8)</script>.

      "We are lucky \(hostile) nobody was hurt," said port director Elena <b>Marsh</b>.

      "\(hostile)," said Marsh.
      """
    let copy = "A crane fell on 12 March and injured 4 workers.\n\n\"We are lucky nobody was hurt,\" said port director Elena Marsh.\n\n\"<script>alert(9)</script>,\" said Marsh.\n"
    _ = FileManager.default.createFile(atPath: corpus + "/<img src=x onerror=alert(10)>.md", contents: Data(text.utf8))
    _ = FileManager.default.createFile(atPath: corpus + "/copy.txt", contents: Data(copy.utf8))
    Self.run(["report '\(folder)/r.html' --pair 1,2"], on: corpus)
    let html = try Self.read(folder + "/r.html")
    try Self.expectOnlyOwnMarkup(html)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&lt;img src=x onerror=alert(10)&gt;"))
    #expect(html.contains("&amp;lt;b&amp;gt;"), "an entity in the text is shown as written")
    #expect(!html.contains("javascript:alert(3)\""))
    for number in 1...10 { #expect(html.contains("alert(\(number))"), "payload \(number) is shown as text") }
  }

  /// Every piece of text goes through the renderer's `shown`, so that a setting can hide
  /// the sources' names everywhere on the page.
  @Test func everyTextPassesThroughShown() throws {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(Self.fixtures)'")
    let analyses = CorpusAnalyses(in: CommandContext(shell: shell))
    let content = ReportContent(analyses: analyses, title: "Pier 4", pairs: [(0, 1)], settings: shell.settings)
    var renderer = HTMLReportRenderer()
    let names = ["bay-times": "Source A", "Bay Times": "Source A", "harbour-wire": "Source B", "Harbour Wire": "Source B"]
    renderer.shown = { text in names.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
    let html = renderer.render(content)
    for name in names.keys { #expect(!html.contains(name), "\(name) is hidden") }
    #expect(html.contains("<td>Source B</td>"))
  }

  @Test func controlCharactersAreShownNotWritten() {
    #expect(HTML.escape("a\u{1B}[31mb\u{0}c\u{7F}") == "a\u{241B}[31mb\u{2400}c\u{2421}")
    #expect(HTML.escape("tab\there\nline") == "tab\there\nline")
    #expect(HTML.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
  }

  /// Overlapping spans become properly nested elements, and nothing opens inside a claim.
  @Test func marksNest() throws {
    let document = Document(id: "d", origin: "d", text: "He said “we lost 40 boats and 3 nets” today.", format: .text)
    let bytes = Array("He said “we lost 40 boats and 3 nets” today.".utf8)
    func byte(_ text: String) -> Int {
      let needle = Array(text.utf8)
      return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle } ?? bytes.count
    }
    func mark(_ kind: ReportContent.TextMark.Kind, _ from: String, _ to: String, _ id: String) -> ReportContent.TextMark {
      let end = byte(to) + to.utf8.count
      return ReportContent.TextMark(kind: kind, range: byte(from)..<end, id: id, group: id.uppercased(), note: id, flagged: false, isTerm: false)
    }
    let marks = [
      mark(.quote, "we", "nets", "q1"), mark(.claim, "40", "boats", "c1"), mark(.quote, "boats", "3", "q2"),
      mark(.claim, "3", "today", "c2"),
    ]
    let html = HTMLReportRenderer().marked(document, 0..<bytes.count, marks: marks)
    #expect(html == """
      He said “<span id="quote-q1" class="quote" title="q1">we lost <a id="claim-c1" class="claim" title="c1" href="#claim-group-C1">40 boats</a> and \
      <a id="claim-c2" class="claim" title="c2" href="#claim-group-C2">3 nets</a></span>”<a class="tag" href="#quote-group-Q1">Q1</a> today.
      """)
    let tags = try #require(HTMLTag.tags(in: html))
    var open: [String] = []
    for tag in tags {
      if tag.closing { #expect(open.popLast() == tag.name) } else { open.append(tag.name) }
    }
    #expect(open.isEmpty)
  }

  @Test func theScriptDigestMatchesTheScript() throws {
    let openssl = ["/usr/bin/openssl", "/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let path = try #require(openssl, "openssl computes the digest")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["dgst", "-sha256", "-binary"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(ReportAssets.script.utf8))
    try input.fileHandleForWriting.close()
    let digest = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(ReportAssets.scriptDigest == "sha256-" + digest.base64EncodedString())
  }

  @Test func optionsChooseSourcesAndPairs() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let console = Self.run([
      "report '\(folder)/a.html' --source bay,harbour --pairs 0 --format json",
      "report '\(folder)/b.html' --pair 3,1 --pair harbour,bay",
    ])
    #expect(console.output.contains("\"documents\": 2"))
    #expect(console.output.contains("\"pairs\": []"))
    #expect(console.output.contains("2 pairs side by side"))
    let a = try Self.read(folder + "/a.html")
    #expect(!a.contains("island-radio"))
    #expect(!a.contains("id=\"pairs\""))
    let b = try Self.read(folder + "/b.html")
    #expect(b.contains("<h3 id=\"pair-1\">3 <span class=\"id\">island-radio</span> ↔ 1 <span class=\"id\">bay-times</span></h3>"))
    #expect(b.contains("<h3 id=\"pair-2\">2 <span class=\"id\">harbour-wire</span> ↔ 1 <span class=\"id\">bay-times</span></h3>"))
  }

  @Test(arguments: [
    ("report", "'report' needs FILE"),
    ("report x.html --pair 1", "'--pair' needs two documents separated by a comma, not '1'"),
    ("report x.html --pair 1,1", "'--pair' needs two different documents"),
    ("report x.html --pair 1,nowhere", "nowhere"),
    ("report x.html --pairs many", "'--pairs' needs a whole number, not 'many'"),
    ("report x.html --source bay --pair 1,3", "names a document left out by --source"),
    ("report /no/such/folder/x.html", "cannot write '/no/such/folder/x.html'"),
  ])
  func refusesWhatItCannotDo(_ command: String, _ message: String) {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(Self.fixtures)'")
    #expect(!shell.execute(command))
    #expect(console.errors.contains(message), "\(console.errors)")
  }

  @Test func aLargeCorpusLeavesMostTextsOut() throws {
    let (root, corpus, folder) = try Self.corpusAndOutputFolders()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let count = ReportContent.textLimit + 3
    for number in 0..<count {
      let text = "Report \(number)\n\nThe ferry number \(number) left the island harbour at dawn with \(number + 10) passengers. \"We sail at dawn,\" said captain Ade Bello.\n"
      _ = FileManager.default.createFile(atPath: corpus + String(format: "/%04d.txt", number), contents: Data(text.utf8))
    }
    Self.run(["report '\(folder)/r.html'"], on: corpus)
    let html = try Self.read(folder + "/r.html")
    #expect(html.components(separatedBy: "<article class=\"document\"").count - 1 == ReportContent.textLimit)
    #expect(html.contains("The texts of the other 3 documents are left out"))
    #expect(!html.contains("<table class=\"heatmap\">"), "no heat map of \(count) sources")
    #expect(html.contains("<th class=\"num\">sources</th>"), "the quote matrix counts sources instead")
  }

  @Test func anEmptySessionHasNothingToReport() {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(!shell.execute("report x.html"))
    #expect(console.errors.contains("no documents are loaded"))
  }
}
