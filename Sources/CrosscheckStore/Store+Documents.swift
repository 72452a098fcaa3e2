import CrosscheckCore
import Foundation
import GRDB

extension Store {
  // MARK: - Writing

  /// Writes loaded documents and their analyses, all in one transaction: after a crash the
  /// session holds either every document of the load or none of them.
  /// - Complexity: O(n) in the size of the documents.
  package func add(_ documents: [Document]) throws(StoreError) {
    guard !documents.isEmpty else { return }
    try Self.wrap("cannot write the session") {
      try writer.write { db in
        var key = try Int64.fetchOne(db, sql: "SELECT max(key) FROM documents") ?? 0
        var sentenceID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM sentences") ?? 0
        let firstSentence = sentenceID + 1
        let documentInsert = try BulkInsert<DocumentRecord>(db)
        let spanInsert = try BulkInsert<ExcludedSpanRecord>(db)
        let paragraphInsert = try BulkInsert<ParagraphRecord>(db)
        let sentenceInsert = try BulkInsert<SentenceRecord>(db)
        let tokensInsert = try BulkInsert<TokensRecord>(db)
        for document in documents {
          key += 1
          try documentInsert.insert(DocumentRecord(document, key: key))
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
          for (number, sentence) in document.sentences.enumerated() {
            sentenceID += 1
            let scalars = document.scalarRange(sentence.range)
            try sentenceInsert.insert(SentenceRecord(
              id: sentenceID, document: key, number: number, paragraph: paragraphOfSentence[number], start: scalars.lowerBound, end: scalars.upperBound,
              byteStart: sentence.range.lowerBound, byteEnd: sentence.range.upperBound,
              tokenStart: sentence.tokens.lowerBound, tokenEnd: sentence.tokens.upperBound,
              text: document.string(sentence.range)))
          }
          try tokensInsert.insert(TokensRecord(document: key, count: document.tokens.count, data: TokenBlob.encode(document.tokens)))
        }
        // One statement for the whole load: the full-text index grows far faster this way
        // than through a per-row trigger.
        try db.execute(
          sql: "INSERT INTO sentence_search (rowid, text) SELECT id, text FROM sentences WHERE id >= ?",
          arguments: [firstSentence])
      }
    }
  }

  /// Removes documents and everything stored about them, in one transaction.
  package func remove(ids: [String]) throws(StoreError) {
    guard !ids.isEmpty else { return }
    try Self.wrap("cannot write the session") {
      try writer.write { db in
        let statement = try db.makeStatement(sql: "DELETE FROM documents WHERE id = ?")
        for id in ids { try statement.execute(arguments: [id]) }
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

  init(_ db: Database) throws {
    documents = try DocumentRecord.order(Column("key")).fetchAll(db)
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
      excluded[row[0], default: []].append(ExcludedSpan(restoring: start..<end, reason: reason))
    }
    let paragraphRows = try Row.fetchCursor(db, sql: """
      SELECT document, byte_start, byte_end, token_start, token_end, sentence_start, sentence_end
      FROM paragraphs ORDER BY document, number
      """)
    while let row = try paragraphRows.next() {
      guard let range = Self.range(row, 1), let tokens = Self.range(row, 3), let sentences = Self.range(row, 5) else {
        throw StoreError(.corrupt, "a stored paragraph is damaged")
      }
      paragraphs[row[0], default: []].append(Paragraph(restoring: range, tokens: tokens, sentences: sentences))
    }
    // Sentences are written in document order with ascending ids, so the table's own order
    // is the one wanted, and reading it avoids an index lookup per row; the index order is
    // the fallback should a file say otherwise.
    if try !readSentences(db, order: "id") {
      sentences = [:]
      guard try readSentences(db, order: "document, number") else {
        throw StoreError(.corrupt, "the stored sentences are not numbered in order")
      }
    }
  }

  /// Reads the sentences in `order`; false when a document's sentences come out of order.
  private mutating func readSentences(_ db: Database, order: String) throws -> Bool {
    let rows = try Row.fetchCursor(db, sql: """
      SELECT document, number, byte_start, byte_end, token_start, token_end FROM sentences ORDER BY \(order)
      """)
    while let row = try rows.next() {
      guard let range = Self.range(row, 2), let tokens = Self.range(row, 4) else {
        throw StoreError(.corrupt, "a stored sentence is damaged")
      }
      let key: Int64 = row[0]
      let number: Int = row[1]
      guard number == sentences[key]?.count ?? 0 else { return false }
      sentences[key, default: []].append(Sentence(restoring: range, tokens: tokens))
    }
    return true
  }

  /// The range held by columns `index` and `index + 1`, when it is one.
  private static func range(_ row: Row, _ index: Int) -> Range<Int>? {
    let lower: Int = row[index]
    let upper: Int = row[index + 1]
    return lower >= 0 && lower <= upper ? lower..<upper : nil
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
      tokens.allSatisfy { $0.end <= byteCount && $0.start <= $0.end }
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
