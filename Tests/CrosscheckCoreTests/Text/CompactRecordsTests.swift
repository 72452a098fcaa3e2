import Testing
@testable import CrosscheckCore

/// What a session keeps per token, sentence and paragraph stays small, and packing loses
/// nothing.
@Suite struct CompactRecordsTests {
  @Test func recordsKeepTheirSizes() {
    #expect(MemoryLayout<Token>.stride == 8)
    #expect(MemoryLayout<Sentence>.stride == 16)
    #expect(MemoryLayout<Paragraph>.stride == 24)
    // A document is its id and a reference to what it shares with its copies.
    #expect(MemoryLayout<Document>.stride <= 24)
  }

  @Test func tokensRoundTripTheirKindAndOffsets() {
    var generator = SeededGenerator(seed: 11)
    let kinds: [TokenKind] = [.word, .number, .punctuation]
    for _ in 0..<2_000 {
      let start = Int.random(in: 0...Int(Int32.max) - 1, using: &generator)
      let length = Int.random(in: 0...min(Token.maximumLength, Int(Int32.max) - start), using: &generator)
      let kind = kinds.randomElement(using: &generator)!
      var token = Token(kind: kind, start: start, end: start + length)
      #expect(token.kind == kind && token.range == start..<(start + length))
      // Changing one field leaves the others.
      let other = kinds.randomElement(using: &generator)!
      token.kind = other
      #expect(token.kind == other && token.range == start..<(start + length))
      token.end = Int32(start)
      #expect(token.kind == other && token.range == start..<start)
    }
  }

  @Test func sentencesAndParagraphsRoundTripTheirRanges() {
    var generator = SeededGenerator(seed: 12)
    func range() -> Range<Int> {
      let lower = Int.random(in: 0...Int(Int32.max), using: &generator)
      return lower..<Int.random(in: lower...Int(Int32.max), using: &generator)
    }
    for _ in 0..<1_000 {
      let (bytes, tokens, sentences) = (range(), range(), range())
      let sentence = Sentence(range: bytes, tokens: tokens)
      #expect(sentence.range == bytes && sentence.tokens == tokens)
      var paragraph = Paragraph(range: bytes, tokens: tokens, sentences: sentences)
      #expect(paragraph.range == bytes && paragraph.tokens == tokens && paragraph.sentences == sentences)
      paragraph.tokens = sentences
      #expect(paragraph.range == bytes && paragraph.tokens == sentences && paragraph.sentences == sentences)
    }
  }

  @Test func aDocumentKeepsItsTextOnceAndItsAnalysesWithoutSpareRoom() {
    let text = (1...40).map { "Paragraph \($0) says that 1,200 people left, “officials said.” Then more happened." }
      .joined(separator: "\n\n")
    let document = Document(id: "a", origin: "a.txt", text: text, format: .text)
    #expect(document.text == text)
    #expect(document.buffer.bytes.elementsEqual(text.utf8))
    #expect(document.tokens.count > 400)
    #expect(document.tokens.capacity < document.tokens.count + 8)
    #expect(document.sentences.capacity < document.sentences.count + 8)
    #expect(document.paragraphs.capacity < document.paragraphs.count + 8)
  }

  @Test func changingMetadataLeavesOtherCopiesAlone() {
    let document = Document(id: "a", origin: "a.txt", text: "Headline here\n\nA body paragraph that runs on.", format: .text)
    var copy = document
    copy.metadata.outlet = MetadataValue("Example Daily")
    #expect(copy.metadata.outlet?.value == "Example Daily")
    #expect(document.metadata.outlet == nil)
    #expect(copy.tokens == document.tokens)
    let renamed = document.renamed("b")
    #expect(renamed.id == "b" && document.id == "a" && renamed.text == document.text)
  }

  @Test func analysingAgainSharesTheText() {
    let document = Document(id: "a", origin: "a.txt", text: "Headline here\n\nA body paragraph.\n\nRead more at our site", format: .text)
    let again = document.reanalysed(excluding: [ExcludedSpan(range: 34..<55, reason: .boilerplate(.outletRepeated))])
    #expect(again.text == document.text)
    #expect(again.tokens.count < document.tokens.count)
    let original = document.buffer.bytes.withUnsafeBufferPointer { $0.baseAddress }
    #expect(again.buffer.bytes.withUnsafeBufferPointer { $0.baseAddress } == original)
  }
}
