import CrosscheckCore
import GRDB

/// How many quotations and claims one document holds, as stored.
package struct AnalysisCounts: Sendable, Equatable {
  package var quotes: Int
  package var speakers: Int
  package var claims: Int
}

/// The per-document analyses the store keeps: each document's quotations with their
/// attribution, the people it names, and its claims, worked out from the document alone.
package struct DocumentAnalysis: Sendable {
  var quotes: [AttributedQuote]
  var people: DocumentPeople
  var claims: [Claim]

  /// The counts stored with the analysis (the `analyses` table's row).
  package var counts: AnalysisCounts {
    AnalysisCounts(quotes: quotes.count, speakers: people.people.count, claims: claims.count)
  }

  /// Analyses one document on its own.
  package init(_ document: Document) {
    (quotes, people) = QuoteAnalysis.quotes(in: document)
    claims = ClaimExtractor().claims(in: Corpus([document]))
  }

  /// Analyses documents on every core.
  package static func of(_ documents: [Document]) -> [DocumentAnalysis] {
    parallelMap(documents) { DocumentAnalysis($0) }
  }
}

/// Prepared inserts for the analysis tables, reused across documents in one transaction.
struct AnalysisWriter {
  private let quoteInsert: BulkInsert<QuoteRecord>
  private let speakerInsert: BulkInsert<SpeakerRecord>
  private let claimInsert: BulkInsert<ClaimRecord>
  private let countInsert: BulkInsert<AnalysisRecord>

  init(_ db: Database) throws {
    quoteInsert = try BulkInsert(db)
    speakerInsert = try BulkInsert(db)
    claimInsert = try BulkInsert(db)
    countInsert = try BulkInsert(db)
  }

  /// Writes `analysis` of `document`, stored under `key`.
  func write(_ analysis: DocumentAnalysis, of document: Document, key: Int64) throws {
    var quotesOfPerson = [Int](repeating: 0, count: analysis.people.people.count)
    for (number, quote) in analysis.quotes.enumerated() {
      let range = document.scalarRange(quote.span.range)
      let person = quote.attribution?.person
      if let person, person < quotesOfPerson.count { quotesOfPerson[person] += 1 }
      try quoteInsert.insert(QuoteRecord(
        document: key, number: number, start: range.lowerBound, end: range.upperBound, byteStart: quote.span.range.lowerBound,
        byteEnd: quote.span.range.upperBound, kind: quote.kind.rawValue, speaker: person,
        speakerSurface: quote.attribution?.surface, cue: quote.attribution?.cue, rule: quote.attribution?.rule.rawValue,
        parent: quote.span.parent, text: document.string(quote.span.range)))
    }
    for (number, person) in analysis.people.people.enumerated() {
      try speakerInsert.insert(SpeakerRecord(
        document: key, number: number, name: person.name, forms: person.forms.joined(separator: "\n"),
        roles: person.roles.joined(separator: "\n"), organization: person.isOrganization, quotes: quotesOfPerson[number]))
    }
    for (number, claim) in analysis.claims.enumerated() {
      let range = document.scalarRange(claim.quantity.range)
      let sentence = document.scalarRange(claim.sentence)
      try claimInsert.insert(ClaimRecord(
        document: key, number: number, start: range.lowerBound, end: range.upperBound, byteStart: claim.quantity.range.lowerBound,
        byteEnd: claim.quantity.range.upperBound, sentenceStart: sentence.lowerBound, sentenceEnd: sentence.upperBound,
        kind: claim.quantity.kind.rawValue, value: claim.quantity.value.number, display: claim.quantity.value.display,
        unit: claim.quantity.unit, topic: claim.topicText, asserter: claim.asserter, text: claim.text))
    }
    let counts = analysis.counts
    try countInsert.insert(AnalysisRecord(document: key, quotes: counts.quotes, speakers: counts.speakers, claims: counts.claims))
  }
}

extension Store {
  /// The stored counts of quotations, speakers and claims, by document id.
  package func analysisCounts() throws(StoreError) -> [String: AnalysisCounts] {
    try Self.wrap("cannot read the session") {
      try writer.read { db in
        var counts: [String: AnalysisCounts] = [:]
        let rows = try Row.fetchCursor(db, sql: """
          SELECT d.id, a.quotes, a.speakers, a.claims FROM analyses a JOIN documents d ON d.key = a.document
          """)
        while let row = try rows.next() { counts[row[0]] = AnalysisCounts(quotes: row[1], speakers: row[2], claims: row[3]) }
        return counts
      }
    }
  }

  /// Analyses and writes the documents whose analyses are not stored (those of a session
  /// saved before the analysis tables existed), in one transaction.
  /// - Parameter documents: the restored documents with their keys.
  func completeAnalyses(_ documents: [(key: Int64, document: Document)]) throws {
    let stored = try writer.read { db in try Set(Int64.fetchAll(db, sql: "SELECT document FROM analyses")) }
    let missing = documents.filter { !stored.contains($0.key) }
    guard !missing.isEmpty else { return }
    let analyses = DocumentAnalysis.of(missing.map(\.document))
    try writer.write { db in
      let analysisWriter = try AnalysisWriter(db)
      for (entry, analysis) in zip(missing, analyses) { try analysisWriter.write(analysis, of: entry.document, key: entry.key) }
    }
  }

  /// Version 5: each document's quotations, the people it names and its claims, and their
  /// counts. Sessions saved by earlier versions have them filled in as they open.
  @Sendable static func addAnalyses(_ db: Database) throws {
    try db.execute(sql: """
      CREATE TABLE quotes (
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker INTEGER,
        speaker_surface TEXT,
        cue TEXT,
        rule TEXT,
        parent INTEGER,
        text TEXT NOT NULL,
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;
      CREATE TABLE speakers (
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        name TEXT NOT NULL,
        forms TEXT NOT NULL,
        roles TEXT NOT NULL,
        organization INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;
      CREATE TABLE claims (
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        value REAL,
        display TEXT NOT NULL,
        unit TEXT NOT NULL,
        topic TEXT NOT NULL,
        asserter TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;
      CREATE TABLE analyses (
        document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
        quotes INTEGER NOT NULL,
        speakers INTEGER NOT NULL,
        claims INTEGER NOT NULL
      );
      """)
  }
}
