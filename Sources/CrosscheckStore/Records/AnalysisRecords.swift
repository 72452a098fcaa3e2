import GRDB

/// A row of `quotes`: one quotation in one document, as the document alone gives it.
struct QuoteRecord: StoredRecord, Equatable {
  static let databaseTableName = "quotes"

  var document: Int64
  var number: Int
  /// Code point offsets of the quoted words (without the quotation marks).
  var start: Int
  var end: Int
  var byteStart: Int
  var byteEnd: Int
  /// `direct` or `scare`.
  var kind: String
  /// `speakers.number` in the same document, when attributed.
  var speaker: Int?
  /// The words naming the speaker where the attribution was read ("the mayor", "Rutte").
  var speakerSurface: String?
  var cue: String?
  /// The attribution rule (`speaker-after`, …).
  var rule: String?
  /// `number` of the quotation this one is nested in.
  var parent: Int?
  var text: String

  static let insertedColumns = [
    "document", "number", "start", "end", "byte_start", "byte_end", "kind", "speaker", "speaker_surface", "cue", "rule",
    "parent", "text",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] {
    [document, number, start, end, byteStart, byteEnd, kind, speaker, speakerSurface, cue, rule, parent, text]
  }
}

extension QuoteRecord {
  init(row: Row) throws {
    document = row["document"]
    number = row["number"]
    start = row["start"]
    end = row["end"]
    byteStart = row["byte_start"]
    byteEnd = row["byte_end"]
    kind = row["kind"]
    speaker = row["speaker"]
    speakerSurface = row["speaker_surface"]
    cue = row["cue"]
    rule = row["rule"]
    parent = row["parent"]
    text = row["text"]
  }
}

/// A row of `speakers`: a person or organisation one document names, with the quotations
/// it attributes to them.
struct SpeakerRecord: StoredRecord, Equatable {
  static let databaseTableName = "speakers"

  var document: Int64
  var number: Int
  /// The fullest form of the name the document gives.
  var name: String
  /// Every form the document uses, one per line.
  var forms: String
  /// Titles and appositions, one per line.
  var roles: String
  var organization: Bool
  var quotes: Int

  static let insertedColumns = ["document", "number", "name", "forms", "roles", "organization", "quotes"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [document, number, name, forms, roles, organization, quotes] }
}

extension SpeakerRecord {
  init(row: Row) throws {
    self.init(
      document: row["document"], number: row["number"], name: row["name"], forms: row["forms"], roles: row["roles"],
      organization: row["organization"], quotes: row["quotes"])
  }
}

/// A row of `claims`: a number or date one document states, as the document alone gives it.
struct ClaimRecord: StoredRecord, Equatable {
  static let databaseTableName = "claims"

  var document: Int64
  var number: Int
  /// Code point offsets of the quantity's words.
  var start: Int
  var end: Int
  var byteStart: Int
  var byteEnd: Int
  /// Code point offsets of its sentence.
  var sentenceStart: Int
  var sentenceEnd: Int
  /// `count`, `money`, `percent`, `date`, …
  var kind: String
  /// The value as a number, when it is one.
  var value: Double?
  /// The value as crosscheck shows it.
  var display: String
  var unit: String
  /// The words saying what it measures.
  var topic: String
  /// Who asserts it: the outlet, or the person quoted.
  var asserter: String
  var text: String

  static let insertedColumns = [
    "document", "number", "start", "end", "byte_start", "byte_end", "sentence_start", "sentence_end", "kind", "value",
    "display", "unit", "topic", "asserter", "text",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] {
    [document, number, start, end, byteStart, byteEnd, sentenceStart, sentenceEnd, kind, value, display, unit, topic, asserter, text]
  }
}

extension ClaimRecord {
  init(row: Row) throws {
    document = row["document"]
    number = row["number"]
    start = row["start"]
    end = row["end"]
    byteStart = row["byte_start"]
    byteEnd = row["byte_end"]
    sentenceStart = row["sentence_start"]
    sentenceEnd = row["sentence_end"]
    kind = row["kind"]
    value = row["value"]
    display = row["display"]
    unit = row["unit"]
    topic = row["topic"]
    asserter = row["asserter"]
    text = row["text"]
  }
}

/// A row of `analyses`: that a document's quotations, speakers and claims are stored, and
/// how many.
struct AnalysisRecord: StoredRecord, Equatable {
  static let databaseTableName = "analyses"

  var document: Int64
  var quotes: Int
  var speakers: Int
  var claims: Int

  static let insertedColumns = ["document", "quotes", "speakers", "claims"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [document, quotes, speakers, claims] }
}

extension AnalysisRecord {
  init(row: Row) throws {
    self.init(document: row["document"], quotes: row["quotes"], speakers: row["speakers"], claims: row["claims"])
  }
}
