import CrosscheckCore

/// `claims [GROUP]`: the numbers and dates the sources give, grouped by fact, with where
/// they disagree.
package enum ClaimsCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "claims",
    abstract: "compare the numbers and dates the sources give",
    discussion: """
      Finds every quantity and date in the article bodies (amounts of money, counts, \
      percentages, distances, durations, ages, ordinals, dates and times of day), resolves \
      relative dates against each article's date, and groups the claims that state the same \
      fact across sources. Each group gets a verdict: conflict (values or qualifiers that \
      cannot both be true), updated (a later report raises a count), consistent, rounded \
      (44.1 and 44), converted (€ and $ at a rate the corpus states, or one set with \
      'set rate EUR USD 1.10') or single (one source). Groups are listed conflicts first. \
      With a group id, shows each source's sentence with the quantity highlighted and the \
      reason for the verdict. --all lists every claim occurrence instead of groups.
      """,
    arguments: [ArgumentSpec("group", "a claim group id (C1…)", arity: .optional)],
    options: [
      .flag("conflicts", "only groups whose sources disagree"),
      .flag("all", "every claim occurrence, one per row, with its group"),
      .value("kind", "KIND", "only claims of this kind", kind: .choice(QuantityKind.allCases.map(\.rawValue))),
      .value("source", "DOC", "only groups (or claims) with a claim from this document", kind: .document),
      .flag("explain", "show the rule behind each quantity, its topic words and asserter"),
    ],
    examples: [
      Example("claims", "every group, conflicts first"),
      Example("claims --conflicts", "where the sources disagree"),
      Example("claims C3 --explain", "one group: each source's sentence and why the verdict"),
      Example("claims --all --format json", "every claim occurrence, for scripts"),
      Example("set rate EUR USD 1.10", "compare euros and dollars at this rate"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let corpus = context.corpus
    guard !corpus.isEmpty else { throw .failed("no documents are loaded (use 'load PATH')") }
    let rates = context.settings.rates
    let rateKey = rateKey(rates)
    return try context.cachedOutput(for: call, depending: rateKey) { () throws(ShellError) -> Output in
      try output(call, rates: rates, rateKey: rateKey, in: context)
    }
  }

  /// Names a set of exchange rates in cache keys.
  static func rateKey(_ rates: [ExchangeRate]) -> String {
    rates.map { "\($0.from)/\($0.to)=\($0.rate)" }.joined(separator: ",")
  }

  static func output(_ call: CommandCall, rates: [ExchangeRate], rateKey: String, in context: CommandContext) throws(ShellError) -> Output {
    let corpus = context.corpus
    let claims = context.claims
    let (groups, groupOf) = context.claimGroups(rates: rates, rateKey: rateKey)
    var kind: QuantityKind? = nil
    if let word = call.value("kind") {
      guard let parsed = QuantityKind(rawValue: word) else {
        throw .usage("no claim kind '\(word)'", hint: "kinds: \(QuantityKind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      kind = parsed
    }
    let source = try call.value("source").map { word throws(ShellError) in try context.document(word).id }
    let documents = context.cached("documents-by-id") { Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0) }) }

    if let id = call.arguments.first {
      guard let group = groups.first(where: { $0.id.lowercased() == id.lowercased() }) else {
        throw .notFound("no claim group '\(id)'", hint: "groups are C1 to C\(groups.count); see 'claims'")
      }
      return detail(group, claims: claims, documents: documents, explain: call.flag("explain"))
    }
    if call.flag("all") {
      let selected = claims.indices.filter { index in
        (kind == nil || claims[index].quantity.kind == kind) && (source == nil || claims[index].document == source)
      }
      return occurrences(selected.map { claims[$0] }, groupOf: selected.map { groupOf[$0] ?? "" }, documents: documents, explain: call.flag("explain"))
    }
    var selected = groups.filter { group in
      (kind == nil || group.members.contains { claims[$0].quantity.kind == kind })
        && (source == nil || group.members.contains { claims[$0].document == source })
        && (!call.flag("conflicts") || group.agreement == .conflict)
    }
    selected.sort { rank($0.agreement) < rank($1.agreement) || rank($0.agreement) == rank($1.agreement) && number($0.id) < number($1.id) }
    return list(selected, claims: claims, documents: documents, explain: call.flag("explain"))
  }

  static func rank(_ agreement: Agreement) -> Int {
    switch agreement {
    case .conflict: return 0
    case .updated: return 1
    default: return 2
    }
  }

  static func number(_ id: String) -> Int { Int(id.dropFirst()) ?? 0 }

  static func list(_ groups: [ClaimGroup], claims: [Claim], documents: [String: Document], explain: Bool) -> Output {
    var columns = [
      Column("group", key: "group"), Column("agreement", key: "agreement"), Column("topic", key: "topic", truncatable: true),
      Column("sources", key: "sources"), Column("values", key: "values", truncatable: true),
    ]
    if explain { columns.append(Column("why", key: "reason", truncatable: true)) }
    let rows: [[Cell]] = groups.map { group in
      var row: [Cell] = [
        .text(group.id), .text(group.agreement.rawValue), .text(group.topic),
        .int(Set(group.members.map { claims[$0].document }).count), .text(values(group, claims: claims, documents: documents)),
      ]
      if explain { row.append(.text(group.reason)) }
      return row
    }
    let json: JSONValue = .array(groups.map { groupJSON($0, claims: claims, documents: documents, explain: explain) })
    if groups.isEmpty { return Output([.message(StyledText("No claims match.", .dim))], json: json) }
    return Output([.table(Table(columns: columns, rows: rows))], json: json)
  }

  /// "1,200 (coastwire, valley-ledger); 1,400 (riverton-gazette)".
  static func values(_ group: ClaimGroup, claims: [Claim], documents: [String: Document]) -> String {
    var order: [String] = []
    var sources: [String: [String]] = [:]
    for member in group.members {
      let claim = claims[member]
      guard let document = documents[claim.document] else { continue }
      let text = document.string(claim.quantity.range)
      if sources[text] == nil { order.append(text) }
      if !(sources[text]?.contains(claim.document) ?? false) { sources[text, default: []].append(claim.document) }
    }
    return order.map { "\($0) (\(sources[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")
  }

  static func detail(_ group: ClaimGroup, claims: [Claim], documents: [String: Document], explain: Bool) -> Output {
    var blocks: [Block] = [
      .heading("\(group.id): \(group.topic)"),
      .fields([Field("agreement", StyledText(group.agreement.rawValue, group.agreement == .conflict ? .warning : .bold)), Field("why", StyledText(group.reason))]),
    ]
    for member in group.members {
      let claim = claims[member]
      guard let document = documents[claim.document] else { continue }
      var runs: [StyledRun] = []
      let sentence = claim.sentence
      let quantity = claim.quantity.range
      if quantity.lowerBound > sentence.lowerBound { runs.append(StyledRun(document.string(sentence.lowerBound..<quantity.lowerBound))) }
      runs.append(StyledRun(document.string(quantity), .highlight))
      if quantity.upperBound < sentence.upperBound { runs.append(StyledRun(document.string(quantity.upperBound..<sentence.upperBound))) }
      var fields = [
        Field("source", StyledText(claim.document)),
        Field("value", StyledText(valueText(claim.quantity))),
        Field("asserted by", StyledText(claim.asserter)),
        Field("sentence", StyledText(runs)),
      ]
      if explain {
        fields.append(Field("in words", StyledText(explanation(claim, document: document))))
        fields.append(Field("rule", StyledText(claim.quantity.rule)))
        fields.append(Field("topic words", StyledText(claim.topic.joined(separator: " "))))
        fields.append(Field("attribution", StyledText(claim.asserterRule)))
      }
      blocks.append(.fields(fields))
    }
    return Output(blocks, json: groupJSON(group, claims: claims, documents: documents, withReason: true, explain: explain))
  }

  static func valueText(_ quantity: Quantity) -> String {
    var text = "\(quantity.kind.rawValue) \(quantity.value.display)"
    if !quantity.unit.isEmpty, quantity.unit != "date" { text += " \(quantity.unit)" }
    if let alternate = quantity.alternate { text += " (\(QuantityValue.format(alternate.value)) \(alternate.unit))" }
    if let qualifier = quantity.qualifier { text += ", \(qualifier.rawValue.replacingOccurrences(of: "_", with: " "))" }
    return text
  }

  static func groupJSON(_ group: ClaimGroup, claims: [Claim], documents: [String: Document], withReason: Bool = true, explain: Bool = false) -> JSONValue {
    .object([
      ("group", .string(group.id)), ("topic", .string(group.topic)), ("agreement", .string(group.agreement.rawValue)),
      ("reason", .string(group.reason)),
      ("members", .array(group.members.compactMap { member in
        documents[claims[member].document].map { memberJSON(claims[member], document: $0) }
      })),
    ] + (explain ? [("explanation", .string(explanation(group, claims: claims, documents: documents)))] : []))
  }

  /// The verdict and each source's value in sentences: the grouper's reason, then for each
  /// member the words read, the recognizer's rule and who asserts it.
  static func explanation(_ group: ClaimGroup, claims: [Claim], documents: [String: Document]) -> String {
    var sentences = ["\(group.id) is “\(group.agreement.rawValue)”: \(group.reason)."]
    for member in group.members {
      let claim = claims[member]
      guard let document = documents[claim.document] else { continue }
      sentences.append("In \(claim.document), " + explanation(claim, document: document))
    }
    return sentences.joined(separator: " ")
  }

  /// How one claim was read, from the recognizer's rule and the extractor's asserter rule.
  static func explanation(_ claim: Claim, document: Document) -> String {
    var text = "“\(document.string(claim.quantity.range))” is read as “\(valueText(claim.quantity))” by the rule “\(claim.quantity.rule)”"
    switch claim.asserterRule {
    case "quotation": text += "; it is inside a quotation, so it is \(claim.asserter)'s claim, not the outlet's"
    case "according to": text += "; the sentence says “according to”, so it is \(claim.asserter)'s claim, not the outlet's"
    case "reported speech": text += "; the sentence reports what \(claim.asserter) said, so it is \(claim.asserter)'s claim, not the outlet's"
    default: text += "; the outlet states it in its own words"
    }
    if !claim.topic.isEmpty { text += ". It is matched with other sources' numbers by the words around it: \(claim.topic.joined(separator: ", "))" }
    return text + "."
  }

  static func memberJSON(_ claim: Claim, document: Document, extra: [(String, JSONValue)] = []) -> JSONValue {
    let span = document.scalarRange(claim.quantity.range)
    let sentence = document.scalarRange(claim.sentence)
    var fields: [(String, JSONValue)] = [
      ("doc", .string(claim.document)), ("start", .int(span.lowerBound)), ("end", .int(span.upperBound)),
      ("text", .string(document.string(claim.quantity.range))), ("sentence", .string(document.string(claim.sentence))),
      ("sentence_start", .int(sentence.lowerBound)), ("sentence_end", .int(sentence.upperBound)),
      ("kind", .string(claim.quantity.kind.rawValue)), ("value", valueJSON(claim.quantity.value)), ("unit", .string(claim.quantity.unit)),
      ("value_alt", claim.quantity.alternate.map { numberJSON($0.value) } ?? .null), ("unit_alt", .string(claim.quantity.alternate?.unit)),
      ("qualifier", .string(claim.quantity.qualifier?.rawValue)), ("asserter", .string(claim.asserter)),
    ]
    fields += extra
    return .object(fields)
  }

  static func numberJSON(_ value: Double) -> JSONValue {
    value == value.rounded() && abs(value) < 9e15 ? .int(Int(value)) : .double(value)
  }

  static func valueJSON(_ value: QuantityValue) -> JSONValue {
    switch value {
    case .number(let number): return numberJSON(number)
    case .range(let low, let high): return .array([numberJSON(low), numberJSON(high)])
    case .date(let text): return .string(text)
    case .vague: return .null
    }
  }

  static func occurrences(_ claims: [Claim], groupOf: [String], documents: [String: Document], explain: Bool) -> Output {
    var columns = [
      Column("id", key: "id"), Column("doc", key: "doc", truncatable: true), Column("text", key: "text", truncatable: true),
      Column("kind", key: "kind"), Column("value", key: "value"), Column("unit", key: "unit"), Column("group", key: "group"),
    ]
    if explain { columns += [Column("rule", key: "rule", truncatable: true), Column("asserted by", key: "asserter", truncatable: true)] }
    var rows: [[Cell]] = []
    var json: [JSONValue] = []
    for (claim, group) in zip(claims, groupOf) {
      guard let document = documents[claim.document] else { continue }
      var row: [Cell] = [
        .text(claim.id), .text(claim.document), .text(document.string(claim.quantity.range)), .text(claim.quantity.kind.rawValue),
        .text(claim.quantity.value.display), .text(claim.quantity.unit), .text(group),
      ]
      if explain { row += [.text(claim.quantity.rule), .text(claim.asserter)] }
      rows.append(row)
      json.append(memberJSON(claim, document: document, extra: [
        ("id", .string(claim.id)), ("topic", .string(claim.topicText)), ("group", .string(group)), ("rule", .string(claim.quantity.rule)),
      ] + (explain ? [("topic_words", .array(claim.topic.map(JSONValue.string)))] : [])))
    }
    return Output([.table(Table(columns: columns, rows: rows))], json: .array(json))
  }
}
