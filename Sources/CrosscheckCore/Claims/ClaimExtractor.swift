/// Turns the quantities of a corpus into claims: each with its sentence, topic words and
/// asserter.
///
/// The topic is the content words of the clause around the quantity (up to
/// `topicWindow` words each side, stopping at a semicolon or dash), normalized by a small
/// table of news synonyms so that "hurt", "injured" and "treated" meet. The asserter is the
/// outlet, unless the quantity sits inside a pair of quotation marks or after "according
/// to", when it is the nearest name next to a speech verb.
package struct ClaimExtractor: Sendable {
  /// Words each side of a quantity that count towards its topic.
  static let topicWindow = 7
  /// Words each side of a date that count towards its topic.
  static let dateWindow = 14

  package init() {}

  /// Every claim of the corpus, in document order then text order.
  package func claims(in corpus: Corpus) -> [Claim] {
    let dates = ReferenceDates(corpus: corpus)
    let recognizer = QuantityRecognizer()
    var claims: [Claim] = []
    for document in corpus.documents {
      let reference = dates[document.id]?.date
      let minute = dates[document.id]?.minute
      let quantities = recognizer.quantities(in: document, reference: reference).filter { !isTimestamp($0, in: document) }
      let first = claims.count
      for (index, quantity) in quantities.enumerated() {
        // Only a neighbour of the same kind competes for the words between ("built in 1958 …
        // during a 2021 inspection").
        let previous = index > 0 && quantities[index - 1].kind == quantity.kind ? quantities[index - 1].range.upperBound : nil
        let next = index + 1 < quantities.count && quantities[index + 1].kind == quantity.kind ? quantities[index + 1].range.lowerBound : nil
        claims.append(claim(quantity, in: document, published: reference, number: claims.count + 1, neighbours: (previous, next)))
      }
      for index in first..<claims.count { claims[index].publishedMinute = minute }
      attachFrames(&claims, from: first)
    }
    return claims
  }

  /// A time of day alone on its line ("11:48" over a live blog's post) stamps the post; it
  /// is not a claim the text makes.
  func isTimestamp(_ quantity: Quantity, in document: Document) -> Bool {
    guard quantity.kind == .date, quantity.unit == "datetime" else { return false }
    let bytes = document.buffer.bytes
    var before = quantity.range.lowerBound
    while before > 0, bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 { before -= 1 }
    var after = quantity.range.upperBound
    while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0D { after += 1 }
    return (before == 0 || bytes[before - 1] == 0x0A) && (after == bytes.count || bytes[after] == 0x0A)
  }

  /// A duration with `within` or `per`, or "in 24 hours", bounds the amount in its sentence.
  func attachFrames(_ claims: inout [Claim], from first: Int) {
    for index in first..<claims.count {
      let frame = claims[index]
      guard frame.quantity.kind == .duration, let qualifier = frame.quantity.qualifier, qualifier == .within || qualifier == .per else { continue }
      let candidates = (first..<claims.count).filter {
        $0 != index && claims[$0].sentence == frame.sentence && claims[$0].quantity.kind != .date && claims[$0].quantity.kind != .duration
          && claims[$0].quantity.range.upperBound <= frame.quantity.range.lowerBound
      }
      guard let target = candidates.last else { continue }
      claims[index].frameOf = target
      claims[target].frames.append(qualifier)
    }
  }

  /// Bytes on each side of a quantity read for its topic and asserter. A sentence of news
  /// prose rarely runs past a few hundred characters; text further off in a longer one (a
  /// list, a run-on line of a malformed page) says nothing about this figure, and reading it
  /// for every figure would make such a line cost quadratic time.
  static let contextLimit = 2_000

  /// The part of `range` within `contextLimit` bytes of `quantity`.
  static func near(_ quantity: Quantity, within range: Range<Int>) -> Range<Int> {
    let lower = max(range.lowerBound, min(quantity.range.lowerBound - contextLimit, range.upperBound))
    let upper = min(range.upperBound, max(quantity.range.upperBound + contextLimit, lower))
    return lower..<max(lower, upper)
  }

  func claim(_ quantity: Quantity, in document: Document, published: CivilDate?, number: Int, neighbours: (Int?, Int?)) -> Claim {
    let sentence = document.sentences.first { $0.range.contains(quantity.range.lowerBound) }
    let sentenceRange = sentence?.range ?? excludedRange(document, quantity) ?? quantity.range
    let (topic, topicText) = topicWords(quantity, sentence: sentence, in: document, neighbours: neighbours)
    let (asserter, rule) = asserter(quantity, sentence: Self.near(quantity, within: sentenceRange), in: document)
    var measured: String? = nil
    if quantity.rule.hasSuffix("adjective"), let token = document.tokens.first(where: { $0.start >= quantity.range.upperBound && $0.kind == .word }) {
      measured = TopicLexicon.normalize(document.string(token.range).lowercased())
    }
    return Claim(
      id: "c\(number)", document: document.id, quantity: quantity, text: document.string(quantity.range), sentence: sentenceRange, topic: topic, topicText: topicText,
      asserter: asserter, asserterRule: rule, frames: [], frameOf: nil, published: published, publishedMinute: nil, measured: measured,
      sentenceIndex: document.sentences.firstIndex { $0.range.contains(quantity.range.lowerBound) } ?? -1)
  }

  func excludedRange(_ document: Document, _ quantity: Quantity) -> Range<Int>? {
    document.excluded.first { $0.range.contains(quantity.range.lowerBound) }?.range
  }

  /// Content words of the clause around the quantity: the words between the nearest clause
  /// marks (comma, semicolon, colon, dash, bracket) on each side, at most `topicWindow` each
  /// way (`dateWindow` for dates, whose event is often further off). Words between two
  /// quantities are shared out: the nearer half goes to each.
  func topicWords(_ quantity: Quantity, sentence: Sentence?, in document: Document, neighbours: (Int?, Int?) = (nil, nil)) -> ([String], String) {
    guard let sentence else { return ([], "") }
    // Only the tokens within reach of the quantity (sorted by offset: found by bisection).
    let reach = Self.near(quantity, within: sentence.range)
    var tokens = document.tokens[sentence.tokens]
    func firstIndex(from offset: Int) -> Int {
      var (low, high) = (tokens.startIndex, tokens.endIndex)
      while low < high {
        let middle = (low + high) / 2
        if Int(tokens[middle].start) < offset { low = middle + 1 } else { high = middle }
      }
      return low
    }
    tokens = tokens[firstIndex(from: reach.lowerBound)..<firstIndex(from: reach.upperBound)]
    let bytes = document.buffer.bytes
    let neighbours = (neighbours.0.flatMap { sentence.range.contains($0 - 1) ? $0 : nil }, neighbours.1.flatMap { sentence.range.contains($0) ? $0 : nil })
    func isClauseMark(_ token: Token) -> Bool {
      guard token.kind == .punctuation else { return false }
      let byte = bytes[Int(token.start)]
      if byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x28 || byte == 0x29 { return true }
      // — and – (E2 80 94, E2 80 93).
      return byte == 0xE2 && token.end - token.start == 3 && bytes[Int(token.start) + 1] == 0x80
        && (bytes[Int(token.start) + 2] == 0x94 || bytes[Int(token.start) + 2] == 0x93)
    }
    var before: [String] = []
    var inside: [String] = []
    var after: [String] = []
    var afterClosed = false
    // Words on each side up to a clause mark; when a neighbouring quantity of the same kind
    // comes first, only the nearer half of the words between is ours.
    var afterReachedNeighbour = false
    var beforeFromNeighbour = false
    for token in tokens {
      if token.end <= quantity.range.lowerBound {
        if let previous = neighbours.0, token.end <= previous { beforeFromNeighbour = true; before.removeAll(); continue }
        if isClauseMark(token) { before.removeAll(); beforeFromNeighbour = false } else if token.kind == .word { before.append(document.string(token.range)) }
      } else if token.start >= quantity.range.lowerBound && token.end <= quantity.range.upperBound {
        if token.kind == .word { inside.append(document.string(token.range)) }
      } else if token.start >= quantity.range.upperBound, !afterClosed {
        if let next = neighbours.1, token.start >= next { afterClosed = true; afterReachedNeighbour = true; continue }
        if isClauseMark(token) { afterClosed = true } else if token.kind == .word { after.append(document.string(token.range)) }
      }
    }
    if beforeFromNeighbour {
      // "About 1,200 people remain out of their homes and a dozen people were hurt": the
      // words before a conjunction belong to the first figure.
      if let cut = before.lastIndex(where: { ["and", "but", "while", "whereas"].contains($0.lowercased()) }) {
        before = Array(before[(cut + 1)...])
      } else {
        before = Array(before.suffix((before.count + 1) / 2))
      }
    }
    if afterReachedNeighbour {
      if let cut = after.firstIndex(where: { ["and", "but", "while", "whereas"].contains($0.lowercased()) }) {
        after = Array(after[..<cut])
      } else {
        after = Array(after.prefix(after.count / 2))
      }
    }
    // A quantity alone in its clause ("The dam, about 11 miles upstream, is owned by …")
    // takes its topic from the whole sentence.
    let clauseWords = (before + after).filter { word in
      let lower = word.lowercased()
      return !TopicLexicon.stopWords.contains(lower) && lower.count > 2 && QuantityLexicon.months[lower] == nil
        && QuantityLexicon.weekdays[lower] == nil && QuantityLexicon.cardinals[lower] == nil
    }
    if clauseWords.isEmpty {
      before = tokens.filter { $0.kind == .word && $0.end <= quantity.range.lowerBound }.map { document.string($0.range) }
      after = tokens.filter { $0.kind == .word && $0.start >= quantity.range.upperBound }.map { document.string($0.range) }
    }
    var topic: [String] = []
    var shown: [String] = []
    func add(_ word: String, show: Bool, inside: Bool = false) {
      let lower = word.lowercased()
      // A currency named in the amount is its unit; named elsewhere ("the krona fell") it is the topic.
      guard !TopicLexicon.stopWords.contains(lower), lower.count > 2, QuantityLexicon.cardinals[lower] == nil,
        QuantityLexicon.weekdays[lower] == nil, QuantityLexicon.months[lower] == nil, QuantityLexicon.multipliers[lower] == nil,
        !inside || QuantityLexicon.currencyNames[lower] == nil, QuantityLexicon.vagueAmounts.contains(lower) == false
      else { return }
      let normalized = TopicLexicon.normalize(lower)
      if !topic.contains(normalized) { topic.append(normalized) }
      if show { shown.append(word) }
    }
    for word in inside where QuantityLexicon.durationUnits[word.lowercased()] == nil && QuantityLexicon.distanceUnits[word.lowercased()] == nil {
      add(word, show: true, inside: true)
    }
    let window = quantity.kind == .date ? Self.dateWindow : Self.topicWindow
    for word in after.prefix(window) { add(word, show: shown.count < 3) }
    for word in before.suffix(window).reversed() { add(word, show: false) }
    if shown.isEmpty {
      // Nothing after the figure ("… on Nov. 21."): name it by the words before it.
      shown = before.suffix(window).filter { word in
        let lower = word.lowercased()
        return !TopicLexicon.stopWords.contains(lower) && lower.count > 2 && QuantityLexicon.weekdays[lower] == nil && QuantityLexicon.months[lower] == nil
      }.suffix(3)
    }
    return (topic, shown.joined(separator: " "))
  }

  /// The outlet, or the speaker when the quantity is quoted, attributed with "according to",
  /// or reported after a named source and a speech verb ("The sheriff's office said 1,400…").
  func asserter(_ quantity: Quantity, sentence: Range<Int>, in document: Document) -> (String, String) {
    let outlet = document.metadata.outlet?.value ?? document.id
    guard let whole = document.paragraphs.first(where: { $0.range.contains(quantity.range.lowerBound) }) else { return (outlet, "outlet") }
    let paragraph = Self.near(quantity, within: whole.range)
    let bytes = document.buffer.bytes
    // Inside quotation marks: count marks from the paragraph start.
    var open = false
    var index = paragraph.lowerBound
    while index < quantity.range.lowerBound {
      if bytes[index] == 0x22 {
        open.toggle()
      } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
        if bytes[index + 2] == 0x9C { open = true } else if bytes[index + 2] == 0x9D { open = false }
      }
      index += 1
    }
    // A paragraph that opens a quotation and never closes it continues one.
    let opening: [UInt8] = [0xE2, 0x80, 0x9C], closing: [UInt8] = [0xE2, 0x80, 0x9D]
    let continues = bytes[paragraph].starts(with: opening) && Self.find(closing, in: bytes, range: paragraph) == nil
    if open || continues {
      if let name = Self.speaker(in: document.string(paragraph)) { return (name, "quotation") }
      return ("(unattributed quotation)", "quotation")
    }
    if let found = Self.find(Array("according to ".utf8), in: bytes, range: sentence) {
      let rest = document.string(found..<sentence.upperBound)
      var words = Array(rest.split(separator: " ").prefix { $0.first?.isUppercase == true || $0 == "the" }.prefix(4))
      // "according to the regional weather service": the lower-case words of a description,
      // to the end of the clause.
      if words == ["the"] {
        for word in rest.split(separator: " ").dropFirst().prefix(4) {
          let bare = String(word).trimmingCharacters(in: ",.;:")
          if bare.isEmpty || QuantityLexicon.stopWords.contains(bare.lowercased()) { break }
          words.append(word)
          if bare.count != word.count { break }
        }
      }
      let trimmed = words.joined(separator: " ").trimmingCharacters(in: ",.;")
      if !trimmed.isEmpty { return (trimmed, "according to") }
    }
    // The day something was said is the outlet's to report ("X said at a briefing Thursday");
    // a date is the source's only in what it said ("X said that the talks start Monday").
    let before = document.string(sentence.lowerBound..<quantity.range.lowerBound)
    if let source = Self.reportingSource(before: before), quantity.kind != .date || before.split(separator: " ").suffix(8).contains("that") {
      return (source, "reported speech")
    }
    return (outlet, "outlet")
  }

  /// The organisation or person whose words the sentence reports before an amount: "The
  /// Calder County Sheriff’s Office said 1,400 people…", "Riverton General Hospital said it
  /// treated…". A capitalised name of at most five words right before a speech verb; "the"
  /// before it is dropped.
  static func reportingSource(before text: String) -> String? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    for (index, word) in words.enumerated().reversed() where QuantityLexicon.speechVerbs.contains(word.lowercased()) {
      var name: [String] = []
      var k = index - 1
      while k >= 0, name.count < 5 {
        let candidate = words[k]
        guard let first = candidate.first, first.isUppercase || (candidate == "of" && !name.isEmpty) else { break }
        if candidate.last == "," || candidate.last == "." { break }
        name.insert(candidate, at: 0)
        k -= 1
      }
      if name.first == "of" { name.removeFirst() }
      if name.first == "The" { name.removeFirst() }
      // One capitalised word that opens the sentence is no name ("Officials said", "He said").
      guard !name.isEmpty, name.count > 1 || k >= 0 else { return nil }
      return name.joined(separator: " ")
    }
    return nil
  }

  /// The offset just past the first occurrence of `pattern` in `bytes[range]`.
  static func find(_ pattern: [UInt8], in bytes: [UInt8], range: Range<Int>) -> Int? {
    guard let first = pattern.first, range.count >= pattern.count else { return nil }
    var index = range.lowerBound
    while index + pattern.count <= range.upperBound {
      if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
      index += 1
    }
    return nil
  }

  /// The name next to a speech verb: "Rutte said", "said Ray Dufresne", "Mayor X told".
  static func speaker(in text: String) -> String? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0).trimmingCharacters(in: ",.”“\"’") }
    for (index, word) in words.enumerated() where QuantityLexicon.speechVerbs.contains(word.lowercased()) || word == "stressed" || word == "commented" {
      var name: [String] = []
      var k = index - 1
      while k >= 0, let first = words[k].first, first.isUppercase, name.count < 3 { name.insert(words[k], at: 0); k -= 1 }
      if name.isEmpty {
        k = index + 1
        while k < words.count, let first = words[k].first, first.isUppercase, name.count < 3 { name.append(words[k]); k += 1 }
      }
      let joined = name.joined(separator: " ")
      if !joined.isEmpty, !["He", "She", "They", "It", "We", "I"].contains(joined) { return joined }
    }
    return nil
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var scalars = Substring(self)
    while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
    return String(scalars)
  }
}

/// Words that say nothing about what a number measures, and synonyms news writing uses for
/// the same event.
enum TopicLexicon {
  static let stopWords: Set<String> = QuantityLexicon.stopWords.union([
    "said", "says", "told", "reported", "according", "officials", "official", "also", "about", "than", "more", "some",
    "just", "been", "have", "had", "has", "was", "were", "are", "being", "would", "will", "could", "who", "what", "which",
    "one", "new", "now", "them", "there", "their", "they", "she", "her", "his", "him", "its", "our", "out", "into", "from",
    "with", "that", "this", "these", "those", "then", "than", "when", "where", "while", "after", "before", "over", "least",
    "nearly", "around", "roughly", "almost", "approximately", "since", "within", "per", "morning", "afternoon", "evening",
    "night", "week", "weekend", "day", "today", "yesterday", "tomorrow", "next", "last", "year", "years", "month", "months",
    "time", "times", "people", "mr", "mrs", "ms", "show", "shows", "showed", "records", "including", "amid", "still", "many", "much", "several", "such", "other",
  ])
  static let synonyms: [String: String] = [
    "injured": "injured", "injuries": "injured", "injury": "injured", "hurt": "injured", "wounded": "injured", "treated": "injured",
    "hospital": "injured", "hospitalized": "injured", "hospitalised": "injured", "injuring": "injured",
    "bomb": "attack", "strike": "attack", "struck": "attack", "attack": "attack", "shelling": "attack", "missile": "attack",
    "blast": "attack", "explosion": "attack", "airstrike": "attack", "hit": "attack",
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed", "death": "killed", "fatalities": "killed", "toll": "killed",
    "evacuated": "evacuated", "evacuation": "evacuated", "fled": "evacuated", "flee": "evacuated", "displaced": "evacuated",
    "forced": "evacuated", "forcing": "evacuated", "leave": "evacuated", "homeless": "evacuated", "home": "evacuated",
    "homes": "evacuated", "evacuate": "evacuated", "evacuees": "evacuated", "missing": "missing", "arrested": "arrested",
    "detained": "arrested", "arrests": "arrested",
    "pledged": "pledge", "pledge": "pledge", "promised": "pledge", "committed": "pledge", "pledges": "pledge",
    "aid": "aid", "assistance": "aid", "funding": "aid", "support": "aid", "relief": "aid",
    "meeting": "meeting", "meet": "meeting", "gathering": "meeting", "summit": "meeting", "hearing": "meeting",
    "inquiry": "meeting", "testimony": "meeting", "talks": "meeting", "trial": "meeting", "vote": "meeting", "election": "meeting",
    "crested": "crest", "peaked": "crest", "crest": "crest", "peak": "crest",
    "rescued": "rescued", "pulled": "rescued", "saved": "rescued",
    "rain": "rain", "rainfall": "rain", "gap": "breach", "section": "breach", "stretch": "breach", "breach": "breach", "hole": "breach",
    "levee": "levee", "embankment": "levee", "dike": "levee", "dyke": "levee",
    "story": "storeys", "storey": "storeys", "block": "building", "apartment": "building",
    "visit": "visit", "trip": "visit", "visited": "visit", "arrived": "visit",
    "sworn": "office", "swearing": "office", "office": "office",
    "invasion": "invasion", "war": "invasion",
    "cut": "cut", "cuts": "cut", "eliminate": "cut", "shed": "cut", "slash": "cut", "axe": "cut", "layoffs": "cut",
    "workforce": "staff", "staff": "staff", "employees": "staff", "payroll": "staff",
    "shares": "shares", "stock": "shares", "revenue": "revenue", "sales": "revenue", "turnover": "revenue",
    "profit": "profit", "earnings": "profit",
  ]

  /// Events whose counts outlets report and dispute: people injured, killed, evacuated,
  /// rescued; money pledged; meetings dated.
  static let eventClasses: Set<String> = ["injured", "killed", "evacuated", "rescued", "pledge", "meeting", "missing", "arrested", "attack", "cut"]
  /// Events that are scheduled and so have one date: a meeting, hearing, trial, vote, visit.
  static let scheduledEvents: Set<String> = ["meeting", "visit", "office"]
  static func isEventClass(_ word: String) -> Bool { eventClasses.contains(word) }

  /// A word's normalized form: its synonym class, else a crude singular.
  static func normalize(_ word: String) -> String {
    if let synonym = synonyms[word] { return synonym }
    var word = word
    if word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
    if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
    return synonyms[word] ?? word
  }
}
