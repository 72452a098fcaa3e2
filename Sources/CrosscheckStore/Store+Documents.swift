import CrosscheckCore
import Foundation
import GRDB

extension Store {
  // MARK: - Writing

  /// Writes loaded documents and their analyses, all in one transaction: after a crash the
  /// session holds either every document of the load or none of them.
  /// - Parameter analyses: the documents' analyses when already worked out, in the same order.
  /// - Complexity: O(n) in the size of the documents.
  package func add(_ documents: [Document], analyses known: [DocumentAnalysis]? = nil) throws(StoreError) {
    guard !documents.isEmpty else { return }
    precondition(known == nil || known?.count == documents.count, "one analysis per document")
    defer { invalidateSearchIndex() }
    // Analysed before the transaction, on every core: the write lock is held only to write.
    let analyses = known ?? DocumentAnalysis.of(documents)
    try Self.wrap("cannot write the session") {
      try writer.write { db in
        var key = try Int64.fetchOne(db, sql: "SELECT max(key) FROM documents") ?? 0
        // Sentence ids are never reused: the term postings of an unloaded document stay
        // until the rest of its load is gone, and must not name a newer sentence.
        var sentenceID = max(
          try Int64.fetchOne(db, sql: "SELECT max(id) FROM sentences") ?? 0,
          try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MetaRecord.lastSentenceID]).flatMap { Int64($0) } ?? 0)
        let firstSentence = sentenceID + 1
        let documentInsert = try BulkInsert<DocumentRecord>(db)
        let spanInsert = try BulkInsert<ExcludedSpanRecord>(db)
        let paragraphInsert = try BulkInsert<ParagraphRecord>(db)
        let sentenceInsert = try BulkInsert<SentenceRecord>(db)
        let tokensInsert = try BulkInsert<TokensRecord>(db)
        let layoutInsert = try BulkInsert<DocumentSentencesRecord>(db)
        let tokenizer = try TermTokenizer(db)
        var postings = TermPostingsBuilder()
        let analysisWriter = try AnalysisWriter(db)
        for (document, analysis) in zip(documents, analyses) {
          key += 1
          try documentInsert.insert(DocumentRecord(document, key: key))
          try analysisWriter.write(analysis, of: document, key: key)
          for (number, span) in document.excluded.enumerated() {
            let scalars = document.scalarRange(span.range)
            try spanInsert.insert(ExcludedSpanRecord(
              document: key, number: number, start: scalars.lowerBound, end: scalars.upperBound,
              byteStart: span.range.lowerBound, byteEnd: span.range.upperBound, reason: span.reason.name))
          }
          for (number, paragraph) in document.paragraphs.enumerated() {
            let scalars = document.scalarRange(paragraph.range)
            try paragraphInsert.insert(ParagraphRecord(
              document: key, number: number, start: scalars.lowerBound, end: scalars.upperBound,
              byteStart: paragraph.range.lowerBound, byteEnd: paragraph.range.upperBound,
              tokenStart: paragraph.tokens.lowerBound, tokenEnd: paragraph.tokens.upperBound,
              sentenceStart: paragraph.sentences.lowerBound, sentenceEnd: paragraph.sentences.upperBound))
          }
          var paragraphOfSentence = [Int](repeating: 0, count: document.sentences.count)
          for (number, paragraph) in document.paragraphs.enumerated() {
            for sentence in paragraph.sentences { paragraphOfSentence[sentence] = number }
          }
          var lengths: [Int] = []
          lengths.reserveCapacity(document.sentences.count)
          for (number, sentence) in document.sentences.enumerated() {
            sentenceID += 1
            let scalars = document.scalarRange(sentence.range)
            let text = document.string(sentence.range)
            try sentenceInsert.insert(SentenceRecord(
              id: sentenceID, document: key, number: number, paragraph: paragraphOfSentence[number], start: scalars.lowerBound, end: scalars.upperBound,
              byteStart: sentence.range.lowerBound, byteEnd: sentence.range.upperBound,
              tokenStart: sentence.tokens.lowerBound, tokenEnd: sentence.tokens.upperBound,
              text: text))
            lengths.append(postings.add(sentence: sentenceID, text: text, tokenizer: tokenizer))
          }
          try layoutInsert.insert(DocumentSentencesRecord(
            document: key, firstSentence: sentenceID - Int64(lengths.count) + 1, count: lengths.count,
            spans: SentenceBlob.encodeSpans(document.sentences.map { ($0.range, $0.tokens) }),
            lengths: SentenceBlob.encodeLengths(lengths)))
          try tokensInsert.insert(TokensRecord(document: key, count: document.tokens.count, data: TokenBlob.encode(document.tokens)))
        }
        // One statement for the whole load: the full-text index grows far faster this way
        // than through a per-row trigger.
        try db.execute(
          sql: "INSERT INTO sentence_search (rowid, text) SELECT id, text FROM sentences WHERE id >= ?",
          arguments: [firstSentence])
        try postings.write(db)
        try MetaRecord(key: MetaRecord.lastSentenceID, value: String(sentenceID)).upsert(db)
        // Every cross-document result depends on the whole corpus.
        try Self.deleteResults(db)
      }
    }
  }

  /// Removes documents and everything stored about them, in one transaction.
  package func remove(ids: [String]) throws(StoreError) {
    guard !ids.isEmpty else { return }
    defer { invalidateSearchIndex() }
    try Self.wrap("cannot write the session") {
      try writer.write { db in
        let statement = try db.makeStatement(sql: "DELETE FROM documents WHERE id = ?")
        for id in ids { try statement.execute(arguments: [id]) }
        try Self.deleteResults(db)
        // Term postings are kept per load: those of a load with no sentence left go.
        try db.execute(sql: """
          DELETE FROM search_terms WHERE NOT EXISTS (
            SELECT 1 FROM sentences WHERE id BETWEEN search_terms.first_sentence AND search_terms.last_sentence)
          """)
      }
    }
  }

  /// Replaces the saved settings.
  package func saveSettings(_ settings: [(name: String, value: String)]) throws(StoreError) {
    try Self.wrap("cannot write the session") {
      try writer.write { db in
        try SettingRecord.deleteAll(db)
        for setting in settings { try SettingRecord(name: setting.name, value: setting.value).insert(db) }
      }
    }
  }

  /// The saved settings, in name order.
  package func settings() throws(StoreError) -> [(name: String, value: String)] {
    try Self.wrap("cannot read the session") {
      try writer.read { db in
        try SettingRecord.order(Column("name")).fetchAll(db).map { ($0.name, $0.value) }
      }
    }
  }

  /// The number of documents stored.
  package func documentCount() throws(StoreError) -> Int {
    try Self.wrap("cannot read the session") {
      try writer.read { db in try DocumentRecord.fetchCount(db) }
    }
  }

  // MARK: - Restoring

  /// Rebuilds the corpus from the stored documents and analyses, without analysing again.
  /// - Throws: `StoreError` when the stored parts do not fit together (a damaged file).
  /// - Complexity: O(n) in the size of the session.
  package func restoreCorpus() throws(StoreError) -> Corpus {
    let parts = try Self.wrap("cannot read the session") { try writer.read { db in try StoredParts(db) } }
    var corpus = Corpus()
    for stored in parts.documents {
      corpus.append(try stored.document(parts))
    }
    if parts.analysed < parts.documents.count {
      let restored = zip(parts.documents, corpus.documents).map { (key: $0.key, document: $1) }
      try Self.wrap("cannot complete the session's analyses") { try completeAnalyses(restored) }
    }
    // What ranking a search keeps in memory came with the sentences.
    searchIndexCache.withLock { $0 = parts.searchIndex }
    return corpus
  }
}

extension DocumentRecord {
  /// The row of a document about to be stored under `key`.
  init(_ document: Document, key: Int64) {
    let metadata = document.metadata
    self.init(
      key: key, id: document.id, path: document.origin, format: document.format.rawValue, text: document.text,
      title: metadata.title?.value, titleInferred: metadata.title?.inferred ?? false, titleEvidence: metadata.title?.evidence,
      outlet: metadata.outlet?.value, outletInferred: metadata.outlet?.inferred ?? false, outletEvidence: metadata.outlet?.evidence,
      date: metadata.date?.value, dateInferred: metadata.date?.inferred ?? false, dateEvidence: metadata.date?.evidence,
      author: metadata.author?.value, authorInferred: metadata.author?.inferred ?? false, authorEvidence: metadata.author?.evidence,
      url: metadata.url?.value, urlInferred: metadata.url?.inferred ?? false, urlEvidence: metadata.url?.evidence,
      words: document.wordCount, characters: document.buffer.scalarCount, notes: document.notes.joined(separator: "\n"))
    credit = metadata.credit?.value
    creditInferred = metadata.credit?.inferred ?? false
    creditEvidence = metadata.credit?.evidence
    truncated = document.truncated
    internalTruncations = document.internalTruncations.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
  }

  /// The stored internal truncations, when they read as byte ranges.
  var internalTruncationRanges: [Range<Int>]? {
    var ranges: [Range<Int>] = []
    for pair in internalTruncations.split(separator: ",") {
      let bounds = pair.split(separator: "-").compactMap { Int($0) }
      guard bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1] else { return nil }
      ranges.append(bounds[0]..<bounds[1])
    }
    return ranges
  }

  /// The metadata the row holds.
  var metadata: DocumentMetadata {
    func value(_ value: String?, _ inferred: Bool, _ evidence: String?) -> MetadataValue? {
      value.map { MetadataValue($0, inferred: inferred, evidence: evidence) }
    }
    return DocumentMetadata(
      title: value(title, titleInferred, titleEvidence), outlet: value(outlet, outletInferred, outletEvidence),
      date: value(date, dateInferred, dateEvidence), author: value(author, authorInferred, authorEvidence),
      url: value(url, urlInferred, urlEvidence), credit: value(credit, creditInferred, creditEvidence))
  }
}

/// Everything stored about the documents, read table by table in one transaction and
/// grouped by document key. Reading each table once in key order is much faster than
/// one query per document.
private struct StoredParts {
  var documents: [DocumentRecord] = []
  var tokens: [Int64: [Token]] = [:]
  var excluded: [Int64: [ExcludedSpan]] = [:]
  var paragraphs: [Int64: [Paragraph]] = [:]
  var sentences: [Int64: [Sentence]] = [:]
  var searchIndex = SearchIndex()
  /// How many documents have their analyses stored.
  var analysed = 0

  init(_ db: Database) throws {
    documents = try DocumentRecord.order(Column("key")).fetchAll(db)
    var ids: [Int64: String] = [:]
    for document in documents { ids[document.key] = document.id }
    analysed = try Int.fetchOne(db, sql: "SELECT count(*) FROM analyses") ?? 0
    let tokenRows = try Row.fetchCursor(db, sql: "SELECT document, count, data FROM tokens")
    while let row = try tokenRows.next() {
      let key: Int64 = row[0]
      let count: Int = row[1]
      let decoded = try row.withUnsafeData(atIndex: 2) { data -> [Token]? in
        guard let data else { return count == 0 ? [] : nil }
        return data.withUnsafeBytes { TokenBlob.decode($0, count: count) }
      }
      guard let decoded else { throw StoreError(.corrupt, "the tokens of a stored document are damaged") }
      tokens[key] = decoded
    }
    let spanRows = try Row.fetchCursor(db, sql: "SELECT document, byte_start, byte_end, reason FROM excluded_spans ORDER BY document, number")
    while let row = try spanRows.next() {
      let start: Int = row[1]
      let end: Int = row[2]
      guard start <= end, let reason = ExcludedSpan.Reason(name: row[3]) else {
        throw StoreError(.corrupt, "a stored excluded span is damaged")
      }
      excluded[row[0], default: []].append(ExcludedSpan(range: start..<end, reason: reason))
    }
    let paragraphRows = try Row.fetchCursor(db, sql: """
      SELECT document, byte_start, byte_end, token_start, token_end, sentence_start, sentence_end
      FROM paragraphs ORDER BY document, number
      """)
    while let row = try paragraphRows.next() {
      guard let range = Self.range(row, 1), let tokens = Self.range(row, 3), let sentences = Self.range(row, 5) else {
        throw StoreError(.corrupt, "a stored paragraph is damaged")
      }
      paragraphs[row[0], default: []].append(Paragraph(range: range, tokens: tokens, sentences: sentences))
    }
    // Sentences from their compact blobs: the `sentences` table's rows also hold the text.
    let sentenceRows = try Row.fetchCursor(db, sql: "SELECT document, count, spans, first_sentence, lengths FROM document_sentences")
    while let row = try sentenceRows.next() {
      let count: Int = row[1]
      if let id = ids[row[0]] { try searchIndex.append(id, first: row[3], row: row, lengthsColumn: 4) }
      let decoded = try row.withUnsafeData(atIndex: 2) { data -> [(bytes: Range<Int>, tokens: Range<Int>)]? in
        guard let data else { return count == 0 ? [] : nil }
        return data.withUnsafeBytes { SentenceBlob.decodeSpans($0, count: count) }
      }
      guard let decoded else { throw StoreError(.corrupt, "the sentences of a stored document are damaged") }
      sentences[row[0]] = decoded.map { Sentence(range: $0.bytes, tokens: $0.tokens) }
    }
  }

  /// The range held by columns `index` and `index + 1`, when it is one.
  private static func range(_ row: Row, _ index: Int) -> Range<Int>? {
    let lower: Int = row[index]
    let upper: Int = row[index + 1]
    return lower >= 0 && lower <= upper && upper <= Int(Int32.max) ? lower..<upper : nil
  }
}

extension DocumentRecord {
  /// The document rebuilt from this row and its parts, after checking that the parts fit
  /// the text (a damaged or hand-edited file must not crash the shell later).
  fileprivate func document(_ parts: StoredParts) throws(StoreError) -> Document {
    let tokens = parts.tokens[key] ?? []
    let excluded = parts.excluded[key] ?? []
    let paragraphs = parts.paragraphs[key] ?? []
    let sentences = parts.sentences[key] ?? []
    let byteCount = text.utf8.count
    let fits =
      // Decoded tokens follow one another (each starts at or after the last one's end), so
      // the last one ending inside the text is enough.
      (tokens.last?.end ?? 0) <= byteCount
      && excluded.allSatisfy { $0.range.upperBound <= byteCount }
      && paragraphs.allSatisfy {
        $0.range.upperBound <= byteCount && $0.tokens.upperBound <= tokens.count && $0.sentences.upperBound <= sentences.count
      }
      && sentences.allSatisfy { $0.range.upperBound <= byteCount && $0.tokens.upperBound <= tokens.count }
    guard fits, let format = DocumentFormat(rawValue: self.format), let internalTruncations = internalTruncationRanges,
      internalTruncations.allSatisfy({ $0.upperBound <= byteCount })
    else {
      throw StoreError(.corrupt, "the stored document '\(id)' is damaged (its parts do not fit its text)")
    }
    return Document(
      restoringID: id, origin: path, text: text, format: format, metadata: metadata, excluded: excluded, tokens: tokens,
      paragraphs: paragraphs, sentences: sentences, wordCount: words,
      notes: notes.isEmpty ? [] : notes.components(separatedBy: "\n"), truncated: truncated,
      internalTruncations: internalTruncations)
  }
}
