import CrosscheckCore
import GRDB

/// A cross-document result the store keeps, and the options it depends on.
package enum StoredResult: Sendable, Hashable {
  /// Quote groups, occurrences and speakers (`QuoteAnalysis`).
  case quotes
  /// Every claim of the corpus, as `ClaimExtractor.claims(in:)` gives them.
  case claims
  /// Claim groups under the exchange rates a key names.
  case claimGroups(rates: String)
  /// The comparison of the corpus by a candidate method (`auto`, or the method's name).
  case similarity(method: String)

  var kind: String {
    switch self {
    case .quotes: return "quotes"
    case .claims: return "claims"
    case .claimGroups: return "claim-groups"
    case .similarity: return "similarity"
    }
  }

  var variant: String {
    switch self {
    case .quotes, .claims: return ""
    case .claimGroups(let rates): return rates
    case .similarity(let method): return method
    }
  }
}

/// Cross-document results: quote groups, claims and claim groups, and the comparison of the
/// corpus, each stored with the fingerprint of the corpus it was computed from.
///
/// A result is read back only when its fingerprint (the documents' digest and the analysis
/// version) matches the corpus asking for it; otherwise it is missing and the caller computes
/// it again. Writing one replaces the earlier result of its kind and options, in one
/// transaction; a load or an unload deletes them all in its own transaction.
extension Store {
  // MARK: - Writing

  /// Stores the quote analysis of the corpus `fingerprint` describes.
  package func saveQuotes(_ analysis: QuoteAnalysis, of fingerprint: CorpusFingerprint, documents: Int) throws(StoreError) {
    try saveResult(.quotes, of: fingerprint, documents: documents) { db, result in
      let occurrences = try BulkInsert<QuoteOccurrenceRecord>(db)
      for (number, occurrence) in analysis.occurrences.enumerated() {
        try occurrences.insert(QuoteOccurrenceRecord(occurrence, result: result, number: number))
      }
      let groups = try BulkInsert<QuoteGroupRecord>(db)
      for (number, group) in analysis.groups.enumerated() { try groups.insert(QuoteGroupRecord(group, result: result, number: number)) }
      let speakers = try BulkInsert<QuoteSpeakerRecord>(db)
      let joins = try BulkInsert<QuoteSpeakerJoinRecord>(db)
      for (number, summary) in analysis.speakers.enumerated() {
        try speakers.insert(QuoteSpeakerRecord(summary, result: result, number: number))
        for (position, join) in summary.speaker.joins.enumerated() {
          try joins.insert(QuoteSpeakerJoinRecord(join, result: result, speaker: number, number: position))
        }
      }
    }
  }

  /// Stores every claim of the corpus `fingerprint` describes.
  /// - Parameter documentIDs: the corpus's document ids, in order.
  package func saveClaims(_ claims: [Claim], of fingerprint: CorpusFingerprint, documentIDs: [String]) throws(StoreError) {
    let numbers = Dictionary(uniqueKeysWithValues: documentIDs.enumerated().map { ($1, $0 + 1) })
    try saveResult(.claims, of: fingerprint, documents: documentIDs.count) { db, result in
      let insert = try BulkInsert<CorpusClaimRecord>(db)
      for (number, claim) in claims.enumerated() {
        guard let document = numbers[claim.document] else { throw UnstorableResult() }
        try insert.insert(CorpusClaimRecord(claim, result: result, number: number, document: document))
      }
    }
  }

  /// Stores the claim groups of the corpus `fingerprint` describes, under exchange rates `rates` names.
  package func saveClaimGroups(
    _ groups: [ClaimGroup], rates: String, of fingerprint: CorpusFingerprint, documents: Int
  ) throws(StoreError) {
    try saveResult(.claimGroups(rates: rates), of: fingerprint, documents: documents) { db, result in
      let insert = try BulkInsert<ClaimGroupRecord>(db)
      for (number, group) in groups.enumerated() { try insert.insert(ClaimGroupRecord(group, result: result, number: number)) }
    }
  }

  /// Stores the comparison of the corpus `fingerprint` describes, found by `method` (as asked: `auto` or a method).
  package func saveComparison(_ analysis: ReuseAnalysis, method: String, of fingerprint: CorpusFingerprint) throws(StoreError) {
    try saveResult(.similarity(method: method), of: fingerprint, documents: analysis.documents.count) { db, result in
      let pairs = try BulkInsert<SimilarPairRecord>(db)
      let passages = try BulkInsert<SharedPassageRecord>(db)
      for (number, pair) in analysis.pairs.enumerated() {
        try pairs.insert(SimilarPairRecord(pair, result: result, number: number))
        for (position, passage) in pair.passages.enumerated() {
          try passages.insert(SharedPassageRecord(passage, result: result, pair: number, number: position))
        }
      }
    }
  }

  /// Replaces the stored result of `kind` with what `write` inserts, in one transaction. A
  /// result that would not read back as computed is left out (and the earlier one deleted).
  private func saveResult(
    _ kind: StoredResult, of fingerprint: CorpusFingerprint, documents: Int, _ write: (Database, Int64) throws -> Void
  ) throws(StoreError) {
    try Self.wrap("cannot write the session's results") {
      try writer.write { db in
        try db.execute(sql: "DELETE FROM results WHERE kind = ? AND variant = ?", arguments: [kind.kind, kind.variant])
        let id = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM results") ?? 0) + 1
        try ResultRecord(id: id, kind: kind.kind, variant: kind.variant, fingerprint: fingerprint, documents: documents).insert(db)
        do {
          try db.inSavepoint {
            try write(db, id)
            return .commit
          }
        } catch is UnstorableResult {
          try db.execute(sql: "DELETE FROM results WHERE id = ?", arguments: [id])
        }
      }
    }
  }

  /// Deletes every stored result (the documents changed). Runs inside the caller's transaction.
  static func deleteResults(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM results")
  }

  // MARK: - Reading

  /// Which results are stored for the corpus `fingerprint` describes.
  package func storedResults(for fingerprint: CorpusFingerprint) throws(StoreError) -> Set<StoredResult> {
    try Self.wrap("cannot read the session's results") {
      try writer.read { db in
        var found: Set<StoredResult> = []
        let rows = try Row.fetchCursor(
          db, sql: "SELECT kind, variant FROM results WHERE corpus = ? AND version = ?",
          arguments: [fingerprint.digest, fingerprint.version])
        while let row = try rows.next() {
          switch row[0] as String {
          case "quotes": found.insert(.quotes)
          case "claims": found.insert(.claims)
          case "claim-groups": found.insert(.claimGroups(rates: row[1]))
          case "similarity": found.insert(.similarity(method: row[1]))
          default: break
          }
        }
        return found
      }
    }
  }

  /// The stored quote analysis of `documents`, or nil when none was stored for them (or it
  /// does not fit them).
  package func quotes(of documents: [Document], fingerprint: CorpusFingerprint) throws(StoreError) -> QuoteAnalysis? {
    let ids = documents.map(\.id)
    return try readResult(.quotes, fingerprint: fingerprint) { db, result in
      var occurrences: [QuoteOccurrence] = []
      let rows = try Self.rows(QuoteOccurrenceRecord.self, of: result, db)
      while let row = try rows.next() { occurrences.append(try QuoteOccurrenceRecord.occurrence(row, documentIDs: ids)) }
      var joins: [Int: [SpeakerJoin]] = [:]
      let joinRows = try Self.rows(QuoteSpeakerJoinRecord.self, of: result, orderedBy: "speaker, number", db)
      while let row = try joinRows.next() {
        let join = try QuoteSpeakerJoinRecord(row: row)
        joins[join.speaker, default: []].append(join.join)
      }
      // A cursor's row is overwritten by the next: each is converted as it is read.
      var speakers: [(id: String, speaker: CanonicalSpeaker)] = []
      let speakerRows = try Self.rows(QuoteSpeakerRecord.self, of: result, db)
      while let row = try speakerRows.next() {
        let record = try QuoteSpeakerRecord(row: row)
        speakers.append(record.speaker(joins: joins[record.number] ?? []))
      }
      var groups: [(id: String, canonical: Int, speaker: Int?)] = []
      let groupRows = try Self.rows(QuoteGroupRecord.self, of: result, db)
      while let row = try groupRows.next() {
        let record = try QuoteGroupRecord(row: row)
        groups.append((record.id, record.canonical, record.speaker))
      }
      let analysis = QuoteAnalysis(restoring: occurrences, groups: groups, speakers: speakers)
      guard Self.fits(analysis, documents: documents) else { throw UnstorableResult() }
      return analysis
    }
  }

  /// The stored claims of `documents`, or nil when none were stored for them.
  package func claims(of documents: [Document], fingerprint: CorpusFingerprint) throws(StoreError) -> [Claim]? {
    let ids = documents.map(\.id)
    return try readResult(.claims, fingerprint: fingerprint) { db, result in
      var claims: [Claim] = []
      let rows = try Self.rows(CorpusClaimRecord.self, of: result, db)
      while let row = try rows.next() { claims.append(try CorpusClaimRecord.claim(row, documentIDs: ids)) }
      let sizes = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.buffer.bytes.count) })
      for claim in claims {
        let size = sizes[claim.document] ?? 0
        guard claim.quantity.range.upperBound <= size, claim.sentence.upperBound <= size,
          claim.frameOf.map({ claims.indices.contains($0) }) ?? true
        else { throw UnstorableResult() }
      }
      return claims
    }
  }

  /// The stored claim groups under the exchange rates `rates` names, or nil when none were
  /// stored for this corpus.
  /// - Parameter claims: how many claims the groups' members index.
  package func claimGroups(rates: String, claims: Int, fingerprint: CorpusFingerprint) throws(StoreError) -> [ClaimGroup]? {
    try readResult(.claimGroups(rates: rates), fingerprint: fingerprint) { db, result in
      var groups: [ClaimGroup] = []
      let rows = try Self.rows(ClaimGroupRecord.self, of: result, db)
      while let row = try rows.next() { groups.append(try ClaimGroupRecord(row: row).group()) }
      guard groups.allSatisfy({ $0.members.allSatisfy { (0..<claims).contains($0) } }) else { throw UnstorableResult() }
      return groups
    }
  }

  /// The stored comparison of `documents` by `method` (as asked), or nil when none was
  /// stored for them.
  package func comparison(
    of documents: [Document], method: String, fingerprint: CorpusFingerprint
  ) throws(StoreError) -> ReuseAnalysis? {
    let asked: CandidateMethod? = CandidateMethod(rawValue: method)
    return try readResult(.similarity(method: method), fingerprint: fingerprint) { db, result in
      var passages: [Int: [PassageSpan]] = [:]
      let passageRows = try Self.rows(SharedPassageRecord.self, of: result, orderedBy: "pair, number", db)
      while let row = try passageRows.next() { passages[row[1], default: []].append(try SharedPassageRecord.passage(row)) }
      var pairs: [PairComparison] = []
      let rows = try Self.rows(SimilarPairRecord.self, of: result, db)
      while let row = try rows.next() { pairs.append(try SimilarPairRecord.pair(row, passages: passages[row[1]] ?? [])) }
      let method = CandidateFinder(documentCount: documents.count, method: asked).method
      let analysis = ReuseAnalysis(restoring: documents, method: method, pairs: pairs)
      guard Self.fits(analysis) else { throw UnstorableResult() }
      return analysis
    }
  }

  /// Reads the result of `kind` stored for `fingerprint` with `read`; nil when there is
  /// none, or when it does not read back (a damaged file), so that it is computed again.
  private func readResult<T>(
    _ kind: StoredResult, fingerprint: CorpusFingerprint, _ read: (Database, Int64) throws -> T
  ) throws(StoreError) -> T? {
    try Self.wrap("cannot read the session's results") {
      try writer.read { db in
        guard
          let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM results WHERE kind = ? AND variant = ? AND corpus = ? AND version = ?",
            arguments: [kind.kind, kind.variant, fingerprint.digest, fingerprint.version])
        else { return nil }
        do {
          return try read(db, id)
        } catch is UnstorableResult {
          return nil
        }
      }
    }
  }

  /// The rows of one result in a record type's table, in `order`, with the columns in the
  /// order the record writes them (it reads them by position).
  private static func rows<Record: StoredRecord>(
    _ type: Record.Type, of result: Int64, orderedBy order: String = "number", _ db: Database
  ) throws -> RowCursor {
    let columns = Record.insertedColumns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    return try Row.fetchCursor(
      db, sql: "SELECT \(columns) FROM \(Record.databaseTableName) WHERE result = ? ORDER BY \(order)", arguments: [result])
  }

  /// Whether every index of a restored quote analysis points inside it and its documents.
  private static func fits(_ analysis: QuoteAnalysis, documents: [Document]) -> Bool {
    let occurrences = analysis.occurrences
    for occurrence in occurrences {
      let size = documents[occurrence.document].buffer.bytes.count
      guard analysis.groups.indices.contains(occurrence.group), occurrence.quote.span.range.upperBound <= size,
        occurrence.speaker.map({ analysis.speakers.indices.contains($0) }) ?? true,
        occurrence.nestedIn.map({ occurrences.indices.contains($0) }) ?? true
      else { return false }
    }
    return analysis.groups.allSatisfy { group in
      !group.members.isEmpty && occurrences.indices.contains(group.canonical)
        && (group.speaker.map { analysis.speakers.indices.contains($0) } ?? true)
    } && analysis.speakers.allSatisfy { $0.speaker.joins.allSatisfy { documents.indices.contains($0.document) } }
  }

  /// Whether every pair and passage of a restored comparison points inside its documents.
  private static func fits(_ analysis: ReuseAnalysis) -> Bool {
    let documents = analysis.documents
    let fingerprints = analysis.fingerprints
    return analysis.pairs.allSatisfy { pair in
      guard pair.a >= 0, pair.a < pair.b, pair.b < documents.count,
        pair.hint?.derived.map({ documents.indices.contains($0) }) ?? true,
        pair.hint?.source.map({ documents.indices.contains($0) }) ?? true
      else { return false }
      return pair.passages.allSatisfy { passage in
        passage.words.a.lowerBound >= 0 && passage.words.a.upperBound <= fingerprints[pair.a].words.count
          && passage.words.b.lowerBound >= 0 && passage.words.b.upperBound <= fingerprints[pair.b].words.count
          && passage.aBytes.upperBound <= documents[pair.a].buffer.bytes.count
          && passage.bBytes.upperBound <= documents[pair.b].buffer.bytes.count
      }
    }
  }

  // MARK: - Schema

  /// Version 6: cross-document results with the fingerprint of the corpus they were
  /// computed from. Older sessions have none; they are computed on first use.
  @Sendable static func addResults(_ db: Database) throws {
    try db.execute(sql: """
      CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        variant TEXT NOT NULL,
        corpus TEXT NOT NULL,
        version INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        UNIQUE (kind, variant)
      );
      CREATE TABLE quote_occurrences (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        id TEXT NOT NULL,
        doc INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        open_mark INTEGER NOT NULL,
        close_mark INTEGER,
        token_start INTEGER NOT NULL,
        token_end INTEGER NOT NULL,
        segment INTEGER NOT NULL,
        parent INTEGER,
        single INTEGER NOT NULL,
        kind TEXT NOT NULL,
        rule TEXT,
        cue TEXT,
        surface TEXT,
        surface_start INTEGER,
        surface_end INTEGER,
        surface_kind TEXT,
        framing TEXT,
        person INTEGER,
        evidence TEXT,
        confidence REAL,
        resolution TEXT,
        unattributed TEXT,
        speaker INTEGER,
        quote_group INTEGER NOT NULL,
        variant TEXT NOT NULL,
        misattributed INTEGER NOT NULL,
        nested_in INTEGER,
        text TEXT NOT NULL,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE quote_groups (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        id TEXT NOT NULL,
        canonical INTEGER NOT NULL,
        speaker INTEGER,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE quote_speakers (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        roles TEXT NOT NULL,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE quote_speaker_joins (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        speaker INTEGER NOT NULL,
        number INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        name TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (result, speaker, number)
      ) WITHOUT ROWID;
      CREATE TABLE corpus_claims (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        id TEXT NOT NULL,
        doc INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        value REAL,
        value_high REAL,
        value_text TEXT,
        unit TEXT NOT NULL,
        alternate_value REAL,
        alternate_unit TEXT,
        qualifier TEXT,
        rule TEXT NOT NULL,
        text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        topic TEXT NOT NULL,
        topic_text TEXT NOT NULL,
        asserter TEXT NOT NULL,
        asserter_rule TEXT NOT NULL,
        frames TEXT NOT NULL,
        frame_of INTEGER,
        published INTEGER,
        published_minute INTEGER,
        measured TEXT,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE claim_groups (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        id TEXT NOT NULL,
        members TEXT NOT NULL,
        topic TEXT NOT NULL,
        agreement TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE similar_pairs (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        shared INTEGER NOT NULL,
        count_a INTEGER NOT NULL,
        count_b INTEGER NOT NULL,
        judgement TEXT NOT NULL,
        derived INTEGER,
        source INTEGER,
        reason TEXT,
        PRIMARY KEY (result, number)
      ) WITHOUT ROWID;
      CREATE TABLE shared_passages (
        result INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        pair INTEGER NOT NULL,
        number INTEGER NOT NULL,
        a_start INTEGER NOT NULL,
        a_end INTEGER NOT NULL,
        b_start INTEGER NOT NULL,
        b_end INTEGER NOT NULL,
        matched INTEGER NOT NULL,
        a_byte_start INTEGER NOT NULL,
        a_byte_end INTEGER NOT NULL,
        b_byte_start INTEGER NOT NULL,
        b_byte_end INTEGER NOT NULL,
        quoted_a INTEGER NOT NULL,
        quoted_b INTEGER NOT NULL,
        PRIMARY KEY (result, pair, number)
      ) WITHOUT ROWID;
      """)
  }
}
