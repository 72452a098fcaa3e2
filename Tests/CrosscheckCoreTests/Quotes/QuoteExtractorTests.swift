import Testing
@testable import CrosscheckCore

/// Quote spans on short texts; the expected quoted words are marked inline with ⟦ ⟧.
@Suite struct QuoteExtractorTests {
  /// The text without markers, and the marked spans as code point ranges (outer first).
  static func unmark(_ marked: String) -> (String, [Range<Int>]) {
    var text = ""
    var opens: [Int] = []
    var spans: [Range<Int>] = []
    var offset = 0
    for scalar in marked.unicodeScalars {
      switch scalar {
      case "⟦": opens.append(offset)
      case "⟧": spans.append(opens.removeLast()..<offset)
      default:
        text.unicodeScalars.append(scalar)
        offset += 1
      }
    }
    return (text, spans.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) })
  }

  static func spans(_ text: String) -> [Range<Int>] {
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    let quoteText = QuoteText(document)
    return QuoteExtractor().quotes(in: quoteText).map { document.scalarRange($0.range) }
  }

  @Test(arguments: [
    "Rutte visited Kyiv. “⟦Ukraine is closer to NATO than ever before,⟧” he said.",
    "“⟦Jointly intercepting missiles, and especially ‘⟦Shaheds,⟧’ which link the regimes,⟧” Zelensky said.",
    "He didn’t say Kyiv’s plan dated from the ’90s, or the '80s either.",
    "“⟦Ukraine is closer to NATO membership “⟦than before,⟧⟧” said Rutte.",
    "Rutte said the bridge was “⟦basically built.⟧\n“⟦And I think the day will come,⟧” he said.",
    "\"⟦We will rebuild,⟧\" Mayor Jane Smith said. \"⟦Starting today.⟧\"",
    "\"⟦They asked, '⟦Why now?⟧' and we had no answer,⟧\" she said.",
    "They discussed the so-called “⟦victory plan⟧” on Thursday.",
    "The rock band’s ‘⟦Greatest Hits⟧’ album sold well, the Farouks’ shop said.",
    "No quotes here at all, just words.",
    "«⟦Nous restons,⟧» said the minister.",
    "She said: ‘⟦We are staying in Kyiv.⟧’",
    "‘⟦The players’ union agreed to the deal,⟧’ he said.",
    "‘⟦He told me “⟦never again⟧”,⟧’ she said.",
  ])
  func findsTheQuotedWords(_ marked: String) {
    let (text, expected) = Self.unmark(marked)
    #expect(Self.spans(text) == expected, "\(text)")
  }

  @Test func aQuoteLeftOpenRunsToTheEndOfItsParagraph() {
    let text = "“We pulled 37 people off porches.\n“Every one is accounted for,” he said."
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    let quotes = QuoteExtractor().quotes(in: QuoteText(document))
    #expect(quotes.count == 2)
    #expect(quotes[0].closeMark == nil)
    #expect(document.string(quotes[0].range) == "We pulled 37 people off porches.")
    #expect(quotes[1].closeMark != nil)
  }
}
