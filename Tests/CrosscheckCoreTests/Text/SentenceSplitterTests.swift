import Testing
@testable import CrosscheckCore

@Suite struct SentenceSplitterTests {
  /// The sentences of a one-paragraph text.
  func sentences(_ text: String) -> [String] {
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    return document.sentences.map { document.string($0.range) }
  }

  @Test(arguments: [
    (
      "Oct. 3 (UPI) — NATO Secretary-General Mark Rutte made a surprise visit. He spoke.",
      ["Oct. 3 (UPI) — NATO Secretary-General Mark Rutte made a surprise visit.", "He spoke."]
    ),
    ("“Ukraine is closer to NATO than ever before,” he said. “And will continue.”", ["“Ukraine is closer to NATO than ever before,” he said.", "“And will continue.”"]),
    ("Mr. Smith met Gen. Jones. They talked.", ["Mr. Smith met Gen. Jones.", "They talked."]),
    ("U.S. allies have done so. Others have not.", ["U.S. allies have done so.", "Others have not."]),
    ("It was built in the U.S. The plant closed.", ["It was built in the U.S.", "The plant closed."]),
    ("Donald J. Trump spoke.", ["Donald J. Trump spoke."]),
    ("It cost $44.1 billion. Then it rose.", ["It cost $44.1 billion.", "Then it rose."]),
    ("Why? Nobody knows!", ["Why?", "Nobody knows!"]),
    ("“Why?” he asked.", ["“Why?” he asked."]),
    ("They met on Oct. 12 in Ramstein.", ["They met on Oct. 12 in Ramstein."]),
    ("He lives at No. 10 Downing St. in London.", ["He lives at No. 10 Downing St. in London."]),
    ("Apples, pears, etc. are fruit.", ["Apples, pears, etc. are fruit."]),
    ("The toll was 1,200. 14 more were hurt.", ["The toll was 1,200.", "14 more were hurt."]),
    ("He said (twice.) Then he left.", ["He said (twice.)", "Then he left."]),
    ("No full stop at the end", ["No full stop at the end"]),
    ("RIVERTON - Pumps started on Friday. Crews began.", ["RIVERTON - Pumps started on Friday.", "Crews began."]),
    ("KYIV, Ukraine (AP) — The NATO chief arrived. He spoke.", ["KYIV, Ukraine (AP) — The NATO chief arrived.", "He spoke."]),
    ("It opened at about 2:40 a.m. in a 60-foot section.", ["It opened at about 2:40 a.m. in a 60-foot section."]),
    ("J.R.R. Tolkien wrote it. It sold well.", ["J.R.R. Tolkien wrote it.", "It sold well."]),
    ("Mr.\u{A0}Smith arrived.\u{A0}He sat.", ["Mr.\u{A0}Smith arrived.", "He sat."]),
    ("Rain reached 4.6 inches. The river rose 8.4 feet.", ["Rain reached 4.6 inches.", "The river rose 8.4 feet."]),
    ("Sen. Elizabeth Warren, D-Mass., said no. St. Louis agreed.", ["Sen. Elizabeth Warren, D-Mass., said no.", "St. Louis agreed."]),
    ("“It is over.” The minister left.", ["“It is over.”", "The minister left."]),
    ("He said: “We will win. We will rebuild.” Then he left.", ["He said: “We will win.", "We will rebuild.”", "Then he left."]),
  ])
  func splits(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test func sentencesNeverCrossParagraphs() {
    let document = Document(id: "t", origin: "t", text: "First one. Two sentences.\nThis paragraph ends without a stop\nThird.", format: .text)
    #expect(document.paragraphs.count == 3)
    #expect(document.sentences.map { document.string($0.range) } == ["First one.", "Two sentences.", "This paragraph ends without a stop", "Third."])
  }

  @Test func aQuoteLeftOpenAtAParagraphEndDoesNotJoinTheNextParagraph() {
    let text = "“We pulled 37 people off porches, and every one of them is accounted for.\n“The water came up fast.”"
    #expect(sentences(text) == ["“We pulled 37 people off porches, and every one of them is accounted for.", "“The water came up fast.”"])
  }

  @Test func sentenceRangesLieInsideTheirParagraphsInOrder() throws {
    let document = Document(id: "t", origin: "t", text: try String(contentsOfFile: GoldCorpus.packageRoot + "/samples/riverton-flood/coastwire.txt", encoding: .utf8), format: .text)
    var previous = 0
    for paragraph in document.paragraphs {
      for sentence in document.sentences[paragraph.sentences] {
        #expect(paragraph.range.contains(sentence.range.lowerBound) && sentence.range.upperBound <= paragraph.range.upperBound)
        #expect(sentence.range.lowerBound >= previous)
        previous = sentence.range.upperBound
      }
    }
    #expect(document.sentences.count > 20)
  }

  @Test func markdownJoinsWrappedLines() {
    let document = Document(id: "t", origin: "t", text: "One line\nwrapped here.\n\nNext paragraph.", format: .markdown)
    #expect(document.paragraphs.count == 2)
    #expect(document.sentences.count == 2)
  }
}
