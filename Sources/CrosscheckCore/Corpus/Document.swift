/// The kinds of files documents come from.
package enum DocumentFormat: String, Sendable, CaseIterable {
  case text = "txt"
  case markdown = "md"
  case jsonLines = "jsonl"
  case html = "html"
}

/// A part of a document's text that analyses do not see, and why.
package struct ExcludedSpan: Sendable, Equatable {
  /// Why a span is excluded.
  package enum Reason: Sendable, Equatable, Hashable {
    case frontMatter
    case headline
    case boilerplate(BoilerplateKind)

    /// A short identifier: `front matter`, `headline`, or the boilerplate kind's.
    package var name: String {
      switch self {
      case .frontMatter: return "front matter"
      case .headline: return "headline"
      case .boilerplate(let kind): return kind.rawValue
      }
    }

    /// A human-readable explanation.
    package var description: String {
      switch self {
      case .frontMatter: return "front matter"
      case .headline: return "headline"
      case .boilerplate(let kind): return kind.description
      }
    }

    /// Whether the span is page furniture (not front matter or the headline).
    package var isBoilerplate: Bool {
      if case .boilerplate = self { return true }
      return false
    }
  }
  /// Byte range in the document's text.
  package var range: Range<Int>
  /// Why analyses leave it out.
  package var reason: Reason

  /// A span of `range` left out for `reason`.
  package init(range: Range<Int>, reason: Reason) {
    self.range = range
    self.reason = reason
  }
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
/// The text is kept exactly as decoded; excluded spans (front matter, a headline,
/// boilerplate lines) stay in it so that offsets never move, and analyses look only at the
/// body.
package struct Document: Sendable {
  /// The document's id: its file stem, or its JSONL `id`.
  package internal(set) var id: String
  /// Where it was loaded from (`path`, or `path:LINE` for a JSONL record).
  package let origin: String
  package let format: DocumentFormat
  package let buffer: TextBuffer
  package var metadata: DocumentMetadata
  /// Spans left out of analyses, in text order.
  package let excluded: [ExcludedSpan]
  package let tokens: [Token]
  package let paragraphs: [Paragraph]
  package let sentences: [Sentence]
  /// Number of word and number tokens in the body.
  package let wordCount: Int
  /// Things worth telling about how it was read (replaced bytes, line endings).
  package let notes: [String]
  /// Whether the article's last body paragraph stops mid-sentence.
  package let truncated: Bool
  /// Body paragraphs before the last that stop mid-sentence (a cut-off paragraph), by byte range.
  package let internalTruncations: [Range<Int>]
  /// What the loader was given, for analysing again with corpus-level knowledge.
  let stated: DocumentMetadata
  let given: [ExcludedSpan]

  /// The original text.
  package var text: String { buffer.text }

  /// The excluded spans that are boilerplate (not front matter or the headline).
  package var boilerplate: [ExcludedSpan] { excluded.filter(\.reason.isBoilerplate) }

  /// Reads and analyses a document.
  /// - Parameters:
  ///   - id: the document id.
  ///   - origin: where it came from, for messages.
  ///   - text: its text as decoded.
  ///   - format: the kind of file; Markdown paragraphs are blank-line separated.
  ///   - metadata: what the file or record states; the rest is inferred from the text.
  ///   - excluded: spans that are not article text (front matter, boilerplate known from
  ///     the corpus).
  ///   - notes: remarks from loading.
  package init(
    id: String, origin: String, text: String, format: DocumentFormat,
    metadata: DocumentMetadata = DocumentMetadata(), excluded: [ExcludedSpan] = [], notes: [String] = []
  ) {
    self.id = id
    self.origin = origin
    self.format = format
    self.notes = notes
    self.stated = metadata
    self.given = excluded
    let buffer = TextBuffer(text)
    self.buffer = buffer
    let bytes = buffer.bytes

    var excluded = excluded
    let bodyStart = excluded.filter { $0.reason == .frontMatter }.map(\.range.upperBound).max() ?? 0
    let style: ParagraphStyle =
      format == .markdown || format == .html ? .blankLineSeparated : ParagraphSplitter.style(ofPlainText: bytes)
    var paragraphRanges = ParagraphSplitter.paragraphs(in: bytes, range: bodyStart..<bytes.count, style: style)
      .filter { !ParagraphSplitter.isBlank(bytes, $0) }
    // Spans the loader already knows to be boilerplate.
    let known = excluded.filter(\.reason.isBoilerplate)
    if !known.isEmpty {
      paragraphRanges.removeAll { range in known.contains { $0.range.overlaps(range) } }
    }

    var inferredTitle: MetadataValue? = nil
    if let headline = MetadataInference.headline(buffer: buffer, paragraphs: paragraphRanges, format: format),
      metadata.title == nil || metadata.title?.value == headline.title.value
    {
      excluded.append(ExcludedSpan(range: paragraphRanges[headline.index], reason: .headline))
      paragraphRanges.remove(at: headline.index)
      inferredTitle = headline.title
    }
    let title = metadata.title?.value ?? inferredTitle?.value
    let findings = BoilerplateDetector().boilerplate(in: buffer, paragraphs: paragraphRanges, title: title)
    if !findings.isEmpty {
      var skip = Set<Int>()
      for finding in findings {
        excluded.append(ExcludedSpan(range: finding.range, reason: .boilerplate(finding.kind)))
        skip.insert(finding.range.lowerBound)
      }
      paragraphRanges.removeAll { skip.contains($0.lowerBound) }
    }
    var inferred = MetadataInference.infer(buffer: buffer, body: paragraphRanges, boilerplate: findings)
    inferred.title = inferredTitle
    self.metadata = metadata.filling(from: inferred)
    self.excluded = excluded.sorted { $0.range.lowerBound < $1.range.lowerBound }

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
    let detector = TruncationDetector()
    let cut = paragraphs.indices.filter { detector.isCutOff(buffer: buffer, paragraph: paragraphs[$0], tokens: tokens, isLast: $0 == paragraphs.count - 1) }
    self.truncated = cut.last == paragraphs.count - 1 && !paragraphs.isEmpty
    self.internalTruncations = cut.filter { $0 != paragraphs.count - 1 }.map { paragraphs[$0].range }
  }

  /// The same document analysed again with `spans` known to be boilerplate from the corpus
  /// (lines repeated across one outlet's articles, replacing those of an earlier pass), or
  /// with other stated metadata.
  package func reanalysed(excluding spans: [ExcludedSpan], metadata replacement: DocumentMetadata? = nil) -> Document {
    // Spans an earlier corpus pass added are replaced, not kept: `spans` says what holds now.
    let loaded = given.filter { $0.reason != .boilerplate(.outletRepeated) }
    return Document(id: id, origin: origin, text: text, format: format, metadata: replacement ?? stated, excluded: loaded + spans, notes: notes)
  }

  /// The same document under another id (when its own is taken).
  package func renamed(_ id: String) -> Document {
    var copy = self
    copy.id = id
    return copy
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
