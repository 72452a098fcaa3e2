import GRDB

/// The schema of a session file, built by numbered migrations.
///
/// Each migration has a version and a GRDB migration identifier, runs in its own
/// transaction, and records its version in `meta.schema_version`. A file whose version is
/// above `Store.schemaVersion` was written by a newer crosscheck and is refused; an older
/// one is migrated when it opens. To add tables for a new analysis, append a migration
/// here (never change one that has shipped) — see docs/store.md.
extension Store {
  /// A step of the schema.
  struct Migration: Sendable {
    var version: Int
    var identifier: String
    var migrate: @Sendable (Database) throws -> Void
  }

  /// Every migration, oldest first.
  static let migrations: [Migration] = [
    Migration(version: 1, identifier: "v1-documents", migrate: createDocumentTables),
    Migration(version: 2, identifier: "v2-sentence-paragraphs", migrate: addSentenceParagraphs),
    Migration(version: 3, identifier: "v3-credit-truncation", migrate: addCreditAndTruncation),
    Migration(version: 4, identifier: "v4-search-terms", migrate: addSearchTerms),
    Migration(version: 5, identifier: "v5-analyses", migrate: addAnalyses),
    Migration(version: 6, identifier: "v6-results", migrate: addResults),
  ]

  /// The schema version this build writes and the newest it reads.
  package static var schemaVersion: Int { migrations.last?.version ?? 0 }

  /// Marks session files in the SQLite header (`PRAGMA application_id`): "CCSS".
  static let applicationID: Int32 = 0x4343_5353

  /// The migrator that brings a file up to `schemaVersion`, or to `version` when given
  /// (for tests that make files of an older schema).
  static func migrator(upTo version: Int? = nil) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for migration in migrations where migration.version <= (version ?? schemaVersion) {
      migrator.registerMigration(migration.identifier) { db in
        try migration.migrate(db)
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
          arguments: [MetaRecord.schemaVersion, String(migration.version)])
      }
    }
    return migrator
  }

  /// Version 1: documents with their metadata, excluded spans, paragraphs, sentences
  /// (with a full-text index), tokens, settings and meta.
  @Sendable static func createDocumentTables(_ db: Database) throws {
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    try db.execute(sql: """
      CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      );
      CREATE TABLE settings (
        name TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      );
      CREATE TABLE documents (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        title TEXT, title_inferred INTEGER NOT NULL DEFAULT 0, title_evidence TEXT,
        outlet TEXT, outlet_inferred INTEGER NOT NULL DEFAULT 0, outlet_evidence TEXT,
        date TEXT, date_inferred INTEGER NOT NULL DEFAULT 0, date_evidence TEXT,
        author TEXT, author_inferred INTEGER NOT NULL DEFAULT 0, author_evidence TEXT,
        url TEXT, url_inferred INTEGER NOT NULL DEFAULT 0, url_evidence TEXT,
        words INTEGER NOT NULL,
        characters INTEGER NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE excluded_spans (
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;
      CREATE TABLE paragraphs (
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        token_start INTEGER NOT NULL,
        token_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;
      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        token_start INTEGER NOT NULL,
        token_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document, number)
      );
      CREATE TABLE tokens (
        document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
        count INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE VIRTUAL TABLE sentence_search USING fts5(
        text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      -- Loads fill the index with one INSERT … SELECT per load (row-by-row triggers are slow);
      -- deletions, rarer, keep it in step through this trigger.
      CREATE TRIGGER sentences_after_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentence_search (sentence_search, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      """)
  }

  /// Version 2: each sentence names its paragraph, so that SQL can group sentences by
  /// paragraph without a range join. Filled in for sessions saved by version 1.
  @Sendable static func addSentenceParagraphs(_ db: Database) throws {
    try db.execute(sql: """
      ALTER TABLE sentences ADD COLUMN paragraph INTEGER NOT NULL DEFAULT 0;
      UPDATE sentences SET paragraph = coalesce((
        SELECT p.number FROM paragraphs p
        WHERE p.document = sentences.document
          AND sentences.number >= p.sentence_start AND sentences.number < p.sentence_end), 0);
      """)
  }

  /// Version 3: the source a text credits ("Source: …") and whether it is cut off, at its
  /// end or inside (byte ranges of paragraphs that stop mid-sentence, as `start-end` pairs
  /// separated by commas). Sessions saved by earlier versions read as not truncated.
  @Sendable static func addCreditAndTruncation(_ db: Database) throws {
    try db.execute(sql: """
      ALTER TABLE documents ADD COLUMN credit TEXT;
      ALTER TABLE documents ADD COLUMN credit_inferred INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN credit_evidence TEXT;
      ALTER TABLE documents ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN internal_truncations TEXT NOT NULL DEFAULT '';
      """)
  }

  /// Version 4: term postings and each document's sentences in compact form, so that
  /// `search` ranks common words without FTS5 scoring every matching row (see
  /// `SearchRanking`) and opening does not read every sentence's text. Built from the stored
  /// sentences for sessions saved by earlier versions.
  @Sendable static func addSearchTerms(_ db: Database) throws {
    try db.execute(sql: """
      CREATE TABLE search_terms (
        term TEXT NOT NULL,
        first_sentence INTEGER NOT NULL,
        last_sentence INTEGER NOT NULL,
        sentences INTEGER NOT NULL,
        postings BLOB NOT NULL,
        PRIMARY KEY (term, first_sentence)
      );
      CREATE TABLE document_sentences (
        document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
        first_sentence INTEGER NOT NULL,
        count INTEGER NOT NULL,
        spans BLOB NOT NULL,
        lengths BLOB NOT NULL
      );
      """)
    let tokenizer = try TermTokenizer(db)
    var postings = TermPostingsBuilder()
    let layoutInsert = try BulkInsert<DocumentSentencesRecord>(db)
    struct Pending {
      var document: Int64
      var first: Int64
      var spans: [(bytes: Range<Int>, tokens: Range<Int>)] = []
      var lengths: [Int] = []
    }
    var current: Pending? = nil
    func flush() throws {
      guard let current else { return }
      try layoutInsert.insert(DocumentSentencesRecord(
        document: current.document, firstSentence: current.first, count: current.lengths.count,
        spans: SentenceBlob.encodeSpans(current.spans), lengths: SentenceBlob.encodeLengths(current.lengths)))
    }
    let rows = try Row.fetchCursor(db, sql: """
      SELECT id, document, byte_start, byte_end, token_start, token_end, text FROM sentences ORDER BY document, number
      """)
    var lastID: Int64 = 0
    while let row = try rows.next() {
      let id: Int64 = row[0]
      let document: Int64 = row[1]
      if current?.document != document {
        try flush()
        current = Pending(document: document, first: id)
      }
      let bytes = (row[2] as Int)..<max(row[2] as Int, row[3] as Int)
      let tokens = (row[4] as Int)..<max(row[4] as Int, row[5] as Int)
      current?.spans.append((bytes, tokens))
      current?.lengths.append(postings.add(sentence: id, text: row[6], tokenizer: tokenizer))
      lastID = max(lastID, id)
    }
    try flush()
    // Documents without sentences still get their (empty) row.
    try db.execute(sql: """
      INSERT INTO document_sentences (document, first_sentence, count, spans, lengths)
      SELECT key, ?, 0, x'', x'' FROM documents WHERE key NOT IN (SELECT document FROM document_sentences)
      """, arguments: [lastID + 1])
    try postings.write(db)
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [MetaRecord.lastSentenceID, String(lastID)])
  }
}
