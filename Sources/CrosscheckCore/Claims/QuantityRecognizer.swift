/// Finds quantity and date expressions in news text and gives each a kind, a normalized
/// value, a unit and the qualifier that bounds it.
///
/// The recognizer is a hand-written left-to-right matcher over a sentence's tokens, in the
/// manner of rule-based temporal and numeric taggers (Strötgen and Gertz, "HeidelTime",
/// 2010): at each token it tries, in order, a currency amount, a numeral with what follows it
/// (multiplier, currency name, percent sign, time of day, unit noun), a calendar date, a
/// weekday, a relative date, an ordinal and a year, and keeps the first that matches.
/// Sentences with no digit and no quantity word are skipped after one hashing pass over
/// their tokens, which keeps the common case cheap.
package struct QuantityRecognizer: Sendable {
  package init() {}

  /// The quantities in a document's headline and body, in text order.
  /// - Parameters:
  ///   - document: the document.
  ///   - reference: the day the document was written, for relative dates; nil leaves them unresolved.
  /// - Complexity: O(n) in the number of tokens.
  ///   - paragraphs: how many body paragraphs to read (all by default).
  package func quantities(in document: Document, reference: CivilDate?, paragraphs: Int = .max) -> [Quantity] {
    var result: [Quantity] = []
    var scanner = Scanner(document: document, reference: reference)
    for span in document.excluded where span.reason == .headline {
      let tokens = Tokenizer().tokens(in: document.buffer, range: span.range)
      scanner.scan(tokens: tokens[...], into: &result)
    }
    for paragraph in document.paragraphs.prefix(paragraphs) {
      if isWidget(document, paragraph) { continue }
      for sentence in document.sentences[paragraph.sentences] {
        scanner.scan(tokens: document.tokens[sentence.tokens], into: &result)
      }
    }
    return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Quantities in one string, resolved against `reference` (for tests and one-off checks).
  /// The whole string is read, with no boilerplate detection: a lone date line such as
  /// "November 15, 2024" is what a caller wants read here, not page furniture.
  package func quantities(in text: String, reference: CivilDate? = nil) -> [Quantity] {
    let document = Document(id: "text", origin: "text", text: text, format: .text)
    var result: [Quantity] = []
    var scanner = Scanner(document: document, reference: reference)
    let tokens = Tokenizer().tokens(in: document.buffer)
    scanner.scan(tokens: tokens[...], into: &result)
    return result
  }

  /// A counter of page furniture, such as "0 Comment" or "12 Shares": a paragraph of a
  /// number and one of these words.
  private func isWidget(_ document: Document, _ paragraph: Paragraph) -> Bool {
    guard paragraph.tokens.count == 2 else { return false }
    let tokens = document.tokens[paragraph.tokens]
    guard let first = tokens.first, let last = tokens.last, first.kind == .number, last.kind == .word else { return false }
    return Self.widgetWords.contains(document.string(last.range).lowercased())
  }

  static let widgetWords: Set<String> = ["comment", "comments", "share", "shares", "like", "likes", "views", "replies", "responses", "reactions"]
}

/// One lowered token of a sentence being matched.
struct QToken {
  var start: Int
  var end: Int
  var kind: TokenKind
  var text: String
  var lower: String
  var capitalized: Bool
}

/// The matching state of one document: its text, reference date and the day the narrative
/// last named (for times of day).
struct Scanner {
  let document: Document
  let reference: CivilDate?
  /// The day the story has named most often so far (the last on a tie): the day a bare time
  /// of day ("2:55 a.m.") belongs to.
  var narrativeDay: CivilDate?
  var dayCounts: [CivilDate: Int] = [:]
  var toks: [QToken] = []

  init(document: Document, reference: CivilDate?) {
    self.document = document
    self.reference = reference
    self.narrativeDay = reference
  }

  /// A word without a possessive ending ("Thursday’s" → "thursday").
  func base(_ i: Int) -> String {
    let word = lower(i)
    if word.hasSuffix("’s") || word.hasSuffix("'s") { return String(word.dropLast(2)) }
    return word
  }

  static let triggerHashes: Set<UInt64> = {
    var words: [String] = []
    words += QuantityLexicon.cardinals.keys
    words += QuantityLexicon.ordinals.keys
    words += QuantityLexicon.months.keys
    words += QuantityLexicon.weekdays.keys
    words += QuantityLexicon.vagueAmounts
    words += QuantityLexicon.multipliers.keys.filter { $0.count > 2 }
    words += ["once", "twice", "thrice", "week", "weekend", "month", "year", "yesterday", "today", "tomorrow", "tonight",
      "hours", "days", "weeks", "months", "years", "same", "quarter", "half", "noon", "midnight", "usd", "eur", "gbp",
      "morning", "afternoon", "evening"]
    words += QuantityLexicon.currencyCodes.map { $0.lowercased() }
    return Set(words.map { word in Array(word.utf8).withUnsafeBufferPointer { Scanner.hash($0, 0..<$0.count) } })
  }()

  /// Whether a token can be part of a quantity: a number, a quantity word, a currency sign.
  @inline(__always)
  func isTrigger(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch token.kind {
    case .number: return true
    case .word:
      // Only the part before a hyphen is hashed ("three-year-old" → "three").
      return Scanner.triggerHashes.contains(Scanner.hash(bytes, token.range))
    case .punctuation:
      let byte = bytes[Int(token.start)]
      return byte == 0x24 || byte == 0xE2 || byte == 0xC2  // $, € ₹ ₴…, £ ¥
    }
  }

  /// FNV-1a of lowercased ASCII letters up to the first hyphen.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      // Stop at a hyphen or an apostrophe ("three-year-old", "Thursday’s").
      if byte == 0x2D || byte == 0x27 || byte == 0xE2 { break }
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      value = (value ^ UInt64(lower)) &* 0x100_0000_01b3
      index += 1
    }
    return value
  }

  /// Qualifiers stand at most this many words before the first word of an amount ("as many as 300").
  static let reach = 3

  mutating func scan(tokens: ArraySlice<Token>, into result: inout [Quantity]) {
    let triggers: [Bool] = document.buffer.bytes.withUnsafeBufferPointer { bytes in tokens.map { isTrigger($0, bytes) } }
    guard triggers.contains(true) else { return }
    toks = tokens.map { token in
      let text = document.string(token.range)
      let first = text.unicodeScalars.first ?? " "
      let plain = text.utf8.allSatisfy { $0 < 0x41 || $0 > 0x5A && $0 < 0x80 }
      return QToken(start: Int(token.start), end: Int(token.end), kind: token.kind, text: text, lower: plain ? text : text.lowercased(),
        capitalized: Characters.isUppercase(first))
    }
    // The next trigger at or after each token, so that matching is tried only near one.
    var nextTrigger = Array(repeating: Int.max, count: toks.count + 1)
    for index in stride(from: toks.count - 1, through: 0, by: -1) {
      nextTrigger[index] = triggers[index] ? index : nextTrigger[index + 1]
    }
    var i = 0
    while i < toks.count {
      if nextTrigger[i] == Int.max { break }
      if nextTrigger[i] - i > Self.reach {
        i = nextTrigger[i] - Self.reach
        continue
      }
      if let match = match(at: i) {
        result.append(match.quantity)
        if match.quantity.kind == .date, case .date(let text) = match.quantity.value, text.count == 10,
          let day = CivilDate(iso: text)
        {
          dayCounts[day, default: 0] += 1
          let count = dayCounts[day] ?? 0
          if narrativeDay.flatMap({ dayCounts[$0] }).map({ count >= $0 }) ?? true { narrativeDay = day }
        }
        i = match.end
      } else {
        i += 1
      }
    }
  }

  // MARK: - Token helpers

  func lower(_ i: Int) -> String { i >= 0 && i < toks.count ? toks[i].lower : "" }
  func text(_ i: Int) -> String { i >= 0 && i < toks.count ? toks[i].text : "" }
  func isNumber(_ i: Int) -> Bool { i >= 0 && i < toks.count && toks[i].kind == .number }
  func isWord(_ i: Int) -> Bool { i >= 0 && i < toks.count && toks[i].kind == .word }
  /// Whether token `i` directly follows token `i - 1` with no space.
  func attached(_ i: Int) -> Bool { i > 0 && i < toks.count && toks[i].start == toks[i - 1].end }
  func words(_ i: Int, _ sequence: [String]) -> Bool {
    for (offset, word) in sequence.enumerated() where lower(i + offset) != word { return false }
    return true
  }

  struct Match {
    var quantity: Quantity
    var end: Int
  }

  func make(_ from: Int, _ to: Int, _ kind: QuantityKind, _ value: QuantityValue, _ unit: String,
    qualifier: Qualifier? = nil, alternate: (value: Double, unit: String)? = nil, rule: String) -> Match
  {
    Match(
      quantity: Quantity(range: toks[from].start..<toks[to - 1].end, kind: kind, value: value, unit: unit,
        alternate: alternate, qualifier: qualifier, rule: rule),
      end: to)
  }

  // MARK: - Matching

  func match(at i: Int) -> Match? {
    // A qualifier applies only when an amount follows it.
    for (sequence, qualifier) in QuantityLexicon.prefixQualifiers where words(i, sequence) {
      let j = i + sequence.count
      if qualifier == .since {
        if let core = dateCore(at: j) {
          var quantity = core.quantity
          quantity.range = toks[i].start..<quantity.range.upperBound
          quantity.qualifier = .since
          return Match(quantity: quantity, end: core.end)
        }
        return nil
      }
      if qualifier == .within || qualifier == .per {
        if let frame = durationFrame(at: j, qualifier: qualifier, from: i) { return frame }
        return nil
      }
      if let core = amountCore(at: j) {
        var quantity = core.quantity
        guard quantity.kind != .ordinal else { return nil }
        quantity.range = toks[i].start..<quantity.range.upperBound
        if quantity.qualifier == nil { quantity.qualifier = qualifier }
        quantity.rule = sequence.joined(separator: " ") + " + " + quantity.rule
        return Match(quantity: quantity, end: core.end)
      }
      // "shortly before 3 a.m." and "about 2:40 a.m." qualify times too.
      if let core = dateCore(at: j), core.quantity.unit == "datetime" {
        var quantity = core.quantity
        quantity.range = toks[i].start..<quantity.range.upperBound
        quantity.qualifier = qualifier == .nearly || qualifier == .approx ? qualifier : .approx
        return Match(quantity: quantity, end: core.end)
      }
    }
    // "in 24 hours", "in a year".
    if words(i, ["in"]), isNumber(i + 1) || QuantityLexicon.cardinals[lower(i + 1)] != nil
      || (lower(i + 1) == "a" || lower(i + 1) == "an") && QuantityLexicon.durationUnits[lower(i + 2)] != nil,
      let frame = durationFrame(at: i + 1, qualifier: .within, from: i), frame.quantity.value != .vague, frame.quantity.kind == .duration
    {
      // "in 24 hours" is a frame only when the words after "in" are a duration.
      return frame
    }
    if lower(i) == "between", let range = betweenRange(at: i) { return range }
    if let date = dateCore(at: i) { return date }
    if let amount = amountCore(at: i) { return amount }
    return nil
  }

  // MARK: Numbers

  /// A numeral at `i`: digits ("1,200", "44.1") or words ("twenty-five", "a dozen", "two hundred").
  /// - Returns: the value, the token after it, and whether it was written in digits.
  func numeral(at i: Int) -> (value: Double, end: Int, digits: Bool)? {
    guard i < toks.count else { return nil }
    if toks[i].kind == .number {
      guard let value = Scanner.plainNumber(toks[i].text) else { return nil }
      return (value, i + 1, true)
    }
    let word = lower(i)
    if word == "a" || word == "an" {
      let next = lower(i + 1)
      if next == "dozen" || next == "hundred" || next == "thousand" || next == "million" || next == "billion" {
        if next == "million" || next == "billion" { return (next == "million" ? 1e6 : 1e9, i + 2, false) }
        guard let rest = numeral(at: i + 1) else { return nil }
        return (rest.value, rest.end, false)
      }
      return nil
    }
    var value: Double
    if let cardinal = QuantityLexicon.cardinals[word] {
      value = cardinal
    } else if word.utf8.contains(0x2D) {
      let parts = word.split(separator: "-")
      guard parts.count == 2, let tens = QuantityLexicon.cardinals[String(parts[0])], tens >= 20, tens < 100,
        let ones = QuantityLexicon.cardinals[String(parts[1])], ones < 10
      else { return nil }
      value = tens + ones
    } else {
      return nil
    }
    var end = i + 1
    // "two hundred", "three thousand", "a dozen", "twenty-five thousand".
    while end < toks.count {
      let next = lower(end)
      if next == "hundred" { value *= 100; end += 1 } else if next == "thousand" { value *= 1000; end += 1 } else if next == "dozen" { value *= 12; end += 1 } else { break }
    }
    return (value, end, false)
  }

  /// Whether a token is a plain four-digit year from 1800 to 2100.
  static func isYear(_ text: String) -> Bool {
    text.utf8.count == 4 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (1800...2100).contains(Int(text) ?? 0)
  }

  /// "1,200" → 1200; "44.1" → 44.1; nil when the token has letters.
  static func plainNumber(_ text: String) -> Double? {
    var digits = ""
    for scalar in text.unicodeScalars {
      if scalar == "," { continue }
      guard Characters.isDigit(scalar) || scalar == "." else { return nil }
      digits.unicodeScalars.append(scalar)
    }
    return Double(digits)
  }

  /// Splits a number token into its numeric part and what is glued to it ("33rd", "5bn", "32-member").
  static func splitNumber(_ text: String) -> (Double, String)? {
    var digits = ""
    var rest = Substring(text)
    for scalar in text.unicodeScalars {
      if scalar == "," { rest = rest.dropFirst(); continue }
      if Characters.isDigit(scalar) || scalar == "." {
        digits.unicodeScalars.append(scalar)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    guard let value = Double(digits) else { return nil }
    return (value, String(rest).lowercased())
  }

  /// A multiplier after a numeral ("billion", "bn").
  func multiplier(at i: Int) -> (Double, Int) {
    if isWord(i), let factor = QuantityLexicon.multipliers[lower(i)], lower(i).count > 1 || attached(i) {
      return (factor, i + 1)
    }
    return (1, i)
  }

  /// A currency written before an amount: "$", "US$", "€", "USD".
  func currencyPrefix(at i: Int) -> (String, Int)? {
    guard i < toks.count else { return nil }
    if toks[i].kind == .punctuation, let code = QuantityLexicon.currencySymbols[toks[i].text] { return (code, i + 1) }
    if toks[i].kind == .word {
      if let code = QuantityLexicon.dollarPrefixes[lower(i)], text(i + 1) == "$", attached(i + 1) { return (code, i + 2) }
      if QuantityLexicon.currencyCodes.contains(toks[i].text), isNumber(i + 1) { return (toks[i].text, i + 1) }
    }
    return nil
  }

  /// The number at `j` times a multiplier glued to it ("44bn") or following it ("44 billion"),
  /// and the index past them.
  func scaledNumber(at j: Int) -> (value: Double, end: Int)? {
    guard isNumber(j), let (value, glued) = Scanner.splitNumber(toks[j].text) else { return nil }
    if let factor = QuantityLexicon.multipliers[glued] { return (value * factor, j + 1) }
    let (factor, next) = multiplier(at: j + 1)
    return (value * factor, next)
  }

  /// An amount of money, count, measure, percentage, time of day or age starting at `i`.
  func amountCore(at i: Int) -> Match? {
    guard i < toks.count else { return nil }
    if let (currency, j) = currencyPrefix(at: i) {
      guard let (amount, next) = scaledNumber(at: j) else { return nil }
      var end = next
      let alternate = conversion(at: end)
      if let alternate { end = alternate.end }
      return make(i, end, .money, .number(amount), currency, alternate: alternate.map { ($0.value, $0.unit) }, rule: "currency symbol + number")
    }
    if toks[i].kind == .number { return numberToken(at: i) }
    let word = lower(i)
    if lower(i + 1) == "in", let ratio = oneIn(at: i) { return ratio }
    if word == "once" || word == "twice" || word == "thrice" {
      if word == "once" { return nil }
      return make(i, i + 1, .count, .number(word == "twice" ? 2 : 3), "times", rule: "multiplicative word")
    }
    if word.hasPrefix("once-in-a-") || word.hasPrefix("once-a-") {
      let unit = String(word.split(separator: "-").last ?? "")
      guard QuantityLexicon.durationUnits[unit] != nil else { return nil }
      return make(i, i + 1, .duration, .number(1), String(unit), qualifier: .per, rule: "once-in-a-UNIT")
    }
    if QuantityLexicon.vagueAmounts.contains(word) {
      var end = i + 1
      var unit = ""
      if lower(end) == "of", let (noun, after) = nounPhrase(at: end + 1) {
        unit = noun
        end = after
      } else if let duration = QuantityLexicon.durationUnits[lower(end)] {
        return make(i, end + 1, .duration, .vague, duration.unit, qualifier: .approx, rule: "vague amount of time")
      }
      return make(i, end, .count, .vague, unit, qualifier: .approx, rule: "vague plural amount")
    }
    if word == "several" || word == "a" && lower(i + 1) == "few" || word == "few" {
      let unitIndex = word == "a" ? i + 2 : i + 1
      if let duration = QuantityLexicon.durationUnits[lower(unitIndex)], lower(unitIndex).hasSuffix("s") {
        return make(i, unitIndex + 1, .duration, .vague, duration.unit, qualifier: .approx, rule: "several + time unit")
      }
      return nil
    }
    if word == "a" && lower(i + 1) == "quarter" && lower(i + 2) == "of" && (lower(i + 3) == "an" || lower(i + 3) == "a"),
      let duration = QuantityLexicon.durationUnits[lower(i + 4)]
    {
      return make(i, i + 5, .duration, .number(duration.seconds / 4 / 60), "minutes", rule: "a quarter of an hour")
    }
    // "half past ten", "quarter past eleven", "quarter to six": a clock time in words.
    if (word == "half" || word == "quarter") && (lower(i + 1) == "past" || lower(i + 1) == "to"),
      let hour = QuantityLexicon.cardinals[lower(i + 2)], hour >= 1, hour <= 12
    {
      let minutes = word == "half" ? 30 : 15
      let past = lower(i + 1) == "past"
      return timeValue(from: i, end: i + 3, hour: past ? Int(hour) : Int(hour) - 1, minute: past ? minutes : 60 - minutes, pm: false)
    }
    // "a quarter of the budget", "half of the city", "a third of voters".
    let afterFraction = lower(word == "half" ? i + 1 : i + 2)
    let measuredChange = ["by", "roughly", "about", "nearly", "almost", "around", "some", "over"].contains(lower(i - 1))
    if word == "a" || word == "one" || word == "half", let fraction = QuantityLexicon.fractions[word == "half" ? "half" : lower(i + 1)],
      afterFraction == "of" || measuredChange && !QuantityLexicon.durationUnits.keys.contains(afterFraction),
      word != "a" || lower(i + 1) != "quarter" || lower(i + 3) != "an" && lower(i + 3) != "a"
    {
      let end = word == "half" ? i + 1 : i + 2
      return make(i, end, .count, .number(fraction), "share", rule: "fraction of")
    }
    if (word == "half" && (lower(i + 1) == "an" || lower(i + 1) == "a")), let duration = QuantityLexicon.durationUnits[lower(i + 2)],
      duration.unit == "hours"
    {
      return make(i, i + 3, .duration, .number(30), "minutes", rule: "half an hour")
    }
    // "half a mile", "half a year", "a quarter mile", "a quarter of a mile".
    if word == "half" || word == "a" && lower(i + 1) == "quarter" {
      var j = word == "half" ? i + 1 : i + 2
      if lower(j) == "of" { j += 1 }
      if lower(j) == "a" || lower(j) == "an" { j += 1 }
      let share = word == "half" ? 0.5 : 0.25
      if j > i + 1 || word == "a", let unit = QuantityLexicon.distanceUnits[lower(j)], lower(j) != "in" {
        return make(i, j + 1, .distance, .number(share), unit, rule: "fraction of a unit")
      }
      if j > i + 1, let duration = QuantityLexicon.durationUnits[lower(j)], duration.unit != "hours" {
        return make(i, j + 1, .duration, .number(share), duration.unit, rule: "fraction of a unit")
      }
    }
    if word.utf8.contains(0x2D) { return hyphenatedWord(at: i) }
    if QuantityLexicon.ordinals[word] != nil { return ordinal(at: i) }
    if let number = numeral(at: i) { return afterNumber(from: i, value: number.value, at: number.end, digits: false) }
    // A bare plural time unit read as a vague duration: "hours after", "it would be days before".
    if let duration = QuantityLexicon.durationUnits[word], word.hasSuffix("s"), word != "years" || lower(i + 1) == "ago" {
      let next = lower(i + 1)
      let previous = lower(i - 1)
      if ["after", "before", "later", "earlier", "ago"].contains(next) || ["for", "be", "took", "take", "within"].contains(previous) {
        if previous == "the" || previous == "those" || previous == "these" { return nil }
        return make(i, i + 1, .duration, .vague, duration.unit, qualifier: .approx, rule: "bare plural time unit")
      }
    }
    return nil
  }

  /// "one in five households", "1 in 4 adults", "four in five children": a share.
  func oneIn(at i: Int) -> Match? {
    guard let part = numeral(at: i), part.end == i + 1, let whole = numeral(at: i + 2), whole.value > 1, part.value < whole.value,
      part.value >= 1, whole.value <= 1000
    else { return nil }
    return make(i, whole.end, .count, .number(part.value / whole.value), "share", rule: part.value == 1 ? "one in N" : "N in M")
  }

  /// `(roughly $13 million)` after an amount.
  func conversion(at i: Int) -> (value: Double, unit: String, end: Int)? {
    guard text(i) == "(" else { return nil }
    var j = i + 1
    for (sequence, _) in QuantityLexicon.prefixQualifiers where words(j, sequence) {
      j += sequence.count
      break
    }
    guard let (currency, k) = currencyPrefix(at: j), let (amount, end) = scaledNumber(at: k) else { return nil }
    guard text(end) == ")" else { return nil }
    return (amount, currency, end + 1)
  }

  /// ", around 108 million euros" closing a clause after an amount in another currency: the
  /// same sum converted, written out after a comma.
  func writtenConversion(at i: Int, from currency: String) -> (value: Double, unit: String, end: Int)? {
    guard text(i) == "," else { return nil }
    var j = i + 1
    for (sequence, _) in QuantityLexicon.prefixQualifiers where words(j, sequence) {
      j += sequence.count
      break
    }
    var found: (value: Double, unit: String, end: Int)? = nil
    if let (code, k) = currencyPrefix(at: j), let (amount, end) = scaledNumber(at: k) {
      found = (amount, code, end)
    } else if let number = numeral(at: j) {
      let (factor, after) = multiplier(at: number.end)
      if let code = QuantityLexicon.currencyNames[lower(after)] { found = (number.value * factor, code, after + 1) }
    }
    guard let found, found.unit != currency, found.end >= toks.count || [".", ",", ";", ")"].contains(text(found.end)) else { return nil }
    return found
  }

  /// A token of digits, with whatever is glued to it or follows it.
  func numberToken(at i: Int) -> Match? {
    let raw = toks[i].text
    // "9/11", "24/7", "1/2": a name or a ratio written with a slash, not an amount.
    if text(i - 1) == "/" && attached(i) || text(i + 1) == "/" && attached(i + 1) && isNumber(i + 2) { return nil }
    // "1 in 5 adults".
    if raw == "1", lower(i + 1) == "in", let ratio = oneIn(at: i) { return ratio }
    guard let (value, glued) = Scanner.splitNumber(raw) else { return nil }
    if glued.isEmpty {
      // Times of day: "2:40 a.m.", "6:12 PM", "3 a.m.".
      if let time = timeOfDay(at: i) { return time }
      // A number inside a name ("KVRT 7 News", "Route 66") is not a quantity.
      if i > 0, isWord(i - 1), text(i - 1).count >= 2, text(i - 1).allSatisfy({ $0.isUppercase }), !QuantityLexicon.currencyCodes.contains(text(i - 1)),
        attached(i) == false, glued.isEmpty, !(isWord(i + 1) && QuantityLexicon.peopleNouns.contains(lower(i + 1)))
      {
        return nil
      }
      // So is one after a capitalized word inside a sentence ("Article 5", "Boeing 737"), or
      // after "No." ("No. 10 Downing Street").
      if i > 1, isWord(i - 1), toks[i - 1].capitalized, QuantityLexicon.months[lower(i - 1)] == nil,
        QuantityLexicon.weekdays[base(i - 1)] == nil, !QuantityLexicon.stopWords.contains(lower(i - 1)), base(i - 1) == lower(i - 1),
        !QuantityLexicon.currencyCodes.contains(text(i - 1)), !(isWord(i + 1) && QuantityLexicon.peopleNouns.contains(lower(i + 1)))
      {
        return nil
      }
      if text(i - 1) == ".", lower(i - 2) == "no" { return nil }
      if i == 1, isWord(0), toks[0].capitalized, isWord(i + 1) && toks[i + 1].capitalized, QuantityLexicon.months[lower(0)] == nil {
        return nil
      }
      // "a magnitude 7.8 earthquake".
      if lower(i - 1) == "magnitude" { return make(i - 1, i + 1, .count, .number(value), "magnitude", rule: "magnitude N") }
      // "Harold Pruitt, 74, was": an age in apposition.
      if text(i - 1) == ",", isWord(i - 2), toks[i - 2].capitalized, text(i + 1) == "," || text(i + 1) == ")", value < 120, value == value.rounded() {
        return make(i, i + 1, .age, .number(value), "years", rule: "NAME, AGE,")
      }
      if value >= 1000, value <= 2100, value == value.rounded(), !raw.utf8.contains(0x2C), !raw.utf8.contains(0x2E) {
        let previous = lower(i - 1)
        if previous == "©" || previous == "copyright" || text(i - 1) == "©" { return nil }
        let next = lower(i + 1)
        let counted = isWord(i + 1) && (next.hasSuffix("s") && !next.hasSuffix("’s") && !next.hasSuffix("'s") || QuantityLexicon.peopleNouns.contains(next))
          && QuantityLexicon.durationUnits[next] == nil
        if QuantityLexicon.yearPrepositions.contains(previous) || !counted && QuantityLexicon.multipliers[next] == nil && next != "%" && next != "percent" {
          if value >= 1800 { return make(i, i + 1, .date, .date(String(Int(value))), "date", rule: "year") }
        }
      }
      return afterNumber(from: i, value: value, at: i + 1, digits: true)
    }
    if ["st", "nd", "rd", "th"].contains(glued) { return ordinal(at: i) }
    if glued == "s", value >= 1000, value <= 2100, value.truncatingRemainder(dividingBy: 10) == 0 {
      let decade = Int(value)
      let start = lower(i - 1) == "the" ? i - 1 : i
      return make(start, i + 1, .date, .date("\(decade)/\(decade + 9)"), "date", rule: "decade")
    }
    if glued == "am" || glued == "pm" || glued == "a.m" {
      guard value >= 1, value < 13 else { return nil }
      // "11.15am": a British clock time, hours and minutes split by a full stop.
      let minutes = (value * 100).rounded() - (value.rounded(.down) * 100)
      guard minutes < 60 else { return nil }
      return timeValue(from: i, end: i + 1, hour: Int(value), minute: Int(minutes), pm: glued == "pm")
    }
    if let factor = QuantityLexicon.multipliers[glued], glued != "k" || true {
      return afterNumber(from: i, value: value * factor, at: i + 1, digits: true)
    }
    if let unit = QuantityLexicon.distanceUnits[glued] ?? (glued == "m" ? "m" : nil) {
      return make(i, i + 1, .distance, .number(value), unit, rule: "number + glued unit")
    }
    // "34C (93F)", "-5°C".
    if let unit = QuantityLexicon.temperatureUnits[glued] {
      var alternate: (value: Double, unit: String)? = nil
      var end = i + 1
      if text(end) == "(", isNumber(end + 1), let (other, otherUnit) = Scanner.splitNumber(text(end + 1)),
        let converted = QuantityLexicon.temperatureUnits[otherUnit], converted != unit, text(end + 2) == ")"
      {
        alternate = (other, converted)
        end += 3
      }
      return make(i, end, .temperature, .number(value), unit, alternate: alternate, rule: "number + temperature unit")
    }
    if glued.hasPrefix("-") { return hyphenated(from: i, value: value, parts: glued.split(separator: "-").map(String.init), firstEnd: i + 1) }
    return nil
  }

  /// "three-year-old", "five-story", "second-largest", "two-thirds", "twenty-five", "once-in-a-century".
  func hyphenatedWord(at i: Int) -> Match? {
    let parts = lower(i).split(separator: "-").map(String.init)
    guard parts.count >= 2 else { return nil }
    if let ordinal = QuantityLexicon.ordinals[parts[0]] {
      let superlative = parts[1].hasSuffix("est") || parts[1] == "most" || parts[1] == "biggest" || parts[1] == "largest"
      guard superlative else { return nil }
      return make(i, i + 1, .ordinal, .number(ordinal), "rank", rule: "ordinal-superlative")
    }
    if parts.count == 2, let whole = QuantityLexicon.cardinals[parts[0]], whole < 10, let fraction = QuantityLexicon.fractions[parts[1]], parts[1].hasSuffix("s") {
      return afterNumber(from: i, value: whole * fraction, at: i + 1, digits: false)
    }
    if let number = numeral(at: i) {
      return afterNumber(from: i, value: number.value, at: number.end, digits: false)
    }
    guard let first = QuantityLexicon.cardinals[parts[0]] else { return nil }
    return hyphenated(from: i, value: first, parts: Array(parts.dropFirst()), firstEnd: i + 1)
  }

  /// A numeral joined by hyphens to what it measures: `-year-old`, `-foot`, `-member`, `-plus`.
  func hyphenated(from i: Int, value: Double, parts: [String], firstEnd: Int) -> Match? {
    guard let head = parts.first else { return nil }
    if parts.count >= 2, parts[parts.count - 1] == "old", QuantityLexicon.durationUnits[parts[parts.count - 2]] != nil {
      return make(i, firstEnd, .age, .number(value), "years", rule: "N-year-old")
    }
    if head == "plus" {
      let (unit, end) = nounPhrase(at: firstEnd).map { ($0.0, firstEnd) } ?? ("", firstEnd)
      return make(i, end, .count, .number(value), unit, qualifier: .moreThan, rule: "N-plus")
    }
    if let unit = QuantityLexicon.distanceUnits[head] {
      let alternate = measureConversion(at: firstEnd)
      return make(i, alternate?.end ?? firstEnd, .distance, .number(value), unit,
        alternate: alternate.map { ($0.value, $0.unit) }, rule: "N-unit adjective")
    }
    if let duration = QuantityLexicon.durationUnits[head] {
      return make(i, firstEnd, .duration, .number(value), duration.unit, rule: "N-unit adjective")
    }
    if let noun = QuantityLexicon.hyphenCountNouns[head] {
      return make(i, firstEnd, .count, .number(value), noun, rule: "N-noun adjective")
    }
    return nil
  }

  /// `(18-meter)` or `(18 metres)` after a measure.
  func measureConversion(at i: Int) -> (value: Double, unit: String, end: Int)? {
    guard text(i) == "(", isNumber(i + 1), let (value, glued) = Scanner.splitNumber(text(i + 1)) else { return nil }
    if glued.hasPrefix("-"), let unit = QuantityLexicon.distanceUnits[String(glued.dropFirst())], text(i + 2) == ")" {
      return (value, unit, i + 3)
    }
    if glued.isEmpty, let unit = QuantityLexicon.distanceUnits[lower(i + 2)], text(i + 3) == ")" { return (value, unit, i + 4) }
    return nil
  }

  /// What follows a numeral: a multiplier, a currency name, a percent sign, a unit, a counted noun.
  func afterNumber(from i: Int, value number: Double, at j: Int, digits: Bool) -> Match? {
    var value = number
    let (factor, afterMultiplier) = multiplier(at: j)
    value *= factor
    var end = afterMultiplier
    // Ranges: "3 to 4", "3-4", "3–4 million".
    var high: Double? = nil
    if (lower(end) == "to" || text(end) == "–" || text(end) == "-"), let other = numeral(at: end + 1), other.digits == digits {
      let (otherFactor, afterOther) = multiplier(at: other.end)
      high = other.value * (otherFactor == 1 ? factor : otherFactor)
      if otherFactor != 1, factor == 1 { value *= otherFactor }
      end = afterOther
    }
    func valueOf(_ scale: Double = 1) -> QuantityValue {
      if let high { return .range(value * scale, high * scale) }
      return .number(value * scale)
    }
    let next = lower(end)
    if let code = QuantityLexicon.currencyNames[next], next != "pound" && next != "pounds" || factor > 1 {
      let alternate = conversion(at: end + 1) ?? writtenConversion(at: end + 1, from: code)
      return make(i, alternate?.end ?? end + 1, .money, valueOf(), code, alternate: alternate.map { ($0.value, $0.unit) }, rule: "number + currency name")
    }
    // "1.2 billion Swedish crowns ($117 million)".
    if let code = QuantityLexicon.nationalCurrencies[next + " " + lower(end + 1)] {
      let alternate = conversion(at: end + 2) ?? writtenConversion(at: end + 2, from: code)
      return make(i, alternate?.end ?? end + 2, .money, valueOf(), code, alternate: alternate.map { ($0.value, $0.unit) }, rule: "number + currency name")
    }
    if QuantityLexicon.currencyCodes.contains(text(end)) {
      return make(i, end + 1, .money, valueOf(), text(end), rule: "number + currency code")
    }
    if text(end) == "%" { return make(i, end + 1, .percent, valueOf(), "%", rule: "number + %") }
    if next == "percent" || next == "pct" { return make(i, end + 1, .percent, valueOf(), "%", rule: "number + percent") }
    if next == "per", lower(end + 1) == "cent" { return make(i, end + 2, .percent, valueOf(), "%", rule: "number + per cent") }
    if next == "percentage", lower(end + 1) == "points" { return make(i, end + 2, .percent, valueOf(), "points", rule: "percentage points") }
    if let unit = QuantityLexicon.distanceUnits[next], next != "in" {
      let alternate = measureConversion(at: end + 1)
      return make(i, alternate?.end ?? end + 1, .distance, valueOf(), unit, alternate: alternate.map { ($0.value, $0.unit) }, rule: "number + length unit")
    }
    if let duration = QuantityLexicon.durationUnits[next] {
      if lower(end + 1) == "old" { return make(i, end + 2, .age, valueOf(), "years", rule: "N years old") }
      if lower(end + 1) == "ago" { return agoDate(from: i, value: value, unit: duration.unit, end: end + 2) }
      return make(i, end + 1, .duration, valueOf(), duration.unit, rule: "number + time unit")
    }
    if factor == 1, high == nil, digits, let casualty = casualtyCount(from: i, at: end, value: valueOf()) { return casualty }
    // "Two more children", "12 more cases": an increase, counted in its noun.
    if next == "more", high == nil, let (noun, after) = nounPhrase(at: end + 1), value != 1 || digits {
      return make(i, after, .count, valueOf(), noun, rule: "number + more + noun")
    }
    if factor > 1 || high != nil || digits {
      if let (noun, after) = nounPhrase(at: end) { return make(i, after, .count, valueOf(), noun, rule: "number + noun") }
      if next == "of", lower(end + 1) == "them" || lower(end + 1) == "those" { return make(i, end + 2, .count, valueOf(), "", rule: "N of them") }
      return make(i, end, .count, valueOf(), "", rule: "bare number")
    }
    // People counted without a noun: "nine were hurt", "two died", "11 others".
    if let casualty = casualtyCount(from: i, at: end, value: valueOf()) { return casualty }
    // Numbers in words need a counted noun, or "of" ("two of the dam's gates"), to be a quantity:
    // "the two also discussed" and "one of the reasons" are not claims.
    if let (noun, after) = nounPhrase(at: end) {
      if value == 1, !digits { return nil }
      return make(i, after, .count, valueOf(), noun, rule: "number word + noun")
    }
    if next == "of", value != 1 {
      if lower(end + 1) == "them" || lower(end + 1) == "those" { return make(i, end + 2, .count, valueOf(), "", rule: "N of them") }
      return make(i, end, .count, valueOf(), "", rule: "N of")
    }
    return nil
  }

  /// A number of people that a casualty word follows within two words ("nine were hurt",
  /// "two died", "three have been arrested").
  func casualtyCount(from i: Int, at end: Int, value: QuantityValue) -> Match? {
    for k in end..<min(end + 3, toks.count) where isWord(k) {
      let word = lower(k)
      if QuantityLexicon.casualtyWords.contains(word) { return make(i, end, .count, value, "people", rule: "number + casualty verb") }
      guard ["were", "was", "are", "is", "have", "has", "had", "been", "be", "reported", "confirmed", "later"].contains(word) else { break }
    }
    return nil
  }

  /// A counted noun phrase after a numeral: up to three lower-case words, ending before a
  /// function word or a verb form. Returns the normalized head noun and the token after it.
  func nounPhrase(at i: Int) -> (String, Int)? {
    var end = i
    var head: String? = nil
    while end < toks.count, end < i + 3, isWord(end), !toks[end].capitalized || end == i && toks[end].text == "COVID" {
      let word = lower(end)
      if QuantityLexicon.stopWords.contains(word) || QuantityLexicon.phraseEndingVerbs.contains(word)
        || QuantityLexicon.months[word] != nil || QuantityLexicon.weekdays[word] != nil
        || QuantityLexicon.cardinals[word] != nil || QuantityLexicon.ordinals[word] != nil
      {
        break
      }
      let verbal = word.hasSuffix("ed") || word.hasSuffix("ing")
      if verbal && end > i { break }
      head = word
      end += 1
      if verbal { break }
      // A noun phrase ends at a plural noun ("two elementary schools", "300 homes").
      if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 || QuantityLexicon.peopleNouns.contains(word) { break }
    }
    guard let head else { return nil }
    if QuantityLexicon.peopleNouns.contains(head) || QuantityLexicon.peopleEvents.contains(head) { return ("people", end) }
    if QuantityLexicon.jobNouns.contains(head) { return ("jobs", end) }
    if head == "storeys" || head == "stories" || head == "story" || head == "storey" { return ("storeys", end) }
    return (head, end)
  }

  /// An ordinal: "fifth time", "33rd member country", "third year", "first official visit".
  func ordinal(at i: Int) -> Match? {
    let value: Double
    if toks[i].kind == .number {
      guard let (number, _) = Scanner.splitNumber(toks[i].text) else { return nil }
      value = number
      // "Oct. 3rd" is a date; handled by dateCore before this.
    } else {
      guard let number = QuantityLexicon.ordinals[lower(i)] else { return nil }
      value = number
      // "first" and "second" are often adverbs or a time unit; an ordinal follows a determiner.
      let previous = lower(i - 1)
      guard QuantityLexicon.determiners.contains(previous) || previous.hasSuffix("’s") || previous.hasSuffix("'s") else { return nil }
    }
    // "between the third and fourth floors".
    if (lower(i + 1) == "and" || lower(i + 1) == "or"), let second = QuantityLexicon.ordinals[lower(i + 2)] {
      if let (noun, end) = nounPhrase(at: i + 3) { return make(i, end, .ordinal, .range(value, second), singular(noun), rule: "ordinal range") }
    }
    if lower(i + 1) == "largest" || lower(i + 1) == "biggest" || lower(i + 1).hasSuffix("est") {
      return make(i, i + 2, .ordinal, .number(value), "rank", rule: "ordinal + superlative")
    }
    guard let (noun, end) = nounPhrase(at: i + 1), !noun.hasSuffix("ed") else { return nil }
    return make(i, end, .ordinal, .number(value), singular(noun), rule: "ordinal + noun")
  }

  func singular(_ noun: String) -> String {
    if noun == "people" { return noun }
    if noun.hasSuffix("ies") { return String(noun.dropLast(3)) + "y" }
    if noun.hasSuffix("s") && !noun.hasSuffix("ss") { return String(noun.dropLast()) }
    return noun
  }

  /// "between 3 and 4", "between the third and fourth floors".
  func betweenRange(at i: Int) -> Match? {
    var j = i + 1
    if lower(j) == "the" { j += 1 }
    if QuantityLexicon.ordinals[lower(j)] != nil || isNumber(j) && ["st", "nd", "rd", "th"].contains(Scanner.splitNumber(text(j))?.1 ?? "") {
      let first = QuantityLexicon.ordinals[lower(j)] ?? Scanner.splitNumber(text(j))?.0 ?? 0
      guard lower(j + 1) == "and", let second = QuantityLexicon.ordinals[lower(j + 2)] ?? Scanner.splitNumber(text(j + 2))?.0 else { return nil }
      let (noun, end) = nounPhrase(at: j + 3) ?? ("", j + 3)
      return make(i, end, .ordinal, .range(first, second), singular(noun), qualifier: .between, rule: "between ordinals")
    }
    guard let low = numeral(at: j), lower(low.end) == "and", let high = numeral(at: low.end + 1) else { return nil }
    // "between 2019 and 2023" is a period.
    if low.digits, high.digits, Scanner.isYear(text(j)), Scanner.isYear(text(low.end + 1)), low.value < high.value, !isWord(high.end) || lower(high.end) == "and" {
      return make(i, high.end, .date, .date("\(Int(low.value))/\(Int(high.value))"), "date", qualifier: .between, rule: "between YEAR and YEAR")
    }
    guard let rest = afterNumber(from: i, value: high.value, at: high.end, digits: high.digits) else { return nil }
    var quantity = rest.quantity
    let scale = (quantity.value.number ?? high.value) / max(high.value, 1e-9)
    quantity.value = .range(low.value * (low.value < high.value ? scale : 1), quantity.value.number ?? high.value)
    quantity.qualifier = .between
    quantity.rule = "between N and M"
    return Match(quantity: quantity, end: rest.end)
  }

  /// "within a year", "per year", "within the next year", "in 24 hours".
  func durationFrame(at j: Int, qualifier: Qualifier, from i: Int) -> Match? {
    var k = j
    if lower(k) == "the" { k += 1 }
    if lower(k) == "next" || lower(k) == "past" || lower(k) == "last" { k += 1 }
    var value: Double = 1
    if lower(k) == "a" || lower(k) == "an" || lower(k) == "each" {
      k += 1
    } else if let number = numeral(at: k) {
      value = number.value
      k = number.end
    }
    guard let duration = QuantityLexicon.durationUnits[lower(k)] else {
      if qualifier == .within, let amount = amountCore(at: j) {
        var quantity = amount.quantity
        quantity.range = toks[i].start..<quantity.range.upperBound
        quantity.qualifier = .within
        return Match(quantity: quantity, end: amount.end)
      }
      return nil
    }
    let unit = value == 1 && !lower(k).hasSuffix("s") ? String(duration.unit.dropLast()) : duration.unit
    return make(i, k + 1, .duration, .number(value), unit, qualifier: qualifier, rule: "\(qualifier.rawValue) + duration")
  }

  // MARK: Times

  func timeOfDay(at i: Int) -> Match? {
    // Two-digit minutes and an hour of at most 24 only; anything larger is not a clock time.
    guard let clock = Scanner.plainNumber(text(i)), clock >= 0, clock <= 24, clock == clock.rounded() else { return nil }
    var hour = Int(clock)
    var minute = 0
    var end = i + 1
    if text(end) == ":", attached(end), isNumber(end + 1), let m = Scanner.plainNumber(text(end + 1)), text(end + 1).count == 2 {
      minute = Int(m)
      end += 2
    } else if text(end) == "." && isNumber(end + 1) && text(end + 1).count == 2, lower(end + 2) == "am" || lower(end + 2) == "pm" {
      minute = Int(Scanner.plainNumber(text(end + 1)) ?? 0)
      end += 2
    }
    guard let (pm, after) = meridiem(at: end) else {
      // "14:30 GMT" and bare "2:40" with a colon are times too.
      guard end > i + 1, hour <= 23, minute < 60 else { return nil }
      return timeValue(from: i, end: end, hour: hour, minute: minute, pm: false)
    }
    guard hour >= 1, hour <= 12 else { return nil }
    if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 }
    return timeValue(from: i, end: after, hour: hour, minute: minute, pm: false)
  }

  /// "a.m.", "p.m.", "am", "PM".
  func meridiem(at i: Int) -> (Bool, Int)? {
    let word = lower(i)
    if word == "am" || word == "pm" { return (word == "pm", i + 1) }
    if (word == "a" || word == "p"), text(i + 1) == ".", lower(i + 2) == "m" {
      let end = text(i + 3) == "." && attached(i + 3) ? i + 4 : i + 3
      return (word == "p", end)
    }
    return nil
  }

  func timeValue(from i: Int, end: Int, hour: Int, minute: Int, pm: Bool) -> Match? {
    var hour = hour
    if pm && hour < 12 { hour += 12 }
    var day = narrativeDay
    var last = end
    // "3 a.m. Thursday", "3 a.m. on Thursday".
    var k = end
    if lower(k) == "on" { k += 1 }
    if let weekday = QuantityLexicon.weekdays[lower(k)], let resolved = weekdayDate(weekday, at: k) {
      day = resolved
      last = k + 1
    }
    let clock = "T\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2))"
    let value: QuantityValue = day.map { .date($0.iso + clock) } ?? .date(clock)
    return make(i, last, .date, value, "datetime", rule: "time of day")
  }

  // MARK: Dates

  func dateCore(at i: Int) -> Match? {
    guard i < toks.count else { return nil }
    let word = lower(i)
    if let month = QuantityLexicon.months[word], toks[i].capitalized { return monthDate(at: i, month: month) }
    if let weekday = QuantityLexicon.weekdays[base(i)] {
      guard let day = weekdayDate(weekday, at: i) else {
        return make(i, i + 1, .date, .vague, "date", rule: "weekday (unresolved)")
      }
      var end = i + 1
      let start = ["next", "last", "this", "coming"].contains(lower(i - 1)) ? i - 1 : i
      if QuantityLexicon.partsOfDay.contains(lower(end)) { end += 1 }
      if lower(end) == "at", isNumber(end + 1), let time = timeOfDay(at: end + 1), case .date(let clock) = time.quantity.value {
        return make(start, time.end, .date, .date(day.iso + clock.suffix(6)), "datetime", rule: "weekday at time")
      }
      return make(start, end, .date, .date(day.iso), "date", rule: "weekday")
    }
    if isNumber(i), let (day, glued) = Scanner.splitNumber(text(i)), glued.isEmpty || ["st", "nd", "rd", "th"].contains(glued),
      day >= 1, day <= 31, let month = QuantityLexicon.months[lower(i + 1)], toks[i + 1].capitalized
    {
      // "12 October", "12 October 2024".
      var end = i + 2
      if text(end) == "." && lower(i + 1).count <= 4 { end += 1 }
      var year: Int? = nil
      if isNumber(end), let y = Scanner.plainNumber(text(end)), y >= 1800, y <= 2100, text(end).count == 4 {
        year = Int(y)
        end += 1
      }
      return dayMonth(from: i, end: end, month: month, day: Int(day), year: year, rule: "day month")
    }
    return relativeDate(at: i)
  }

  func monthDate(at i: Int, month: Int) -> Match? {
    var j = i + 1
    let abbreviated = lower(i).count <= 4 && lower(i) != "june" && lower(i) != "july" && lower(i) != "may"
    if text(j) == ".", attached(j) { j += 1 } else if abbreviated && lower(i) != "sept" && lower(i).count == 3 && !isNumber(j) { return nil }
    if isNumber(j), let (day, glued) = Scanner.splitNumber(text(j)), glued.isEmpty || ["st", "nd", "rd", "th"].contains(glued), day >= 1, day <= 31,
      text(j).count <= 4
    {
      var end = j + 1
      var year: Int? = nil
      if text(end) == ",", isNumber(end + 1), text(end + 1).count == 4, let y = Scanner.plainNumber(text(end + 1)), y >= 1800, y <= 2100 {
        year = Int(y)
        end += 2
      } else if isNumber(end), text(end).count == 4, let y = Scanner.plainNumber(text(end)), y >= 1800, y <= 2100 {
        year = Int(y)
        end += 1
      }
      // "June 6 to 9", "June 6-9": a span of days.
      if year == nil, lower(end) == "to" || text(end) == "-" || text(end) == "–", isNumber(end + 1), text(end + 1).count <= 2,
        let last = Scanner.plainNumber(text(end + 1)), last > day, last <= 31,
        let first = dayMonth(from: i, end: end, month: month, day: Int(day), year: nil, rule: "month day"),
        case .date(let start) = first.quantity.value, let startDate = CivilDate(iso: start)
      {
        let stop = CivilDate(year: startDate.year, month: month, day: Int(last))
        if stop.isValid { return make(i, end + 2, .date, .date("\(start)/\(stop.iso)"), "date", rule: "month day to day") }
      }
      return dayMonth(from: i, end: end, month: month, day: Int(day), year: year, rule: "month day")
    }
    if isNumber(j), text(j).count == 4, let y = Scanner.plainNumber(text(j)), y >= 1800, y <= 2100 {
      return make(i, j + 1, .date, .date(CivilDate(year: Int(y), month: month, day: 1).isoMonth), "date", rule: "month year")
    }
    // A month alone is a date after a preposition ("in October"); "May" alone is usually the verb.
    let previous = lower(i - 1)
    let monthPrepositions: Set<String> = ["in", "since", "until", "by", "from", "early", "late", "mid", "last", "next", "this", "of", "through", "before", "after"]
    // "in May" is the month; "May" elsewhere is usually the verb.
    guard lower(i) != "may" || ["in", "since", "until", "early", "late", "mid", "last", "next", "this", "through"].contains(previous),
      lower(i) != "march" || previous != "the", monthPrepositions.contains(previous)
    else { return nil }
    guard let reference else { return make(i, i + 1, .date, .vague, "date", rule: "month (unresolved)") }
    var year = reference.year
    if previous == "last" || previous != "next" && month > reference.month + 2 && previous != "this" { year -= 1 }
    if previous == "next" && month <= reference.month { year += 1 }
    let start = ["last", "next", "this"].contains(previous) ? i - 1 : i
    return make(start, i + 1, .date, .date(CivilDate(year: year, month: month, day: 1).isoMonth), "date", rule: "month")
  }

  func dayMonth(from i: Int, end: Int, month: Int, day: Int, year: Int?, rule: String) -> Match? {
    var resolvedYear = year
    if resolvedYear == nil, let reference {
      // The year that puts the day nearest the article's date.
      var best = reference.year
      var bestDistance = Int.max
      for candidate in (reference.year - 1)...(reference.year + 1) {
        let distance = abs(CivilDate(year: candidate, month: month, day: day).days - reference.days)
        if distance < bestDistance {
          best = candidate
          bestDistance = distance
        }
      }
      resolvedYear = best
    }
    guard let resolvedYear else {
      return make(i, end, .date, .date("XXXX-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))"), "date", rule: rule + " (year unknown)")
    }
    let date = CivilDate(year: resolvedYear, month: month, day: day)
    guard date.isValid else { return nil }
    // "November 15, 2024 at 6:12 PM".
    if lower(end) == "at", isNumber(end + 1), let time = timeOfDay(at: end + 1), case .date(let clock) = time.quantity.value {
      return make(i, time.end, .date, .date(date.iso + clock.suffix(6)), "datetime", rule: rule + " at time")
    }
    return make(i, end, .date, .date(date.iso), "date", rule: rule)
  }

  /// The date a weekday names, relative to the article's date: the last such day on or
  /// before it, or the next one when the sentence speaks of the future ("will", "next").
  func weekdayDate(_ weekday: Int, at i: Int) -> CivilDate? {
    guard let reference else { return nil }
    let previous = lower(i - 1)
    var future = previous == "next" || previous == "coming" || previous == "this" && weekday > reference.weekday
    if previous != "last" && !future {
      // A future cue earlier in the sentence, unless the weekday is when something was said.
      let saidOn = previous == "on" && QuantityLexicon.speechVerbs.contains(lower(i - 2)) || QuantityLexicon.speechVerbs.contains(previous)
      if !saidOn {
        if previous == "through" || previous == "until" { future = true }
        // The window counts words, so that "will start at 8:30 a.m. on Sunday" reaches "will".
        var k = i - 1
        var words = 0
        while k >= 0, words < Self.futureWindow {
          if toks[k].kind == .word {
            words += 1
            if QuantityLexicon.futureCues.contains(toks[k].lower) || toks[k].lower.hasSuffix("’ll") || toks[k].lower.hasSuffix("'ll") {
              future = true
              break
            }
          }
          k -= 1
        }
      }
    }
    // What follows the day decides too: "…, on Wednesday and Saturday, will be held" is to
    // come; "The forecast on Friday was 29 degrees" is past whatever cue came before.
    if previous != "last", previous != "next", let tense = tense(after: i) { future = tense }
    // "on Wednesday and Saturday": the second day goes the way of the first.
    if previous == "and" || previous == "or", let first = QuantityLexicon.weekdays[lower(i - 2)], let day = weekdayDate(first, at: i - 2) {
      future = day.days > reference.days || (day.days == reference.days && future)
    }
    if previous == "last" {
      let back = (reference.weekday - weekday + 7) % 7
      return reference.adding(days: -(back == 0 ? 7 : back))
    }
    if future {
      let ahead = (weekday - reference.weekday + 7) % 7
      return reference.adding(days: ahead == 0 && previous == "next" ? 7 : ahead)
    }
    let back = (reference.weekday - weekday + 7) % 7
    return reference.adding(days: -back)
  }

  /// "next week", "earlier in the week", "the weekend", "yesterday", "the same day", "this year".
  func relativeDate(at i: Int) -> Match? {
    let word = lower(i)
    guard let reference else {
      if ["yesterday", "today", "tomorrow"].contains(word) { return make(i, i + 1, .date, .vague, "date", rule: "relative (unresolved)") }
      return nil
    }
    let monday = reference.adding(days: -reference.weekday)
    func interval(_ a: CivilDate, _ b: CivilDate) -> QuantityValue { .date("\(a.iso)/\(b.iso)") }
    switch word {
    case "yesterday": return make(i, i + 1, .date, .date(reference.adding(days: -1).iso), "date", rule: "yesterday")
    case "today", "tonight":
      // "tonight" in a promotion ("watch … tonight for more") is not a claim; a date is kept
      // when something happens then.
      if word == "tonight", lower(i + 1) == "for" { return nil }
      return make(i, i + 1, .date, .date(reference.iso), "date", rule: word)
    case "tomorrow": return make(i, i + 1, .date, .date(reference.adding(days: 1).iso), "date", rule: "tomorrow")
    case "next", "last", "this", "past":
      // "last year's race": the possessive names the same period.
      var unit = lower(i + 1)
      for suffix in ["'s", "’s"] where unit.hasSuffix(suffix) { unit = String(unit.dropLast(suffix.count)) }
      if word == "this", QuantityLexicon.partsOfDay.contains(unit) {
        return make(i, i + 2, .date, .date(reference.iso), "date", rule: "this \(unit)")
      }
      let step = word == "next" ? 1 : word == "this" ? 0 : -1
      switch unit {
      case "week":
        let start = monday.adding(days: 7 * step)
        return make(i, i + 2, .date, interval(start, start.adding(days: 6)), "date", rule: "\(word) week")
      case "weekend":
        // "this weekend" is this week's; "next weekend" the coming one (the one after, when
        // said at a weekend); "last weekend" the one before this week's.
        let weeks = step < 0 ? -1 : step == 1 && reference.weekday >= 5 ? 1 : 0
        let saturday = monday.adding(days: 5 + 7 * weeks)
        return make(i, i + 2, .date, interval(saturday, saturday.adding(days: 1)), "date", rule: "\(word) weekend")
      case "month":
        var month = reference.month + step
        var year = reference.year
        if month < 1 { month += 12; year -= 1 }
        if month > 12 { month -= 12; year += 1 }
        return make(i, i + 2, .date, .date(CivilDate(year: year, month: month, day: 1).isoMonth), "date", rule: "\(word) month")
      case "year":
        if word == "past" { return nil }
        if word == "this", lower(i - 1) == "of", lower(i - 2) == "most" || lower(i - 2) == "much" {
          let start = lower(i - 3) == "for" ? i - 3 : i - 2
          return make(start, i + 2, .duration, .vague, "year", qualifier: .approx, rule: "most of this year")
        }
        return make(i, i + 2, .date, .date(String(reference.year + step)), "date", rule: "\(word) year")
      default: return nil
      }
    case "earlier", "later":
      var j = i + 1
      if lower(j) == "in" { j += 1 }
      guard lower(j) == "the" || lower(j) == "this", lower(j + 1) == "week" else { return nil }
      let value = word == "earlier"
        ? (reference.weekday == 0 ? interval(monday.adding(days: -7), monday.adding(days: -1)) : interval(monday, reference.adding(days: -1)))
        : interval(reference.adding(days: 1), monday.adding(days: 6))
      return make(i, j + 2, .date, value, "date", rule: "\(word) in the week")
    case "the", "weekend":
      if word == "the", lower(i + 1) == "same", lower(i + 2) == "day" {
        return make(i, i + 3, .date, .date(reference.iso), "date", rule: "the same day")
      }
      let j = word == "the" ? i + 1 : i
      guard lower(j) == "weekend" else { return nil }
      // The weekend of this week, unless the article is written early in the week about
      // what happened ("protests over the weekend", said on a Monday) or says "last".
      let saturday = monday.adding(days: 5)
      let past = lower(i - 1) == "last" || reference.weekday <= 1 && !hasFutureCue(before: i)
      let start = past && reference.weekday < 5 ? saturday.adding(days: -7) : saturday
      return make(i, j + 1, .date, interval(start, start.adding(days: 1)), "date", rule: "the weekend")
    default:
      return nil
    }
  }

  /// How many words before a weekday a future cue ("will", "expected") may stand.
  static let futureWindow = 8

  /// The tense of the verb right after a weekday phrase ("Saturday, will be held", "Friday
  /// was 29 degrees"), past a part of the day, a comma and another day joined by "and":
  /// true for the future, false for the past, nil when no verb comes next.
  func tense(after i: Int) -> Bool? {
    var k = i + 1
    if QuantityLexicon.partsOfDay.contains(lower(k)) { k += 1 }
    if (lower(k) == "and" || lower(k) == "or"), QuantityLexicon.weekdays[lower(k + 1)] != nil { k += 2 }
    if lower(k) == "," { k += 1 }
    let word = lower(k)
    if word == "will" || word == "would" || word == "shall" { return true }
    if word == "was" || word == "were" || word == "had" { return false }
    return nil
  }

  func hasFutureCue(before i: Int) -> Bool {
    (0..<i).contains { QuantityLexicon.futureCues.contains(toks[$0].lower) }
  }

  /// "three years ago" → the year; "two days ago" → the day.
  func agoDate(from i: Int, value: Double, unit: String, end: Int) -> Match? {
    guard let reference else { return make(i, end, .date, .vague, "date", rule: "ago (unresolved)") }
    // A count of years or days beyond any calendar is not a date.
    guard value.isFinite, abs(value) < 100_000 else { return nil }
    let count = Int(value)
    switch unit {
    case "years": return make(i, end, .date, .date(String(reference.year - count)), "date", rule: "N years ago")
    case "days": return make(i, end, .date, .date(reference.adding(days: -count).iso), "date", rule: "N days ago")
    case "weeks": return make(i, end, .date, .date(reference.adding(days: -7 * count).iso), "date", rule: "N weeks ago")
    case "months":
      var month = reference.month - count
      var year = reference.year
      while month < 1 { month += 12; year -= 1 }
      return make(i, end, .date, .date(CivilDate(year: year, month: month, day: 1).isoMonth), "date", rule: "N months ago")
    default: return make(i, end, .duration, .number(value), unit, rule: "duration ago")
    }
  }
}
