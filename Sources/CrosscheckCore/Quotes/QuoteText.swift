/// The parts of a document that quotes are looked for in: its headline and body paragraphs,
/// with their tokens, in text order.
///
/// The headline is left out of the document's body, but headlines quote people too
/// ("NATO chief declares path ‘irreversible’"), so it is tokenized here again.
package struct QuoteText {
  /// A paragraph (or the headline) and its tokens.
  package struct Segment: Sendable {
    package var range: Range<Int>
    package var tokens: Range<Int>
    package var isHeadline: Bool
  }

  package let bytes: [UInt8]
  package let tokens: [Token]
  package let segments: [Segment]
  /// For every token, the index of its sentence (segments never share a sentence).
  package let sentenceOfToken: [Int32]
  /// The first token of every sentence, and one past the last token.
  package let sentenceStarts: [Int]

  /// Collects the headline and body of `document`.
  package init(_ document: Document) {
    let bytes = document.buffer.bytes
    self.bytes = bytes
    var tokens: [Token] = []
    var segments: [Segment] = []
    var sentenceStarts: [Int] = []
    let headlines = document.excluded.filter { $0.reason == .headline }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
    let tokenizer = Tokenizer()
    for headline in headlines {
      let first = tokens.count
      tokens += tokenizer.tokens(in: document.buffer, range: headline)
      segments.append(Segment(range: headline, tokens: first..<tokens.count, isHeadline: true))
      sentenceStarts.append(first)
    }
    let offset = tokens.count
    tokens += document.tokens
    for paragraph in document.paragraphs {
      segments.append(Segment(range: paragraph.range, tokens: paragraph.tokens.lowerBound + offset..<paragraph.tokens.upperBound + offset, isHeadline: false))
    }
    for sentence in document.sentences { sentenceStarts.append(sentence.tokens.lowerBound + offset) }
    // Keep segments in text order, so that a headline placed after the body stays in place.
    segments.sort { $0.range.lowerBound < $1.range.lowerBound }
    sentenceStarts.sort()
    var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
    var sentence = -1
    var next = 0
    for index in 0..<tokens.count {
      while next < sentenceStarts.count, sentenceStarts[next] <= index {
        sentence = next
        next += 1
      }
      sentenceOfToken[index] = Int32(max(sentence, 0))
    }
    sentenceStarts.append(tokens.count)
    self.tokens = tokens
    self.segments = segments
    self.sentenceOfToken = sentenceOfToken
    self.sentenceStarts = sentenceStarts
  }

  /// The text of a byte range.
  package func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  /// The text from the first to the last of a range of tokens.
  package func string(tokens range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    return string(Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
  }
}
