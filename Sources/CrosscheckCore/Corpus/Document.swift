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
///
/// Stored as 32-bit offsets, like `Sentence`.
package struct Paragraph: Sendable, Equatable {
  @CompactRange package var range: Range<Int>
  @CompactRange package var tokens: Range<Int>
  /// The indices of its sentences in the document's sentence array.
  @CompactRange package var sentences: Range<Int>

  package init(range: Range<Int>, tokens: Range<Int>, sentences: Range<Int>) {
    self.range = range
    self.tokens = tokens
    self.sentences = sentences
  }
}

/// A loaded article: its original text, metadata and per-document analyses.
///
/// The text is kept exactly as decoded; excluded spans (front matter, a headline,
/// boilerplate lines) stay in it so that offsets never move, and analyses look only at the
/// body.
///
/// The text and analyses live in one shared, immutable object, so that a `Document` is two
/// words and a reference: a session's arrays of documents (the corpus, a load's report, the
/// writes waiting for the store) cost little beside the documents themselves.
package struct Document: Sendable {
  /// The document's id: its file stem, or its JSONL `id`.
  package internal(set) var id: String
  private var storage: DocumentStorage

  /// Where it was loaded from (`path`, or `path:LINE` for a JSONL record).
  package var origin: String { storage.origin }
  package var format: DocumentFormat { storage.format }
  package var buffer: TextBuffer { storage.buffer }
  package var metadata: DocumentMetadata {
    get { storage.metadata }
    set { storage = DocumentStorage(copying: storage, metadata: newValue) }
  }
  /// Spans left out of analyses, in text order.
  package var excluded: [ExcludedSpan] { storage.excluded }
  package var tokens: [Token] { storage.tokens }
  package var paragraphs: [Paragraph] { storage.paragraphs }
  package var sentences: [Sentence] { storage.sentences }
  /// Number of word and number tokens in the body.
  package var wordCount: Int { storage.wordCount }
  /// Things worth telling about how it was read (replaced bytes, line endings).
  package var notes: [String] { storage.notes }
  /// Whether the article's last body paragraph stops mid-sentence.
  package var truncated: Bool { storage.truncated }
  /// Body paragraphs before the last that stop mid-sentence (a cut-off paragraph), by byte range.
  package var internalTruncations: [Range<Int>] { storage.internalTruncations }
  /// What the loader was given, for analysing again with corpus-level knowledge.
  var stated: DocumentMetadata { storage.stated }
  var given: [ExcludedSpan] { storage.given }

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
    self.storage = DocumentStorage(
      origin: origin, buffer: TextBuffer(text), format: format, metadata: metadata, excluded: excluded, notes: notes)
  }

  init(id: String, storage: DocumentStorage) {
    self.id = id
    self.storage = storage
  }

  /// The same document analysed again with `spans` known to be boilerplate from the corpus
  /// (lines repeated across one outlet's articles, replacing those of an earlier pass), or
  /// with other stated metadata.
  package func reanalysed(excluding spans: [ExcludedSpan], metadata replacement: DocumentMetadata? = nil) -> Document {
    // Spans an earlier corpus pass added are replaced, not kept: `spans` says what holds now.
    let loaded = given.filter { $0.reason != .boilerplate(.outletRepeated) }
    // The text is the same: its bytes are shared, not copied.
    let storage = DocumentStorage(
      origin: origin, buffer: buffer, format: format, metadata: replacement ?? stated, excluded: loaded + spans, notes: notes)
    return Document(id: id, storage: storage)
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

/// A document's text and analyses, never changed once made: what a `Document` and its copies
/// share.
final class DocumentStorage: Sendable {
  let origin: String
  let format: DocumentFormat
  let buffer: TextBuffer
  let metadata: DocumentMetadata
  let excluded: [ExcludedSpan]
  let tokens: [Token]
  let paragraphs: [Paragraph]
  let sentences: [Sentence]
  let wordCount: Int
  let notes: [String]
  let truncated: Bool
  let internalTruncations: [Range<Int>]
  let stated: DocumentMetadata
  let given: [ExcludedSpan]

  /// Reads and analyses a document.
  /// - Parameters:
  ///   - origin: where it came from, for messages.
  ///   - buffer: its text as decoded.
  ///   - format: the kind of file; Markdown paragraphs are blank-line separated.
  ///   - metadata: what the file or record states; the rest is inferred from the text.
  ///   - excluded: spans that are not article text (front matter, boilerplate known from
  ///     the corpus).
  ///   - notes: remarks from loading.
  init(
    origin: String, buffer: TextBuffer, format: DocumentFormat,
    metadata: DocumentMetadata = DocumentMetadata(), excluded: [ExcludedSpan] = [], notes: [String] = []
  ) {
    self.origin = origin
    self.format = format
    self.notes = notes
    self.stated = metadata
    self.given = excluded
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
    self.tokens = tokens.trimmed()
    self.paragraphs = paragraphs.trimmed()
    self.sentences = sentences.trimmed()
    self.wordCount = tokens.reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
    let detector = TruncationDetector()
    let cut = paragraphs.indices.filter { detector.isCutOff(buffer: buffer, paragraph: paragraphs[$0], tokens: tokens, isLast: $0 == paragraphs.count - 1) }
    self.truncated = cut.last == paragraphs.count - 1 && !paragraphs.isEmpty
    self.internalTruncations = cut.filter { $0 != paragraphs.count - 1 }.map { paragraphs[$0].range }
  }

  /// The same parts with other metadata.
  convenience init(copying other: DocumentStorage, metadata: DocumentMetadata) {
    self.init(
      origin: other.origin, format: other.format, buffer: other.buffer, metadata: metadata, excluded: other.excluded,
      tokens: other.tokens, paragraphs: other.paragraphs, sentences: other.sentences, wordCount: other.wordCount,
      notes: other.notes, truncated: other.truncated, internalTruncations: other.internalTruncations,
      stated: other.stated, given: other.given)
  }

  /// Parts computed elsewhere (an earlier analysis, or a saved session), taken as given.
  init(
    origin: String, format: DocumentFormat, buffer: TextBuffer, metadata: DocumentMetadata, excluded: [ExcludedSpan],
    tokens: [Token], paragraphs: [Paragraph], sentences: [Sentence], wordCount: Int, notes: [String], truncated: Bool,
    internalTruncations: [Range<Int>], stated: DocumentMetadata, given: [ExcludedSpan]
  ) {
    self.origin = origin
    self.format = format
    self.buffer = buffer
    self.metadata = metadata
    self.excluded = excluded
    self.tokens = tokens
    self.paragraphs = paragraphs
    self.sentences = sentences
    self.wordCount = wordCount
    self.notes = notes
    self.truncated = truncated
    self.internalTruncations = internalTruncations
    self.stated = stated
    self.given = given
  }
}

extension Array {
  /// The same elements in storage of exactly their size: arrays grown by appending keep up
  /// to twice the room they need, which matters for what a session holds per document.
  func trimmed() -> [Element] {
    guard capacity > count else { return self }
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = buffer.initialize(fromContentsOf: self)
    }
  }
}

extension String {
  /// A Markdown ATX heading's text without its `#` marks.
  func strippingMarkdownHeading() -> String {
    guard hasPrefix("#") else { return self }
    return String(drop(while: { $0 == "#" })).trimmingSpaces()
  }
}
