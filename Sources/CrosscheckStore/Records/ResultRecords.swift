import CrosscheckCore
import GRDB

// The records of the cross-document results (schema version 6). Documents are named by
// their number in `sources` (1-based load order), which the corpus fingerprint pins down.
// Each record converts to and from its core value here, and only here.

/// A row of `results`: one cross-document result and what it was computed from.
struct ResultRecord: StoredRecord, Equatable {
  static let databaseTableName = "results"

  var id: Int64
  /// `quotes`, `claims`, `claim-groups` or `similarity`.
  var kind: String
  /// The options it depends on: the exchange rates of claim groups, the method of a comparison.
  var variant: String
  /// The corpus fingerprint's digest.
  var corpus: String
  /// The analysis version it was computed with.
  var version: Int
  /// How many documents the corpus had.
  var documents: Int

  static let insertedColumns = ["id", "kind", "variant", "corpus", "version", "documents"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [id, kind, variant, corpus, version, documents] }
}

extension ResultRecord {
  init(id: Int64, kind: String, variant: String, fingerprint: CorpusFingerprint, documents: Int) {
    self.init(id: id, kind: kind, variant: variant, corpus: fingerprint.digest, version: fingerprint.version, documents: documents)
  }

  init(row: Row) throws {
    self.init(id: row[0], kind: row[1], variant: row[2], corpus: row[3], version: row[4], documents: row[5])
  }
}

/// Lists of short texts kept in one column, one per line.
enum LineList {
  /// The lines, or nil when a text holds a line break or the list is one empty text (which
  /// would not read back as written).
  static func encode(_ items: [String]) -> String? {
    if items.count == 1, items[0].isEmpty { return nil }
    if items.contains(where: { $0.contains("\n") }) { return nil }
    return items.joined(separator: "\n")
  }

  static func decode(_ text: String) -> [String] {
    // Split as bytes: splitting into Characters cost more than the rest of reading a claim.
    text.isEmpty ? [] : text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// A result that cannot be written so that it reads back exactly as computed (it is not
/// stored), or a stored one that does not read back (a damaged file: it is computed again).
struct UnstorableResult: Error {}

/// `row[lower]..<row[upper]`, or an error when the bounds are reversed.
func storedRange(_ row: Row, _ lower: Int, _ upper: Int) throws -> Range<Int> {
  let (start, end): (Int, Int) = (row[lower], row[upper])
  guard start <= end else { throw UnstorableResult() }
  return start..<end
}

// MARK: - Quotes

/// A row of `quote_occurrences`: one quotation of the corpus with its attribution and group.
struct QuoteOccurrenceRecord: StoredRecord {
  static let databaseTableName = "quote_occurrences"
  var values: [(any DatabaseValueConvertible)?]

  static let insertedColumns = [
    "result", "number", "id", "doc", "start", "end", "byte_start", "byte_end", "open_mark", "close_mark", "token_start",
    "token_end", "segment", "parent", "single", "kind", "rule", "cue", "surface", "surface_start", "surface_end",
    "surface_kind", "framing", "person", "evidence", "confidence", "resolution", "unattributed", "speaker", "quote_group",
    "variant", "misattributed", "nested_in", "text",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] { values }

  init(_ occurrence: QuoteOccurrence, result: Int64, number: Int) {
    let quote = occurrence.quote
    let span = quote.span
    let attribution = quote.attribution
    values = [
      result, number, occurrence.id, occurrence.document + 1, occurrence.start, occurrence.end, span.range.lowerBound,
      span.range.upperBound, span.openMark, span.closeMark, span.tokens.lowerBound, span.tokens.upperBound, span.segment,
      span.parent, span.isSingle, quote.kind.rawValue, attribution?.rule.rawValue, attribution?.cue, attribution?.surface,
      attribution?.surfaceRange?.lowerBound, attribution?.surfaceRange?.upperBound, attribution?.surfaceKind?.rawValue,
      attribution?.framing, attribution?.person, attribution?.evidence, attribution?.confidence, attribution?.resolution,
      quote.unattributedReason, occurrence.speaker, occurrence.group, occurrence.variant.rawValue, occurrence.misattributed,
      occurrence.nestedIn, occurrence.text,
    ]
  }

  init(row: Row) throws { values = (0..<Self.insertedColumns.count).map { row[$0] as DatabaseValue } }

  /// The occurrence a row of `quote_occurrences` holds.
  /// - Parameter documentIDs: the corpus's document ids, in order.
  static func occurrence(_ row: Row, documentIDs: [String]) throws -> QuoteOccurrence {
    let document = (row[3] as Int) - 1
    guard documentIDs.indices.contains(document), let kind = QuoteKind(rawValue: row[15]),
      let variant = QuoteVariant(rawValue: row[30])
    else { throw UnstorableResult() }
    var attribution: Attribution?
    if let ruleName = row[16] as String? {
      guard let rule = AttributionRule(rawValue: ruleName) else { throw UnstorableResult() }
      let surfaceRange: Range<Int>? = (row[19] as DatabaseValue).isNull ? nil : try storedRange(row, 19, 20)
      attribution = Attribution(
        restoringRule: rule, cue: row[17], surface: row[18], surfaceRange: surfaceRange,
        surfaceKind: (row[21] as String?).flatMap(SurfaceKind.init(rawValue:)), framing: row[22], person: row[23],
        evidence: row[24] ?? "", confidence: row[25] ?? 0, resolution: row[26])
    }
    let span = QuoteSpan(
      restoringOpenMark: row[8], closeMark: row[9], range: try storedRange(row, 6, 7),
      tokens: try storedRange(row, 10, 11), segment: row[12], parent: row[13], isSingle: row[14])
    return QuoteOccurrence(
      restoringID: row[2], document: document, documentID: documentIDs[document], start: row[4], end: row[5], text: row[33],
      quote: AttributedQuote(restoringSpan: span, kind: kind, attribution: attribution, unattributedReason: row[27]),
      speaker: row[28], group: row[29], variant: variant, misattributed: row[31], nestedIn: row[32])
  }
}

/// A row of `quote_groups`: one utterance across the corpus.
struct QuoteGroupRecord: StoredRecord {
  static let databaseTableName = "quote_groups"
  var result: Int64
  var number: Int
  var id: String
  /// `quote_occurrences.number` of the fullest rendering.
  var canonical: Int
  /// `quote_speakers.number`, when known.
  var speaker: Int?

  static let insertedColumns = ["result", "number", "id", "canonical", "speaker"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [result, number, id, canonical, speaker] }
}

extension QuoteGroupRecord {
  init(_ group: QuoteGroup, result: Int64, number: Int) {
    self.init(result: result, number: number, id: group.id, canonical: group.canonical, speaker: group.speaker)
  }

  init(row: Row) throws {
    self.init(result: row[0], number: row[1], id: row[2], canonical: row[3], speaker: row[4])
  }
}

/// A row of `quote_speakers`: one person quoted in the corpus, under one canonical name.
struct QuoteSpeakerRecord: StoredRecord {
  static let databaseTableName = "quote_speakers"
  var result: Int64
  var number: Int
  var id: String
  var name: String
  /// Other forms of the name, one per line.
  var aliases: String
  /// Titles and appositions, one per line.
  var roles: String

  static let insertedColumns = ["result", "number", "id", "name", "aliases", "roles"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [result, number, id, name, aliases, roles] }
}

extension QuoteSpeakerRecord {
  init(_ summary: SpeakerSummary, result: Int64, number: Int) throws {
    guard let aliases = LineList.encode(summary.speaker.aliases), let roles = LineList.encode(summary.speaker.roles) else {
      throw UnstorableResult()
    }
    self.init(result: result, number: number, id: summary.id, name: summary.speaker.name, aliases: aliases, roles: roles)
  }

  init(row: Row) throws {
    self.init(result: row[0], number: row[1], id: row[2], name: row[3], aliases: row[4], roles: row[5])
  }

  /// The speaker's id and person, given the joins of its names.
  func speaker(joins: [SpeakerJoin]) -> (id: String, speaker: CanonicalSpeaker) {
    (id, CanonicalSpeaker(restoringName: name, aliases: LineList.decode(aliases), roles: LineList.decode(roles), joins: joins))
  }
}

/// A row of `quote_speaker_joins`: one document's name for a quoted person, and why it joined.
struct QuoteSpeakerJoinRecord: StoredRecord {
  static let databaseTableName = "quote_speaker_joins"
  var result: Int64
  var speaker: Int
  var number: Int
  var doc: Int
  var name: String
  var reason: String

  static let insertedColumns = ["result", "speaker", "number", "doc", "name", "reason"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [result, speaker, number, doc, name, reason] }
}

extension QuoteSpeakerJoinRecord {
  init(_ join: SpeakerJoin, result: Int64, speaker: Int, number: Int) {
    self.init(result: result, speaker: speaker, number: number, doc: join.document + 1, name: join.name, reason: join.reason)
  }

  init(row: Row) throws {
    self.init(result: row[0], speaker: row[1], number: row[2], doc: row[3], name: row[4], reason: row[5])
  }

  var join: SpeakerJoin { SpeakerJoin(restoringDocument: doc - 1, name: name, reason: reason) }
}

// MARK: - Claims

/// A row of `corpus_claims`: one claim as `claims` uses it, with the reference date the
/// other documents gave it.
struct CorpusClaimRecord: StoredRecord {
  static let databaseTableName = "corpus_claims"
  var values: [(any DatabaseValueConvertible)?]

  static let insertedColumns = [
    "result", "number", "id", "doc", "byte_start", "byte_end", "kind", "value", "value_high", "value_text", "unit",
    "alternate_value", "alternate_unit", "qualifier", "rule", "text", "sentence_start", "sentence_end", "sentence_index",
    "topic", "topic_text", "asserter", "asserter_rule", "frames", "frame_of", "published", "published_minute", "measured",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] { values }

  /// - Parameter document: the claim's document number (1-based).
  init(_ claim: Claim, result: Int64, number: Int, document: Int) throws {
    guard let topic = LineList.encode(claim.topic) else { throw UnstorableResult() }
    let quantity = claim.quantity
    var low: Double?
    var high: Double?
    var text: String?
    switch quantity.value {
    case .number(let value): low = value
    case .range(let from, let to): (low, high) = (from, to)
    case .date(let date): text = date
    case .vague: break
    }
    values = [
      result, number, claim.id, document, quantity.range.lowerBound, quantity.range.upperBound, quantity.kind.rawValue, low,
      high, text, quantity.unit, quantity.alternate?.value, quantity.alternate?.unit, quantity.qualifier?.rawValue,
      quantity.rule, claim.text, claim.sentence.lowerBound, claim.sentence.upperBound, claim.sentenceIndex, topic,
      claim.topicText, claim.asserter, claim.asserterRule, claim.frames.map(\.rawValue).joined(separator: ","),
      claim.frameOf, claim.published?.days, claim.publishedMinute, claim.measured,
    ]
  }

  init(row: Row) throws { values = (0..<Self.insertedColumns.count).map { row[$0] as DatabaseValue } }

  /// The claim a row of `corpus_claims` holds.
  /// - Parameter documentIDs: the corpus's document ids, in order.
  static func claim(_ row: Row, documentIDs: [String]) throws -> Claim {
    let document = (row[3] as Int) - 1
    guard documentIDs.indices.contains(document), let kind = QuantityKind(rawValue: row[6]) else { throw UnstorableResult() }
    let value: QuantityValue
    if let date = row[9] as String? {
      value = .date(date)
    } else if let low = row[7] as Double? {
      value = (row[8] as Double?).map { .range(low, $0) } ?? .number(low)
    } else {
      value = .vague
    }
    let alternate: (value: Double, unit: String)? = (row[11] as Double?).flatMap { amount in (row[12] as String?).map { (amount, $0) } }
    var qualifier: Qualifier?
    if let name = row[13] as String? {
      guard let known = Qualifier(rawValue: name) else { throw UnstorableResult() }
      qualifier = known
    }
    var frames: [Qualifier] = []
    for name in (row[23] as String).split(separator: ",") {
      guard let frame = Qualifier(rawValue: String(name)) else { throw UnstorableResult() }
      frames.append(frame)
    }
    let quantity = Quantity(
      range: try storedRange(row, 4, 5), kind: kind, value: value, unit: row[10], alternate: alternate,
      qualifier: qualifier, rule: row[14])
    return Claim(
      restoringID: row[2], document: documentIDs[document], quantity: quantity, text: row[15],
      sentence: try storedRange(row, 16, 17), topic: LineList.decode(row[19]), topicText: row[20], asserter: row[21],
      asserterRule: row[22], frames: frames, frameOf: row[24], published: (row[25] as Int?).map { CivilDate(days: $0) },
      publishedMinute: row[26], measured: row[27], sentenceIndex: row[18])
  }
}

/// A row of `claim_groups`: claims about one fact, with the verdict.
struct ClaimGroupRecord: StoredRecord {
  static let databaseTableName = "claim_groups"
  var result: Int64
  var number: Int
  var id: String
  /// `corpus_claims.number` of each member, space-separated, in the group's order.
  var members: String
  var topic: String
  var agreement: String
  var reason: String

  static let insertedColumns = ["result", "number", "id", "members", "topic", "agreement", "reason"]
  var insertedValues: [(any DatabaseValueConvertible)?] { [result, number, id, members, topic, agreement, reason] }
}

extension ClaimGroupRecord {
  init(_ group: ClaimGroup, result: Int64, number: Int) {
    self.init(
      result: result, number: number, id: group.id, members: group.members.map(String.init).joined(separator: " "),
      topic: group.topic, agreement: group.agreement.rawValue, reason: group.reason)
  }

  init(row: Row) throws {
    self.init(result: row[0], number: row[1], id: row[2], members: row[3], topic: row[4], agreement: row[5], reason: row[6])
  }

  /// The group this row holds.
  func group() throws -> ClaimGroup {
    guard let agreement = Agreement(rawValue: agreement) else { throw UnstorableResult() }
    var indices: [Int] = []
    for member in members.split(separator: " ") {
      guard let index = Int(member) else { throw UnstorableResult() }
      indices.append(index)
    }
    return ClaimGroup(restoringID: id, members: indices, topic: topic, agreement: agreement, reason: reason)
  }
}

// MARK: - Similarity

/// A row of `similar_pairs`: two documents that share at least one shingle.
struct SimilarPairRecord: StoredRecord {
  static let databaseTableName = "similar_pairs"
  var values: [(any DatabaseValueConvertible)?]

  static let insertedColumns = [
    "result", "number", "a", "b", "shared", "count_a", "count_b", "judgement", "derived", "source", "reason",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] { values }

  init(_ pair: PairComparison, result: Int64, number: Int) {
    values = [
      result, number, pair.a + 1, pair.b + 1, pair.score.shared, pair.score.countA, pair.score.countB,
      pair.judgement.rawValue, pair.hint?.derived.map { $0 + 1 }, pair.hint?.source.map { $0 + 1 }, pair.hint?.reason,
    ]
  }

  init(row: Row) throws { values = (0..<Self.insertedColumns.count).map { row[$0] as DatabaseValue } }

  /// The comparison a row of `similar_pairs` holds, with its passages.
  static func pair(_ row: Row, passages: [PassageSpan]) throws -> PairComparison {
    guard let judgement = ReuseJudgement(rawValue: row[7]) else { throw UnstorableResult() }
    let hint = (row[10] as String?).map { reason in
      DerivationHint(restoringDerived: (row[8] as Int?).map { $0 - 1 }, source: (row[9] as Int?).map { $0 - 1 }, reason: reason)
    }
    return PairComparison(
      restoringA: (row[2] as Int) - 1, b: (row[3] as Int) - 1,
      score: SimilarityScore(shared: row[4], countA: row[5], countB: row[6]), passages: passages, judgement: judgement,
      hint: hint)
  }
}

/// A row of `shared_passages`: a passage two documents of a pair share.
struct SharedPassageRecord: StoredRecord {
  static let databaseTableName = "shared_passages"
  var values: [(any DatabaseValueConvertible)?]

  static let insertedColumns = [
    "result", "pair", "number", "a_start", "a_end", "b_start", "b_end", "matched", "a_byte_start", "a_byte_end",
    "b_byte_start", "b_byte_end", "quoted_a", "quoted_b",
  ]
  var insertedValues: [(any DatabaseValueConvertible)?] { values }

  init(_ passage: PassageSpan, result: Int64, pair: Int, number: Int) {
    values = [
      result, pair, number, passage.words.a.lowerBound, passage.words.a.upperBound, passage.words.b.lowerBound,
      passage.words.b.upperBound, passage.words.matched, passage.aBytes.lowerBound, passage.aBytes.upperBound,
      passage.bBytes.lowerBound, passage.bBytes.upperBound, passage.quotedInA, passage.quotedInB,
    ]
  }

  init(row: Row) throws { values = (0..<Self.insertedColumns.count).map { row[$0] as DatabaseValue } }

  /// The passage a row of `shared_passages` holds (its pair number is `row[1]`).
  static func passage(_ row: Row) throws -> PassageSpan {
    PassageSpan(
      restoringA: try storedRange(row, 3, 4), b: try storedRange(row, 5, 6), matched: row[7],
      aBytes: try storedRange(row, 8, 9), bBytes: try storedRange(row, 10, 11), quotedInA: row[12],
      quotedInB: row[13])
  }
}
