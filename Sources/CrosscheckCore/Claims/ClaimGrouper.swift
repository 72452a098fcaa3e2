/// Groups claims that state the same fact across sources and decides whether they agree.
///
/// Two claims are linked when their kinds and units are compatible and their topic words
/// overlap enough, the overlap weighted by inverse document frequency over the corpus's
/// claims so that the story's ubiquitous words (the town, the outlet) count for little.
/// Groups are the connected components of the links (single linkage). Frames ("within a
/// year") join the group of the amount they bound.
///
/// The verdict reads every value as an interval: an exact figure covers what rounds to it
/// (half its last significant place, at most `roundingShare` of its size); "about" widens it
/// by `approximateShare`; "nearly", "more than", "at least" and "up to" make it one-sided.
/// Two members conflict when their intervals do not meet after converting currencies
/// (with a rate the corpus states beside an amount, else one the user set) and units.
package struct ClaimGrouper: Sendable {
  /// Largest tolerance an exact figure gets for rounding, as a share of its value.
  static let roundingShare = 0.05
  /// Slack for an amount converted at a rate, as a share of its value: rates drift and
  /// outlets round converted figures.
  static let conversionShare = 0.025
  /// How much more a shared event word ("injured", "evacuated") counts than another word.
  static let eventWeight = 2.5
  /// How far "about", "roughly" and "some" widen a figure.
  static let approximateShare = 0.1
  /// How far "more than" and "at least" reach above a figure.
  static let openShare = 0.5
  /// Mean topic weight two groups must share to merge.
  static let linkThreshold = 4.0
  /// Topic weight that links two claims giving exactly the same value.
  static let sameValueThreshold = 1.5
  /// Mean topic weight two groups whose values disagree must share to merge (and conflict).
  static let conflictThreshold = 9.0
  /// Shared topic words, and their share of the longer topic, that make two clauses paraphrases.
  static let paraphraseWords = 3
  static let paraphraseShare = 0.75
  /// Words in more claims than this do not propose pairs (they still count in scores).
  static let postingCap = 32
  /// Groups this large (product of sizes) are not compared member by member.
  static let largestComparison = 1024

  package var rates: [ExchangeRate]

  package init(rates: [ExchangeRate] = []) { self.rates = rates }

  /// Groups the claims, numbered by first appearance.
  /// - Complexity: candidate pairs come from an inverted index of topic words, so the cost
  ///   grows with the pairs that share a word, not with the square of the claims.
  package func groups(of claims: [Claim]) -> [ClaimGroup] {
    let statedRates = Self.statedRates(claims) + rates
    // Topic words as sorted interned ids, with weights as in `topicWeights`, for fast intersections.
    var ids: [String: Int32] = [:]
    var topics: [[Int32]] = []
    topics.reserveCapacity(claims.count)
    var frequency: [Int] = []
    for claim in claims {
      var list: [Int32] = []
      for word in claim.topic {
        let id: Int32
        if let known = ids[word] { id = known } else { id = Int32(ids.count); ids[word] = id; frequency.append(0) }
        list.append(id)
      }
      list = Array(Set(list)).sorted()
      for id in list { frequency[Int(id)] += 1 }
      topics.append(list)
    }
    var weights = [Double](repeating: 0, count: ids.count)
    var events = [Bool](repeating: false, count: ids.count)
    for (word, id) in ids {
      weights[Int(id)] = Self.log((Double(claims.count) + Self.idfPrior) / Double(frequency[Int(id)] + 1))
      events[Int(id)] = TopicLexicon.isEventClass(word)
    }
    // Per-claim facts the pair score needs, in flat arrays: copying claims is what costs.
    let scheduledIDs = Set(TopicLexicon.scheduledEvents.compactMap { ids[$0] })
    let measured = claims.map { $0.measured.map { ($0, TopicLexicon.isEventClass($0) || TopicLexicon.synonyms[$0] != nil) } }
    var unitIDs: [String: Int] = [:]
    var documentIDs: [String: Int] = [:]
    let kinds = claims.map(\.quantity.kind)
    let units = claims.map { claim in unitIDs[claim.quantity.unit] ?? { unitIDs[claim.quantity.unit] = unitIDs.count; return unitIDs.count - 1 }() }
    let documents = claims.map { claim in documentIDs[claim.document] ?? { documentIDs[claim.document] = documentIDs.count; return documentIDs.count - 1 }() }
    let isFrame = claims.map { $0.frameOf != nil }
    let isRate = claims.map { $0.quantity.qualifier == .per }
    let isVague = claims.map { $0.quantity.value == .vague }
    let isClock = claims.map { $0.quantity.unit == "datetime" }
    let isSameDay = claims.map { $0.quantity.rule == "the same day" }
    let sentenceStarts = claims.map(\.sentence.lowerBound)
    let sentenceIndices = claims.map(\.sentenceIndex)
    func compatible(_ a: Int, _ b: Int) -> Bool {
      guard kinds[a] == kinds[b] else { return false }
      switch kinds[a] {
      case .money, .distance, .age, .percent, .temperature: return true
      // "hours after" and "for 11 years" are no one fact: a duration without a number
      // meets only durations in its own unit.
      case .duration: return (!isRate[a] || isRate[b]) && (!(isVague[a] || isVague[b]) || units[a] == units[b])
      case .date: return isClock[a] == isClock[b]
      case .count, .ordinal: return units[a] == units[b]
      }
    }
    func score(_ a: Int, _ b: Int) -> Double {
      guard !isFrame[a], !isFrame[b], compatible(a, b) else { return 0 }
      let sameDocument = documents[a] == documents[b]
      if sameDocument, sentenceStarts[a] == sentenceStarts[b] { return 0 }
      var total = 0.0
      var shared = 0
      var sharesEvent = false
      let x = topics[a], y = topics[b]
      var i = 0, j = 0
      while i < x.count && j < y.count {
        if x[i] == y[j] {
          let id = Int(x[i])
          total += weights[id] * (events[id] ? Self.eventWeight : 1)
          if events[id] { sharesEvent = true }
          shared += 1
          i += 1
          j += 1
        } else if x[i] < y[j] {
          i += 1
        } else {
          j += 1
        }
      }
      // The same people counted for the same event ("14 people were treated", "a dozen
      // people were hurt") are one fact, however differently the sentences run.
      if kinds[a] == .count, units[a] == units[b], unitIDs[""] != units[a], sharesEvent { total += Self.conflictThreshold }
      // Dates of different days are often both in a story about one event (the fire on
      // Thursday, the toll rising on Friday); words alone never make them one fact. A
      // scheduled event both name ("the inquiry opens Nov. 21", "the hearing is next
      // Monday") or one of the rules below does.
      var scheduled = false
      if kinds[a] == .date {
        total = min(total, Self.conflictThreshold * 0.99)
        i = 0
        j = 0
        while i < x.count && j < y.count {
          if x[i] == y[j] {
            if scheduledIDs.contains(x[i]) { scheduled = true }
            i += 1
            j += 1
          } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        if scheduled, shared >= Self.paraphraseWords { total += Self.conflictThreshold }
      }
      if kinds[a] == .money, units[a] == units[b], documents[a] != documents[b], claims[a].quantity.value == claims[b].quantity.value {
        total += Self.sameValueThreshold
      }
      // Two clauses that say nearly the same thing ("Schools will reopen on Monday" and
      // "Schools will reopen on June 17") are about one fact.
      if shared >= Self.paraphraseWords, Double(shared) >= Self.paraphraseShare * Double(max(x.count, y.count)) { total += Self.conflictThreshold }
      // Two measures of the same thing ("a 60-foot section", "the 80-foot gap").
      if let (thing, strong) = measured[a], strong, thing == measured[b]?.0 { total += Self.conflictThreshold }
      // An article that dates one event twice in neighbouring sentences, one of them "the
      // same day" as something else, is checked against itself.
      if kinds[a] == .date, sameDocument, isSameDay[a] || isSameDay[b], abs(sentenceIndices[a] - sentenceIndices[b]) == 1, sharesEvent {
        total += Self.conflictThreshold
      }
      return total
    }
    let ownSpans = claims.map { span($0.quantity, in: $0.quantity.unit, rates: statedRates) }
    func spanOf(_ index: Int) -> Span? { ownSpans[index] }
    func agree(_ a: Int, _ b: Int) -> Bool {
      let p = claims[a].quantity, q = claims[b].quantity
      if p.unit != q.unit, p.kind == .money || p.kind == .temperature {
        guard let x = span(p, in: p.unit, rates: statedRates), let y = span(q, in: p.unit, rates: statedRates) else { return true }
        return x.low < y.high && y.low < x.high
      }
      guard var x = spanOf(a), var y = spanOf(b) else { return true }
      if p.unit != q.unit, let f = Self.scale(p.unit), let g = Self.scale(q.unit) {
        x.low *= f; x.high *= f; y.low *= g; y.high *= g
      }
      return x.low < y.high && y.low < x.high
    }

    // Candidate pairs: claims of one kind that share a topic word that is not everywhere.
    var postings: [Int64: [Int32]] = [:]
    for (index, list) in topics.enumerated() where !isFrame[index] {
      let kind = Int64(QuantityKind.allCases.firstIndex(of: kinds[index]) ?? 0)
      for id in list { postings[kind << 32 | Int64(id), default: []].append(Int32(index)) }
    }
    // The same amount of money to the cent in two reports is a candidate even with no
    // words in common ("€17.7 billion a year", "17.7 billion euros annually").
    var amounts: [String: [Int32]] = [:]
    for (index, claim) in claims.enumerated() where claim.quantity.kind == .money && claim.frameOf == nil {
      if let value = claim.quantity.value.number { amounts["\(claim.quantity.unit) \(value)", default: []].append(Int32(index)) }
    }
    var candidates: [Int64] = []
    for list in Array(postings.values) + Array(amounts.values) where list.count > 1 && list.count <= Self.postingCap {
      for x in list.indices { for y in (x + 1)..<list.count { candidates.append(Int64(list[x]) << 32 | Int64(list[y])) } }
    }
    candidates.sort()
    var pairs: [(Double, Int, Int)] = []
    var previous: Int64 = -1
    for key in candidates where key != previous {
      previous = key
      let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
      let value = score(a, b)
      if value >= Self.sameValueThreshold { pairs.append((value, a, b)) }
    }
    pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }

    // Average linkage: two groups merge when their members' mean link is strong enough,
    // and stronger still when their values disagree.
    var parent = Array(claims.indices)
    var members = claims.indices.map { [$0] }
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
      return x
    }
    for (_, a, b) in pairs {
      let ra = find(a), rb = find(b)
      guard ra != rb else { continue }
      let left = members[ra], right = members[rb]
      guard left.count * right.count <= Self.largestComparison else { continue }
      var total = 0.0
      var best = 0.0
      var disagree = false
      var selfContradiction = false
      for x in left {
        for y in right {
          let value = score(x, y)
          total += value
          best = max(best, value)
          if !agree(x, y) {
            disagree = true
            // One report giving two different figures is usually giving two facts ("in
            // Turkey, 3,419 … in Syria, 1,602"); only "the same day" rule joins them.
            if documents[x] == documents[y], !isSameDay[x], !isSameDay[y] { selfContradiction = true }
          }
        }
      }
      if selfContradiction { continue }
      let mean = total / Double(left.count * right.count)
      // Agreeing groups join on their strongest link; disagreeing ones need a strong link
      // and enough support across their members.
      if disagree {
        guard best >= Self.conflictThreshold, mean >= Self.linkThreshold / 2 else { continue }
      } else {
        let same = left.contains { x in right.contains { y in claims[x].quantity.value == claims[y].quantity.value && score(x, y) == best } }
        guard best >= (same ? Self.sameValueThreshold : Self.linkThreshold) else { continue }
      }
      let (root, other) = ra < rb ? (ra, rb) : (rb, ra)
      parent[other] = root
      members[root] += members[other]
      members[other] = []
    }
    for index in claims.indices {
      if let target = claims[index].frameOf {
        let root = find(target), own = find(index)
        if root != own { parent[own] = root; members[root] += members[own]; members[own] = [] }
      }
    }
    var components: [Int: [Int]] = [:]
    var order: [Int] = []
    for index in claims.indices {
      let root = find(index)
      if components[root] == nil { order.append(root) }
      components[root, default: []].append(index)
    }
    var groups: [ClaimGroup] = []
    for (number, root) in order.enumerated() {
      let members = components[root] ?? []
      let (agreement, reason) = verdict(members.map { claims[$0] }, rates: statedRates)
      groups.append(ClaimGroup(id: "C\(number + 1)", members: members, topic: Self.topic(members.map { claims[$0] }), agreement: agreement, reason: reason))
    }
    return groups
  }

  /// Inverse document frequency of each topic word over the claims, smoothed as if
  /// `idfPrior` claims without the word were there too: log((N + prior) / (df + 1)). A word
  /// most claims share weighs little, and a handful of claims still gives usable weights.
  static func topicWeights(_ claims: [Claim]) -> [String: Double] {
    var frequency: [String: Int] = [:]
    for claim in claims { for word in Set(claim.topic) { frequency[word, default: 0] += 1 } }
    let total = Double(claims.count) + idfPrior
    return frequency.mapValues { log(total / Double($0 + 1)) }
  }

  /// Claims assumed besides the corpus's when weighting words (see `topicWeights`).
  static let idfPrior = 50.0

  static func log(_ x: Double) -> Double {
    // Natural logarithm by argument reduction and a series; the core avoids Foundation.
    var x = x
    var result = 0.0
    let e = 2.718281828459045
    while x > e { x /= e; result += 1 }
    let y = (x - 1) / (x + 1)
    var term = y
    var sum = 0.0
    var n = 1.0
    while n < 40 { sum += term / n; term *= y * y; n += 2 }
    return result + 2 * sum
  }

  /// A short topic: the topic words most members share.
  static func topic(_ claims: [Claim]) -> String {
    guard let first = claims.first else { return "" }
    let unit = first.quantity.unit
    let text = claims.map(\.topicText).first { !$0.isEmpty } ?? ""
    switch first.quantity.kind {
    case .date: return text.isEmpty ? "date" : "date: \(text)"
    case .money: return text.isEmpty ? "amount" : text
    default: return [unit, text].filter { !$0.isEmpty && $0 != "date" }.joined(separator: ": ")
    }
  }

  /// Rates the corpus states itself: "€12 million ($13 million)" gives EUR→USD 13/12.
  static func statedRates(_ claims: [Claim]) -> [ExchangeRate] {
    var rates: [ExchangeRate] = []
    for claim in claims where claim.quantity.kind == .money {
      guard let alternate = claim.quantity.alternate, let value = claim.quantity.value.number, value > 0 else { continue }
      rates.append(ExchangeRate(from: claim.quantity.unit, to: alternate.unit, rate: alternate.value / value))
    }
    return rates
  }

  // MARK: - Verdicts

  /// An interval a value allows, in a common unit, and whether a conversion was used.
  struct Span {
    var low: Double
    var high: Double
    var exact: Double?
    var converted: Bool
  }

  func verdict(_ claims: [Claim], rates: [ExchangeRate]) -> (Agreement, String) {
    let documents = Set(claims.map(\.document))
    // Frames that cannot both hold: "within a year" and "per year".
    let frames = Set(claims.flatMap(\.frames))
    if frames.contains(.within) && frames.contains(.per) {
      return (.conflict, "one source says the amount comes within a period, another that it is a rate per period (\(frameTexts(claims)))")
    }
    let primary = claims.filter { $0.frameOf == nil }
    guard let base = primary.first?.quantity.unit else { return (.single, "one claim") }
    var spans: [(Claim, Span)] = []
    for claim in primary {
      if let span = span(claim.quantity, in: base, rates: rates) { spans.append((claim, span)) }
    }
    var disagreements = Array(repeating: 0, count: spans.count)
    var partner = Array(repeating: -1, count: spans.count)
    var rounded = false
    var converted = false
    for x in spans.indices {
      for y in (x + 1)..<spans.count {
        let (p, q) = (spans[x].1, spans[y].1)
        if p.converted || q.converted { converted = true }
        if !(p.low < q.high && q.low < p.high) {
          disagreements[x] += 1
          disagreements[y] += 1
          if partner[x] < 0 { partner[x] = y }
          if partner[y] < 0 { partner[y] = x }
        } else if let e = p.exact, let f = q.exact, e != f {
          rounded = true
        }
      }
    }
    // The figure that disagrees with the most others is the one to check first.
    if let worst = disagreements.indices.max(by: { disagreements[$0] < disagreements[$1] || disagreements[$0] == disagreements[$1] && $0 > $1 }),
      disagreements[worst] > 0
    {
      if let update = update(spans) { return (.updated, update) }
      let (a, b) = (spans[worst].0, spans[partner[worst]].0)
      let within = documents.count == 1 ? " (within one document)" : ""
      let others = disagreements[worst] > 1 ? " and \(disagreements[worst] - 1) more" : ""
      return (.conflict, "“\(a.text)” (\(a.document)) cannot be true with “\(b.text)” (\(b.document))\(others)\(within)")
    }
    if documents.count == 1 { return (.single, "only \(claims[0].document) states it") }
    if converted { return (.converted, "the amounts agree after conversion at \(rateText(rates))") }
    if rounded { return (.rounded, "the values agree once rounded to the less precise one") }
    return (.consistent, "every source gives a compatible value")
  }

  func frameTexts(_ claims: [Claim]) -> String {
    claims.filter { $0.frameOf != nil }.map { "\($0.quantity.qualifier?.rawValue ?? "") in \($0.document)" }.joined(separator: ", ")
  }

  func rateText(_ rates: [ExchangeRate]) -> String {
    guard let rate = rates.first else { return "the stated rate" }
    return "\(rate.from) 1 = \(rate.to) \(QuantityValue.format((rate.rate * 1000).rounded() / 1000))"
  }

  /// Counts that only rise with the reports' publication times (or dates) are updates.
  func update(_ spans: [(Claim, Span)]) -> String? {
    guard spans.allSatisfy({ $0.0.quantity.kind == .count && $0.0.published != nil }) else { return nil }
    // Reports of one moment must agree among themselves.
    var byTime: [Int: (low: Double, high: Double, label: String)] = [:]
    for (claim, span) in spans {
      guard let date = claim.published else { return nil }
      let key = date.days * 1440 + (claim.publishedMinute ?? 0)
      let label = date.iso + (claim.publishedMinute.map { " \(CivilDate.pad($0 / 60, 2)):\(CivilDate.pad($0 % 60, 2))" } ?? "")
      if let known = byTime[key] {
        guard span.low <= known.high && known.low <= span.high else { return nil }
        byTime[key] = (max(known.low, span.low), min(known.high, span.high), label)
      } else {
        byTime[key] = (span.low, span.high, label)
      }
    }
    let ordered = byTime.sorted { $0.key < $1.key }.map(\.value)
    guard ordered.count > 1 else { return nil }
    for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.high < earlier.low { return nil }
    return "the figure rises from \(ordered.first!.label) to \(ordered.last!.label): a later report updates it"
  }

  /// The interval a quantity allows, in the group's base unit.
  func span(_ quantity: Quantity, in base: String, rates: [ExchangeRate]) -> Span? {
    switch quantity.value {
    case .vague: return nil
    case .date(let text): return dateSpan(text, qualifier: quantity.qualifier)
    case .number, .range: break
    }
    guard var value = quantity.value.number else { return nil }
    var high = value
    if case .range(_, let top) = quantity.value { high = top }
    var converted = false
    var factor = 1.0
    if quantity.unit != base {
      if quantity.kind == .money {
        if let alternate = quantity.alternate, alternate.unit == base {
          factor = alternate.value / value
        } else if let rate = Self.rate(from: quantity.unit, to: base, in: rates) {
          factor = rate
        } else {
          return nil
        }
        converted = true
      } else if quantity.kind == .temperature {
        // 93F against 34C: Fahrenheit and Celsius differ by an offset as well as a scale.
        func convert(_ degrees: Double) -> Double { base == "C" ? (degrees - 32) * 5 / 9 : degrees * 9 / 5 + 32 }
        value = convert(value)
        high = convert(high)
        converted = true
      } else if let a = Self.scale(quantity.unit), let b = Self.scale(base) {
        factor = a / b
      }
    }
    let top = high
    let precision = Self.precision(value)
    var tolerance = min(precision / 2, max(value * Self.roundingShare, precision / 2 < 1 ? precision / 2 : 0.5))
    if converted { tolerance = max(tolerance, value * Self.conversionShare) }
    var low = value - tolerance
    high = top + tolerance
    switch quantity.qualifier {
    case .approx: low = value * (1 - Self.approximateShare); high = top * (1 + Self.approximateShare)
    case .nearly: low = value * (1 - 3 * Self.approximateShare / 2); high = top
    case .moreThan, .atLeast: low = value; high = top * (1 + Self.openShare)
    case .atMost, .lessThan: low = value * (1 - Self.openShare); high = top
    default: break
    }
    value *= factor
    return Span(low: low * factor, high: high * factor, exact: quantity.qualifier == nil ? value : nil, converted: converted)
  }

  static func rate(from: String, to: String, in rates: [ExchangeRate]) -> Double? {
    if let direct = rates.first(where: { $0.from == from && $0.to == to }) { return direct.rate }
    if let inverse = rates.first(where: { $0.from == to && $0.to == from }), inverse.rate > 0 { return 1 / inverse.rate }
    return nil
  }

  /// Metres or seconds per unit, for comparing measures in different units.
  static func scale(_ unit: String) -> Double? {
    let lengths: [String: Double] = ["km": 1000, "m": 1, "mi": 1609.344, "ft": 0.3048, "in": 0.0254, "yd": 0.9144, "cm": 0.01, "mm": 0.001]
    if let length = lengths[unit] { return length }
    let singular = unit.hasSuffix("s") ? unit : unit + "s"
    return QuantityLexicon.durationUnits[singular]?.seconds ?? QuantityLexicon.durationUnits[unit]?.seconds
  }

  /// The place of a figure's last significant digit: 1200 → 100, 44.1 → 0.1, 37 → 1.
  static func precision(_ value: Double) -> Double {
    guard value != 0, value.isFinite else { return 1 }
    var place = 1.0
    if value != value.rounded() {
      while place > 1e-6, (value / place).rounded() * place != value, abs((value / place).rounded() - value / place) > 1e-6 { place /= 10 }
      return place
    }
    while (value / (place * 10)).rounded() * place * 10 == value { place *= 10 }
    return place
  }

  /// A date, month, year, interval or date-time as an interval of minutes since 1970.
  func dateSpan(_ text: String, qualifier: Qualifier?) -> Span? {
    if text.utf8.contains(0x2F) {
      let parts = text.split(separator: "/").map(String.init)
      guard parts.count == 2, let a = dateSpan(parts[0], qualifier: nil), let b = dateSpan(parts[1], qualifier: nil) else { return nil }
      return Span(low: a.low, high: b.high, exact: nil, converted: false)
    }
    let day = 1440.0
    if text.count == 4, let year = Int(text) {
      let start = Double(CivilDate(year: year, month: 1, day: 1).days) * day
      return Span(low: start, high: Double(CivilDate(year: year + 1, month: 1, day: 1).days) * day - 1, exact: nil, converted: false)
    }
    if text.count == 7, let year = Int(text.prefix(4)), let month = Int(text.suffix(2)) {
      let start = CivilDate(year: year, month: month, day: 1)
      return Span(low: Double(start.days) * day, high: Double(start.days + CivilDate.length(ofMonth: month, year: year)) * day - 1, exact: nil, converted: false)
    }
    guard let date = CivilDate(iso: text) else { return nil }
    let start = Double(date.days) * day
    if text.count >= 16, let hour = Int(text.dropFirst(11).prefix(2)), let minute = Int(text.dropFirst(14).prefix(2)) {
      let time = start + Double(hour * 60 + minute)
      switch qualifier {
      case .approx: return Span(low: time - 15, high: time + 15, exact: nil, converted: false)
      case .nearly: return Span(low: time - 30, high: time, exact: nil, converted: false)
      default: return Span(low: time - 5, high: time + 5, exact: time, converted: false)
      }
    }
    return Span(low: start, high: start + day - 1, exact: start, converted: false)
  }
}
