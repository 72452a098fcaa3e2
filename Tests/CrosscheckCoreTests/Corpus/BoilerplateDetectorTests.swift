import Foundation
import Testing
@testable import CrosscheckCore

/// A corpus folder with a `gold/documents.json` answer key, scored line by line.
struct GoldCorpus: CustomStringConvertible, Sendable {
  /// The package's root folder.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let all = [
    GoldCorpus(path: packageRoot + "/../shared/corpus/rutte-kyiv"),
    GoldCorpus(path: packageRoot + "/samples/riverton-flood"),
    GoldCorpus(path: packageRoot + "/Tests/CrosscheckCoreTests/Fixtures/boilerplate"),
  ]

  let path: String
  var description: String { (path as NSString).lastPathComponent }
  var isPresent: Bool { FileManager.default.fileExists(atPath: path + "/gold/documents.json") }

  /// The gold records, one per file.
  func records() throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path + "/gold/documents.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
  }

  func document(_ file: String) throws -> Document {
    try #require(DocumentLoader().load([path + "/" + file], existing: Corpus()).loaded.first)
  }
}

@Suite struct BoilerplateDetectorTests {
  @Test(arguments: GoldCorpus.all)
  func removesExactlyTheGoldBoilerplateLines(corpus: GoldCorpus) throws {
    try #require(corpus.isPresent || corpus.description == "rutte-kyiv", "answer key missing at \(corpus.path)")
    guard corpus.isPresent else { return }  // the shared corpus lives beside the clone
    var found = 0
    var removed = 0
    var expected = 0
    for record in try corpus.records() {
      let file = try #require(record["file"] as? String)
      let document = try corpus.document(file)
      let gold = try #require(record["boilerplate"] as? [String])
      var remaining = gold
      for span in document.boilerplate {
        let text = document.string(span.range)
        if let index = remaining.firstIndex(of: text) {
          remaining.remove(at: index)
          found += 1
        } else {
          Issue.record("\(file): removed a body line [\(span.reason.name)] \(text)")
        }
      }
      for line in remaining { Issue.record("\(file): kept boilerplate \(line)") }
      removed += document.boilerplate.count
      expected += gold.count
      if let outlet = record["outlet"] as? String { #expect(document.metadata.outlet?.value == outlet, "\(file)") }
      if record["outlet"] is NSNull { #expect(document.metadata.outlet == nil, "\(file)") }
      if let title = record["title"] as? String { #expect(document.metadata.title?.value == title, "\(file)") }
      if record["title"] is NSNull { #expect(document.metadata.title == nil, "\(file)") }
      if let byline = record["byline"] as? String { #expect(document.metadata.author?.value == byline, "\(file)") }
      if let truncated = record["truncated"] as? Bool { #expect(document.truncated == truncated, "\(file)") }
      if let cuts = record["internal_truncations"] as? [[String: Any]] {
        let ends = document.internalTruncations.map { document.scalarRange($0).upperBound }
        #expect(ends == cuts.compactMap { $0["end"] as? Int }, "\(file)")
      }
    }
    let precision = removed == 0 ? 1 : Double(found) / Double(removed)
    let recall = expected == 0 ? 1 : Double(found) / Double(expected)
    #expect(precision == 1.0 && recall == 1.0, "boilerplate P=\(precision) R=\(recall)")
  }

  @Test(arguments: [
    ("Home » World » Europe", BoilerplateKind.navigation),
    ("News | Sport | Weather | Opinion", .navigation),
    ("Tags: flood, levee, Riverton", .navigation),
    ("Share this: Facebook | X | Email", .share),
    ("Facebook Twitter WhatsApp Email", .share),
    ("12 Comments", .comments),
    ("Leave a Reply", .comments),
    ("Your email address will not be published. Required fields are marked *", .comments),
    ("Also Read: Floods hit the coast", .link),
    ("READ MORE: What the levee report says", .link),
    ("Related stories", .link),
    ("About the Author", .authorBox),
    ("© 2031 Example Media Ltd", .copyright),
    ("Source: Tidewire", .sourceCredit),
    ("(Reporting by Jo Bell; Editing by Sam Roe)", .sourceCredit),
    ("Photo: Crews at work on Pier 4. (Post photo/Ana Kim)", .caption),
    ("Sign up for our daily newsletter", .newsletter),
    ("By Jane Doe, Tidewire | March 3, 2031", .byline),
    ("Posted on March 3, 2031 by Jane Doe", .byline),
    ("Watch the video above for the full report.", .media),
    ("Have a news tip? Email tips@example.org.", .contact),
    ("Advertisement", .advertisement),
  ])
  func classifiesWidgetLines(text: String, kind: BoilerplateKind) {
    #expect(BoilerplateDetector.kind(of: LineText(text), index: 5, count: 10, previous: nil) == kind)
  }

  @Test(arguments: [
    "By Friday morning the water had dropped far enough to wade across.",
    "NATO membership",
    "“Share the burden,” the minister said of the alliance's spending targets.",
    "Related talks will continue in Brussels next week, officials said.",
    "The photo: a crane lying across the pier, which officials released on Monday.",
    "More than 300 homes were flooded.",
    "Source material for the report came from three agencies, the board said.",
  ])
  func keepsBodyLines(text: String) {
    #expect(BoilerplateDetector.kind(of: LineText(text), index: 5, count: 10, previous: nil) == nil)
  }

  @Test func findsTeasersCaptionsAndRepeatedLinesFromTheRestOfThePage() {
    let text = """
      Harbour crane topples in storm

      A harbour crane fell during a storm on Monday, port officials said today.

      Harbour crane topples

      A harbour crane fell during a storm on Monday, port officials said today. Nobody was hurt.

      Crane at Pier 4

      The crane will be removed this week.

      Crane at Pier 4
      """
    let document = Document(id: "t", origin: "t", text: text, format: .markdown)
    #expect(document.metadata.title?.value == "Harbour crane topples in storm")
    #expect(document.boilerplate.map(\.reason) == [.boilerplate(.teaser), .boilerplate(.repeatedHeadline), .boilerplate(.repeatedLine), .boilerplate(.repeatedLine)])
    #expect(document.paragraphs.count == 2)
  }

  @Test func aLinkLineDoesNotSwallowTheSubheadingAfterIt() {
    let text = "The crane fell on Monday night at Pier 4, officials said.\n\nAlso Read: Storm closes the harbour\n\nWhat happens next\n\nThe port will reopen on Friday, officials said.\n\nRelated:\n- Crane inspections lag\n- Port budget grows"
    let document = Document(id: "t", origin: "t", text: text, format: .markdown)
    #expect(document.boilerplate.map { document.string($0.range) } == ["Also Read: Storm closes the harbour", "Related:", "- Crane inspections lag", "- Port budget grows"])
  }

  @Test func removedLinesKeepTheirOffsets() throws {
    let text = "Home » News » Crane falls\n\nCrane falls\n\nThe crane fell on Monday. Nobody was hurt.\n\nShare this: Facebook | X\n"
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    let share = try #require(document.boilerplate.last)
    #expect(document.scalarRange(share.range) == text.distance(of: "Share this")!..<(text.distance(of: "Share this")! + 24))
    #expect(document.sentences.map { document.string($0.range) } == ["The crane fell on Monday.", "Nobody was hurt."])
  }
}

@Suite struct BoilerplatePropertyTests {
  static let lines = [
    "Home » News » Local", "Share this: Facebook | X | Email", "0 Comment", "Also Read: Floods hit the coast",
    "About the author", "© 2031 Example Media. All rights reserved.", "Source: Tidewire", "By Jane Doe | March 3, 2031",
    "The crane fell at Pier 4 on Monday night, port officials said.", "“We were lucky,” said Dana Ortiz, the harbour master.",
    "Nobody was hurt.", "Officials said the crane had been due for an inspection in April and that",
    "Café owners on the quay said the storm — the worst in years — cost them a week’s trade.", "NATO membership", "\u{A0}", "",
    "Kyiv’s “bid” is 44.1% done, U.S. officials said.",
  ]

  @Test(arguments: 0..<200)
  func spansAndParagraphsTileTheTextWithoutMovingIt(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let count = Int.random(in: 1...14, using: &generator)
    let text = (0..<count).map { _ in Self.lines.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? "\n" : "\n\n")
    guard !text.unicodeScalars.allSatisfy(Characters.isSpace) else { return }
    let document = Document(id: "p", origin: "p", text: text, format: .text)
    #expect(document.text == text)
    // Excluded spans and body paragraphs never overlap, and together hold every non-blank line.
    let spans: [Range<Int>] = document.excluded.map { $0.range } + document.paragraphs.map { $0.range }
    let pieces = spans.sorted { $0.lowerBound < $1.lowerBound }
    for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(a.upperBound <= b.lowerBound, "overlap in \(text.debugDescription)") }
    let bytes = document.buffer.bytes
    for line in ParagraphSplitter.lines(in: bytes) where !ParagraphSplitter.isBlank(bytes, line) {
      let trimmed = ParagraphSplitter.trim(bytes, line)
      #expect(pieces.contains { $0.lowerBound <= trimmed.lowerBound && trimmed.upperBound <= $0.upperBound }, "line left out: \(document.string(trimmed))")
    }
    // Tokens lie inside body paragraphs, and scalar offsets give back the same text.
    for paragraph in document.paragraphs {
      for token in document.tokens[paragraph.tokens] { #expect(paragraph.range.contains(Int(token.start))) }
      let scalars = document.scalarRange(paragraph.range)
      let slice = String(String.UnicodeScalarView(Array(text.unicodeScalars)[scalars]))
      #expect(slice == document.string(paragraph.range))
    }
  }

  static let fragments = [
    "By", "Home", "»", "|", "©", "Posted", "on", "Nov.", "15,", "2024", "(", ")", "@", "a@b.c", "—", "\u{A0}", "é", "’s", "Photo:",
    "Related:", "-", "**", "I am", "for", "The", "Share", "0", "Comment", ".", "“", "”", "Source:", "newsletter", "\u{301}", "🙂", "#",
  ]

  @Test(arguments: 0..<300)
  func survivesFragmentsOfWidgetsAndBylines(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed) &+ 1_000)
    var text = ""
    for _ in 0..<Int.random(in: 1...40, using: &generator) {
      text += Self.fragments.randomElement(using: &generator)!
      text += ["", " ", " ", "\n", "\n\n"].randomElement(using: &generator)!
    }
    guard !text.unicodeScalars.allSatisfy(Characters.isSpace) else { return }
    let document = Document(id: "f", origin: "f", text: text, format: Bool.random(using: &generator) ? .text : .markdown)
    #expect(document.text == text)
    for span in document.excluded { #expect(span.range.upperBound <= document.buffer.bytes.count) }
    _ = Normalizer().normalized(text)
  }
}

@Suite struct BoilerplateOpeningTests {
  static let openings = BoilerplateDetector.captionOpenings + BoilerplateDetector.newsletterOpenings + BoilerplateDetector.mediaOpenings
    + BoilerplateDetector.contactOpenings
  static let pieces = ["photo", "(photo", "[", "join our ", "watch", ":", " ", "k", "\u{212A}", "\u{301}", "é", ";", "\u{37E}", "`", "\u{1FEF}", "", "İ", "tips:"]

  /// Reading only openings that share the first byte finds what comparing every opening finds.
  @Test func firstByteFilterFindsEveryOpening() {
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<5_000 {
      let lower = (0..<generator.inRange(0...4)).map { _ in Self.pieces[generator.below(Self.pieces.count)] }.joined().lowercased()
      #expect(BoilerplateDetector.opens(lower, withAnyOf: Self.openings) == Self.openings.contains { lower.hasPrefix($0) }, "\(lower.debugDescription)")
    }
    for opening in Self.openings { #expect(BoilerplateDetector.opens(opening + " and more", withAnyOf: Self.openings)) }
  }
}

@Suite struct LeadingNameTests {
  static let pieces = ["Jane", "Doe", "jane", "doe", ",", " ", "  ", "J.", "\u{301}", "É", "é", "\u{600}", "’", "is a reporter", "\"The", "I"]

  /// The byte test never rules out a name of two words that `leadingName` would find.
  @Test func byteTestRulesOutOnlyWhatLeadingNameRulesOut() {
    var generator = SeededGenerator(seed: 17)
    var ruledOut = 0
    for _ in 0..<20_000 {
      let text = (0..<generator.inRange(0...6)).map { _ in Self.pieces[generator.below(Self.pieces.count)] }.joined()
      let twoWords = (BoilerplateDetector.leadingName(text)?.count ?? 0) >= 2
      if !BoilerplateDetector.mayOpenWithTwoNameWords(text) {
        ruledOut += 1
        #expect(!twoWords, "\(text.debugDescription)")
      }
    }
    #expect(ruledOut > 5_000)
    #expect(BoilerplateDetector.mayOpenWithTwoNameWords("Jane Doe is a reporter for the Ledger."))
    #expect(!BoilerplateDetector.mayOpenWithTwoNameWords("The council said on Tuesday that it would act."))
  }
}
