/// The kinds of files documents come from.
package enum DocumentFormat: String, Sendable, CaseIterable {
  case text = "txt"
  case markdown = "md"
  case jsonLines = "jsonl"
}

/// A part of a document's text that analyses do not see, and why.
package struct ExcludedSpan: Sendable, Equatable {
  /// Why a span is excluded.
  package enum Reason: String, Sendable {
    case frontMatter = "front matter"
    case headline = "headline"
  }
  /// Byte range in the document's text.
  package var range: Range<Int>
  package var reason: Reason
}

/// A paragraph: its byte range and the indices of its tokens.
package struct Paragraph: Sendable, Equatable {
  package var range: Range<Int>
  package var tokens: Range<Int>
  /// The indices of its sentences in the document's sentence array.
  package var sentences: Range<Int>
}

/// A loaded article: its original text, metadata and per-document analyses.
///
/// The text is kept exactly as decoded; excluded spans (front matter, a headline) stay in
/// it so that offsets never move, and analyses look only at the body.
package struct Document: Sendable {
  /// The document's id: its file stem, or its JSONL `id`.
  package let id: String
  /// Where it was loaded from (`path`, or `path:LINE` for a JSONL record).
  package let origin: String
  package let format: DocumentFormat
  package let buffer: TextBuffer
  package var metadata: DocumentMetadata
  package let excluded: [ExcludedSpan]
  package let tokens: [Token]
  package let paragraphs: [Paragraph]
  package let sentences: [Sentence]
  /// Number of word and number tokens in the body.
  package let wordCount: Int
  /// Things worth telling about how it was read (replaced bytes, line endings).
  package let notes: [String]

  /// The original text.
  package var text: String { buffer.text }

  /// Reads and analyses a document.
  /// - Parameters:
  ///   - id: the document id.
  ///   - origin: where it came from, for messages.
  ///   - text: its text as decoded.
  ///   - format: the kind of file; Markdown paragraphs are blank-line separated.
  ///   - metadata: what the file or record states; the rest is inferred from the text.
  ///   - excluded: spans that are not article text (front matter).
  ///   - notes: remarks from loading.
  package init(
    id: String, origin: String, text: String, format: DocumentFormat,
    metadata: DocumentMetadata = DocumentMetadata(), excluded: [ExcludedSpan] = [], notes: [String] = []
  ) {
    self.id = id
    self.origin = origin
    self.format = format
    self.notes = notes
    let buffer = TextBuffer(text)
    self.buffer = buffer
    let bytes = buffer.bytes

    var excluded = excluded
    let bodyStart = excluded.filter { $0.reason == .frontMatter }.map(\.range.upperBound).max() ?? 0
    let style: ParagraphStyle = format == .markdown ? .blankLineSeparated : ParagraphSplitter.style(ofPlainText: bytes)
    var paragraphRanges = ParagraphSplitter.paragraphs(in: bytes, range: bodyStart..<bytes.count, style: style)

    var inferred = MetadataInference.infer(buffer: buffer, paragraphs: paragraphRanges, format: format)
    if let headline = inferred.headline, metadata.title == nil || metadata.title?.value == buffer.string(headline).strippingMarkdownHeading() {
      excluded.append(ExcludedSpan(range: headline, reason: .headline))
      paragraphRanges.removeAll { $0 == headline }
    } else {
      inferred.metadata.title = nil
    }
    self.metadata = metadata.filling(from: inferred.metadata)
    self.excluded = excluded

    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    var tokens: [Token] = []
    var paragraphs: [Paragraph] = []
    var sentences: [Sentence] = []
    bytes.withUnsafeBufferPointer { pointer in
      for range in paragraphRanges {
        let first = tokens.count
        tokens.append(contentsOf: tokenizer.tokens(in: pointer, range: range))
        let firstSentence = sentences.count
        sentences.append(contentsOf: splitter.sentences(bytes: bytes, tokens: tokens, range: first..<tokens.count))
        paragraphs.append(Paragraph(range: range, tokens: first..<tokens.count, sentences: firstSentence..<sentences.count))
      }
    }
    self.tokens = tokens
    self.paragraphs = paragraphs
    self.sentences = sentences
    self.wordCount = tokens.reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
  }

  /// The text of a byte range.
  package func string(_ range: Range<Int>) -> String { buffer.string(range) }

  /// A byte range as scalar offsets (the offsets of the JSON interface).
  package func scalarRange(_ range: Range<Int>) -> Range<Int> {
    buffer.scalarOffset(ofByte: range.lowerBound)..<buffer.scalarOffset(ofByte: range.upperBound)
  }
}

extension String {
  /// A Markdown ATX heading's text without its `#` marks.
  func strippingMarkdownHeading() -> String {
    guard hasPrefix("#") else { return self }
    return String(drop(while: { $0 == "#" })).trimmingSpaces()
  }
}
