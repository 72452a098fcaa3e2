/// A person (or an organisation that speaks) named in one document.
package struct NamedPerson: Sendable, Equatable {
  /// The fullest form of the name the document gives ("Mark Rutte").
  package var name: String
  /// Every form the document uses ("Mark Rutte", "Rutte").
  package var forms: [String]
  /// Titles and appositions that say what the person is, lower-cased ("nato secretary-general").
  package var roles: [String]
  package var maleEvidence = 0
  package var femaleEvidence = 0
  /// Whether the appositions describe an organisation ("a utility group").
  package var isOrganization = false
  /// Whether the text never names this speaker and `name` is its description
  /// ("spokeswoman for the ministry", "officials").
  package var isDescription = false
  /// For each role, the words where the text first states it ("Mayor Adaeze Okonkwo",
  /// "Ray Dufresne, the town’s fire chief"): the evidence when a description resolves to
  /// the person.
  package var roleEvidence: [String: String] = [:]

  /// The gender the text shows, when it shows one.
  package var gender: Gender? {
    if maleEvidence > femaleEvidence { return .male }
    if femaleEvidence > maleEvidence { return .female }
    return nil
  }

  /// The name's last word: the surname of a person.
  package var lastWord: String { name.split(separator: " ").last.map(String.init) ?? name }
}

/// Where a document names or describes a person.
package struct Mention: Sendable, Equatable {
  /// Token indices of the words.
  package var tokens: Range<Int>
  package var person: Int
}

/// The people a document names, with their roles and genders, and every place it mentions
/// them by name or by a description its own titles and appositions explain.
///
/// A capitalised run of words is a person when the text treats it as one: a title before it
/// ("Mayor Adaeze Okonkwo"), an apposition after it ("Ray Dufresne, chief of …", "Harold
/// Pruitt, 74,"), or a reporting verb next to it ("Zelensky urged", "said Farouk"). A later
/// surname alone, or a description whose words match a role ("the fire chief"), mentions
/// the same person. Gender comes from titles and gendered nouns, and from he/she in
/// sentences that name only that person.
package struct DocumentPeople: Sendable {
  package private(set) var people: [NamedPerson] = []
  /// Mentions in text order.
  package private(set) var mentions: [Mention] = []
  private var byName: [String: Int] = [:]

  struct NameRun {
    var tokens: Range<Int>
    var name: Range<Int>
    var role: Range<Int>?
  }

  /// Finds the people of `text`.
  package init(_ text: QuoteText) {
    text.bytes.withUnsafeBufferPointer { bytes in
      var words = WordReader(bytes: bytes, tokens: text.tokens)
      build(text, &words)
    }
  }

  // MARK: - Lookup

  /// The person a name (as written, possessive dropped) refers to.
  package func person(named name: String) -> Int? { byName[name.lowercased()] }

  /// The mention that starts inside `tokens`, if any.
  package func mention(in tokens: Range<Int>) -> Mention? {
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid].tokens.upperBound <= tokens.lowerBound { low = mid + 1 } else { high = mid }
    }
    guard low < mentions.count, mentions[low].tokens.lowerBound < tokens.upperBound else { return nil }
    return mentions[low]
  }

  /// The last mention that starts inside `tokens`: the head of a phrase such as "Salish
  /// Sound Lines spokeswoman Dana Kirsch" is the name at its end.
  package func lastMention(in tokens: Range<Int>) -> Mention? {
    guard var found = mention(in: tokens) else { return nil }
    var index = mentions.firstIndex(of: found) ?? mentions.count
    while index + 1 < mentions.count, mentions[index + 1].tokens.lowerBound < tokens.upperBound {
      index += 1
      found = mentions[index]
    }
    return found
  }

  /// The person a pronoun before token `position` stands for: the subject (first mention)
  /// of the nearest sentence that mentions someone of a compatible gender.
  /// - Parameter excluded: token ranges whose mentions cannot be antecedents (quoted words).
  package func antecedent(before position: Int, gender: Gender?, text: QuoteText, excluded: (Int) -> Bool) -> Int? {
    var index = mentions.count - 1
    while index >= 0, mentions[index].tokens.lowerBound >= position { index -= 1 }
    while index >= 0 {
      let sentence = text.sentenceOfToken[mentions[index].tokens.lowerBound]
      var first = index
      while first > 0, text.sentenceOfToken[mentions[first - 1].tokens.lowerBound] == sentence { first -= 1 }
      // The subject comes first; a possessive ("Tanabe’s colleague") is not the subject.
      var fallback: Int? = nil
      for candidate in first...index where !excluded(mentions[candidate].tokens.lowerBound) && !isSpeakerLabel(mentions[candidate], text) {
        let person = people[mentions[candidate].person]
        if person.isOrganization { continue }
        if let gender, let known = person.gender, known != gender { continue }
        if isPossessive(mentions[candidate], text) {
          fallback = fallback ?? mentions[candidate].person
          continue
        }
        return mentions[candidate].person
      }
      if let fallback { return fallback }
      index = first - 1
    }
    return nil
  }

  /// Whether a mention is a transcript's speaker label ("FERREIRA:" opening a line): it says
  /// who talks next, and is not the subject of what the text narrates.
  private func isSpeakerLabel(_ mention: Mention, _ text: QuoteText) -> Bool {
    let next = mention.tokens.upperBound
    guard next < text.tokens.count, text.tokens[next].kind == .punctuation, text.bytes[Int(text.tokens[next].start)] == 0x3A else { return false }
    let start = Int(text.tokens[mention.tokens.lowerBound].start)
    return start == 0 || text.bytes[start - 1] == 0x0A
  }

  private func isPossessive(_ mention: Mention, _ text: QuoteText) -> Bool {
    let token = text.tokens[mention.tokens.upperBound - 1]
    let end = Int(token.end)
    guard end - Int(token.start) > 2 else { return false }
    let bytes = text.bytes
    return (bytes[end - 1] == 0x73 && (bytes[end - 2] == 0x27 || bytes[end - 2] == 0x99)) || bytes[end - 1] == 0x27
  }

  /// The organisation mentioned last before token `position` ("…,” it said).
  package func lastOrganization(before position: Int) -> Int? {
    mentions.last { $0.tokens.lowerBound < position && people[$0.person].isOrganization }?.person
  }

  /// Resolves a description ("the NATO chief", "the fire chief") against the roles this
  /// document states, preferring the person mentioned most recently before `position`.
  package func resolve(description words: [String], before position: Int) -> Int? {
    let content = words.filter { !QuoteLexicon.determiners.contains(QuoteLexicon.key($0)) }
      .flatMap { $0.split(separator: "-").map(String.init) }
      .map(Self.strippingPossessive)
    guard !content.isEmpty else { return nil }
    let leaders = content.filter { QuoteLexicon.leaderWords.contains(QuoteLexicon.key($0)) }
    let others = content.filter { !QuoteLexicon.leaderWords.contains(QuoteLexicon.key($0)) && $0 != "of" && $0 != "new" && $0 != "former" && $0 != "newly" }
    var best: (person: Int, score: Int, recency: Int)? = nil
    for (index, person) in people.enumerated() {
      let roleWords = person.roles.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) }
      guard !roleWords.isEmpty else { continue }
      var score = 0
      var ok = true
      for word in others {
        if roleWords.contains(where: { Self.sameWord($0, word) }) { score += 2 } else { ok = false; break }
      }
      guard ok else { continue }
      if !leaders.isEmpty {
        let leaderMatch = roleWords.contains { word in leaders.contains(where: { Self.sameWord($0, word) }) }
        let topMatch = roleWords.contains { QuoteLexicon.topTitles.contains(QuoteLexicon.key($0)) }
        guard leaderMatch || topMatch else { continue }
        score += leaderMatch ? 2 : 1
      }
      guard score > 0 else { continue }
      let recency = mentions.last(where: { $0.person == index && $0.tokens.lowerBound < position })?.tokens.lowerBound ?? -1
      if best.map({ score > $0.score || (score == $0.score && recency > $0.recency) }) ?? true {
        best = (index, score, recency)
      }
    }
    return best?.person
  }

  /// The first of `person`'s roles that shares a word with a description, with where the
  /// text states it: the evidence for `resolve(description:before:)`'s answer.
  package func statedRole(matching words: [String], of person: Int) -> (role: String, evidence: String?)? {
    let content = words.filter { !QuoteLexicon.determiners.contains(QuoteLexicon.key($0)) }
      .flatMap { $0.split(separator: "-").map(String.init) }
      .map(Self.strippingPossessive)
    let named = people[person]
    for role in named.roles {
      let roleWords = role.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
      if content.contains(where: { word in roleWords.contains { Self.sameWord($0, word) } }) {
        return (role, named.roleEvidence[role])
      }
    }
    return nil
  }

  /// Registers a name met in an attribution that the first pass did not know.
  @discardableResult
  package mutating func addSpeaker(named name: String, at tokens: Range<Int>) -> Int {
    let index = register(name: name, role: nil)
    insertMention(Mention(tokens: tokens, person: index))
    return index
  }

  /// Registers a speaker the text only describes ("a spokeswoman for the ministry said"),
  /// under that description; the same description again is the same speaker.
  @discardableResult
  package mutating func addDescribedSpeaker(_ description: String, at tokens: Range<Int>) -> Int {
    let key = description.lowercased()
    let index: Int
    if let existing = people.indices.first(where: { people[$0].isDescription && people[$0].name.lowercased() == key }) {
      index = existing
    } else {
      index = people.count
      people.append(NamedPerson(name: description, forms: [description], roles: [], isDescription: true))
      addGender(fromRole: key, to: index)
    }
    insertMention(Mention(tokens: tokens, person: index))
    return index
  }

  /// Adds a mention by description.
  package mutating func addMention(_ mention: Mention) { insertMention(mention) }

  private mutating func insertMention(_ mention: Mention) {
    var index = mentions.count
    while index > 0, mentions[index - 1].tokens.lowerBound > mention.tokens.lowerBound { index -= 1 }
    if index > 0, mentions[index - 1].tokens == mention.tokens { return }
    mentions.insert(mention, at: index)
  }

  static func sameWord(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    // "ukraine" and "ukrainian", "secretary" and "secretaries": a shared stem of five letters.
    let common = zip(a, b).prefix { $0 == $1 }.count
    return common >= 5 && (common >= a.count - 3 && common >= b.count - 3)
  }

  static func strippingPossessive(_ word: String) -> String {
    for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  // MARK: - Building

  @discardableResult
  private mutating func register(name: String, role: String?) -> Int {
    let key = name.lowercased()
    let index: Int
    if let existing = byName[key] {
      index = existing
    } else if let last = name.split(separator: " ").last.map({ String($0).lowercased() }),
      let existing = people.indices.first(where: { i in
        let person = people[i]
        let words = person.name.lowercased().split(separator: " ").map(String.init)
        if name.contains(" ") { return words.count == 1 && words[0] == last }
        return words.last == last || words.contains(key)
      })
    {
      index = existing
      if name.count > people[index].name.count, name.contains(" ") { people[index].name = name }
      if !people[index].forms.contains(name) { people[index].forms.append(name) }
    } else {
      index = people.count
      people.append(NamedPerson(name: name, forms: [name], roles: []))
    }
    byName[key] = index
    if let role, !role.isEmpty, !people[index].roles.contains(role) { people[index].roles.append(role) }
    return index
  }

  private mutating func build(_ text: QuoteText, _ words: inout WordReader) {
    let tokens = text.tokens
    var runs: [NameRun] = []
    for segment in text.segments { runs += words.nameRuns(in: segment.tokens) }

    // Pass 1: runs the text treats as people.
    var evidence: [(run: Int, role: String?, apposition: (text: String, isOrganization: Bool)?, roleStart: Int)] = []
    for (index, run) in runs.enumerated() {
      var role: String? = run.role.map { words.lowercased($0) }
      // Lower-case titles just before the run ("company spokesman Joost Verhagen").
      var before = run.tokens.lowerBound
      while before > 0, run.tokens.lowerBound - before < 3, tokens[before - 1].kind == .word,
        !words.isCapitalized(before - 1), words.isRole(before - 1)
      {
        before -= 1
      }
      if before < run.tokens.lowerBound, !run.name.isEmpty {
        let prefix = words.lowercased(before..<run.tokens.lowerBound)
        role = role.map { prefix + " " + $0 } ?? prefix
      }
      let apposition = words.apposition(after: run.tokens.upperBound, limit: text.segments.first { $0.tokens.contains(run.tokens.lowerBound) }?.tokens.upperBound ?? tokens.count)
      let nearVerb = words.isReportingVerbNear(after: run.tokens.upperBound) || words.isReportingVerbBefore(run.tokens.lowerBound)
      guard !run.name.isEmpty else { continue }
      // "Local officials said", "Senior aides": an adjective that opens a sentence.
      if run.name.count == 1, QuoteLexicon.nameModifiers.contains(words.key(run.name.lowerBound)) { continue }
      if words.isPlace(run.name.upperBound - 1) && role == nil && apposition == nil { continue }
      if role != nil && !words.isPlace(run.name.upperBound - 1) || apposition != nil || nearVerb || words.looksLikeFullName(run.name) {
        evidence.append((index, role, apposition, before))
      }
    }
    for item in evidence {
      let run = runs[item.run]
      let name = words.name(run.name)
      let person = register(name: name, role: item.role)
      if let role = item.role, people[person].roleEvidence[role] == nil {
        people[person].roleEvidence[role] = text.string(tokens: min(item.roleStart, run.tokens.lowerBound)..<run.tokens.upperBound)
      }
      if let apposition = item.apposition {
        if !people[person].roles.contains(apposition.text) { people[person].roles.append(apposition.text) }
        if apposition.isOrganization { people[person].isOrganization = true }
        if !apposition.text.isEmpty, people[person].roleEvidence[apposition.text] == nil {
          people[person].roleEvidence[apposition.text] = text.string(tokens: run.tokens) + ", " + apposition.text
        }
      }
      if let role = item.role { addGender(fromRole: role, to: person) }
    }

    // Pass 2: every run that names a known person is a mention; longer forms extend a name.
    for run in runs where !run.name.isEmpty {
      let name = words.name(run.name)
      let key = name.lowercased()
      if let person = byName[key] {
        mentions.append(Mention(tokens: run.tokens, person: person))
        continue
      }
      let parts = key.split(separator: " ").map(String.init)
      guard let last = parts.last else { continue }
      if let person = people.indices.first(where: { i in
        let words = people[i].name.lowercased().split(separator: " ").map(String.init)
        return words.last == last || (parts.count == 1 && words.contains(last))
      }) {
        if parts.count > 1, !people[person].name.contains(" ") { people[person].name = name }
        if !people[person].forms.contains(name) { people[person].forms.append(name) }
        byName[key] = person
        mentions.append(Mention(tokens: run.tokens, person: person))
      }
    }

    // Pass 3: descriptions ("the fire chief", "The NATO chief", a headline's "NATO Chief").
    for segment in text.segments {
      for description in words.descriptions(in: segment.tokens, runs: runs) {
        let described = words.wordList(description)
        if let person = resolve(description: described, before: description.lowerBound) {
          insertMention(Mention(tokens: description, person: person))
        }
      }
    }
    mentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }

    // Pass 4: gender from he/she in sentences that mention exactly one person.
    var mentionIndex = 0
    for sentence in 0..<(text.sentenceStarts.count - 1) {
      let range = text.sentenceStarts[sentence]..<text.sentenceStarts[sentence + 1]
      var persons = Set<Int>()
      while mentionIndex < mentions.count, mentions[mentionIndex].tokens.lowerBound < range.upperBound {
        if mentions[mentionIndex].tokens.lowerBound >= range.lowerBound { persons.insert(mentions[mentionIndex].person) }
        mentionIndex += 1
      }
      guard persons.count == 1, let person = persons.first else { continue }
      let (male, female) = words.pronounCounts(range)
      people[person].maleEvidence += male
      people[person].femaleEvidence += female
    }
  }

  private mutating func addGender(fromRole role: String, to person: Int) {
    for word in role.split(separator: " ") {
      let key = QuoteLexicon.key(String(word))
      if QuoteLexicon.maleTitles.contains(key) { people[person].maleEvidence += 3 }
      if QuoteLexicon.femaleTitles.contains(key) { people[person].femaleEvidence += 3 }
    }
  }
}

/// Reads words of a document's tokens without building strings on the hot path.
struct WordReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: [Token]

  @inline(__always) func key(_ index: Int) -> UInt64 { QuoteLexicon.key(bytes, tokens[index].range) }

  /// The key of a word without a possessive ending.
  func baseKey(_ index: Int) -> UInt64 {
    let token = tokens[index]
    var end = Int(token.end)
    if end - Int(token.start) > 3 {
      if bytes[end - 1] == 0x73 || bytes[end - 1] == 0x53 {
        if bytes[end - 2] == 0x27 { end -= 2 } else if bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 { end -= 4 }
      }
    }
    return QuoteLexicon.key(bytes, Int(token.start)..<end)
  }

  /// Whether a word ends in 's or ’s.
  func isPossessive(_ index: Int) -> Bool {
    let token = tokens[index]
    let end = Int(token.end)
    guard end - Int(token.start) > 2, bytes[end - 1] == 0x73 else { return false }
    return bytes[end - 2] == 0x27 || (end - Int(token.start) > 4 && bytes[end - 2] == 0x99 && bytes[end - 3] == 0x80 && bytes[end - 4] == 0xE2)
  }

  func string(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }

  func isWord(_ index: Int) -> Bool { tokens[index].kind == .word }

  func isCapitalized(_ index: Int) -> Bool {
    guard tokens[index].kind == .word else { return false }
    let (scalar, _) = Characters.scalar(in: bytes, at: Int(tokens[index].start))
    return Characters.isUppercase(scalar)
  }

  func isPunctuation(_ index: Int, _ byte: UInt8) -> Bool {
    tokens[index].kind == .punctuation && bytes[Int(tokens[index].start)] == byte
  }

  /// Whether the token is a dash (— or –) used as punctuation.
  func isDash(_ index: Int) -> Bool {
    let token = tokens[index]
    guard token.kind == .punctuation, bytes[Int(token.start)] == 0xE2, Int(token.end) - Int(token.start) == 3 else { return false }
    return bytes[Int(token.start) + 1] == 0x80 && (bytes[Int(token.start) + 2] == 0x94 || bytes[Int(token.start) + 2] == 0x93)
  }

  /// Whether a noun names a person: a role word, or an agent noun ("midfielder",
  /// "economist", "historian", "47-year-old") that is not a document or an institution.
  func isPersonNoun(_ index: Int) -> Bool {
    guard tokens[index].kind != .punctuation else { return false }
    if QuoteLexicon.documentNouns.contains(baseKey(index)) || QuoteLexicon.organizationRoles.contains(baseKey(index)) { return false }
    if isRole(index) { return true }
    let word = string(index).lowercased()
    return ["er", "or", "ist", "ian", "year-old", "ant", "man", "woman"].contains { word.hasSuffix($0) }
  }

  func isRole(_ index: Int) -> Bool {
    tokens[index].kind == .word && (QuoteLexicon.roles.contains(baseKey(index)) || isFamilyDescriptor(index))
  }

  /// A tabloid's "dad-of-two", "mother-of-three": a description before a name, not part of it.
  func isFamilyDescriptor(_ index: Int) -> Bool {
    let token = tokens[index]
    let word = bytes[Int(token.start)..<Int(token.end)]
    let infix: [UInt8] = Array("-of-".utf8)
    guard word.count > infix.count + 2 else { return false }
    var position = word.startIndex
    while position + infix.count <= word.endIndex {
      if word[position..<position + infix.count].elementsEqual(infix) { return true }
      position += 1
    }
    return false
  }
  func isPlace(_ index: Int) -> Bool { QuoteLexicon.placeNouns.contains(baseKey(index)) }
  func isReportingVerb(_ index: Int) -> Bool {
    guard tokens[index].kind == .word else { return false }
    let key = key(index)
    if QuoteLexicon.pointVerbs.contains(key) {
      return index + 1 < tokens.count && (self.key(index + 1) == QuoteLexicon.Word.out || self.key(index + 1) == QuoteLexicon.Word.to)
    }
    return QuoteLexicon.reportingVerbs.contains(key)
  }

  /// Whether the word ends in -ing (a participle hanging off a clause).
  func isParticiple(_ index: Int) -> Bool {
    let token = tokens[index]
    let n = Int(token.end)
    return n - Int(token.start) > 4 && bytes[n - 3] == 0x69 && bytes[n - 2] == 0x6E && bytes[n - 1] == 0x67
  }

  func lowercased(_ range: Range<Int>) -> String {
    range.filter { tokens[$0].kind != .punctuation }.map { string($0).lowercased() }.joined(separator: " ")
  }

  func wordList(_ range: Range<Int>) -> [String] {
    range.filter { tokens[$0].kind != .punctuation }.map { string($0).lowercased() }
  }

  /// A name as written, possessive endings dropped and a title's full stop left out.
  func name(_ range: Range<Int>) -> String {
    range.filter { tokens[$0].kind == .word }.map { DocumentPeople.strippingPossessive(string($0)) }.joined(separator: " ")
  }

  /// Whether a reporting verb follows, possibly after an adverb ("Rutte also said").
  func isReportingVerbNear(after end: Int) -> Bool {
    var index = end
    var skipped = 0
    while index < tokens.count, skipped <= 2 {
      if isReportingVerb(index) { return true }
      guard tokens[index].kind == .word, QuoteLexicon.betweenSubjectAndVerb.contains(key(index)) else { return false }
      index += 1
      skipped += 1
    }
    return false
  }

  /// Whether a reporting verb comes just before, and the run is followed by a comma or a
  /// full stop ("said Farouk, who…", "said Rutte.").
  func isReportingVerbBefore(_ start: Int) -> Bool {
    start > 0 && isReportingVerb(start - 1) && !isParticiple(start - 1)
  }

  /// An all-capital word of two or more letters ("NATO", "BBC").
  func isAcronym(_ index: Int) -> Bool {
    let token = tokens[index]
    return token.kind == .word && token.end - token.start > 1
      && (Int(token.start)..<Int(token.end)).allSatisfy { bytes[$0] >= 0x41 && bytes[$0] <= 0x5A }
  }

  /// Two or three capitalised words with no title, place noun or acronym among them
  /// ("Jane Smith"): a person's full name, the way news introduces people.
  func looksLikeFullName(_ range: Range<Int>) -> Bool {
    let wordTokens = range.filter { tokens[$0].kind == .word }
    guard wordTokens.count == range.count, (2...3).contains(wordTokens.count) else { return false }
    for index in wordTokens {
      if isRole(index) || isPlace(index) || QuoteLexicon.notNames.contains(key(index)) { return false }
      // An acronym ("NATO") is an organisation's name, not a person's.
      let token = tokens[index]
      if token.end - token.start > 1, (Int(token.start)..<Int(token.end)).allSatisfy({ bytes[$0] >= 0x41 && bytes[$0] <= 0x5A }) { return false }
    }
    return true
  }

  /// Maximal runs of capitalised words, split into a title part and a name part.
  func nameRuns(in range: Range<Int>) -> [DocumentPeople.NameRun] {
    var runs: [DocumentPeople.NameRun] = []
    var index = range.lowerBound
    while index < range.upperBound {
      guard isCapitalized(index), !QuoteLexicon.notNames.contains(key(index)) else {
        index += 1
        continue
      }
      let start = index
      var end = index + 1
      while end < range.upperBound {
        if isCapitalized(end), !QuoteLexicon.notNames.contains(key(end)) || QuoteLexicon.roles.contains(key(end)) {
          end += 1
        } else if isPunctuation(end, 0x2E), tokens[end].start == tokens[end - 1].end,
          QuoteLexicon.abbreviations.contains(key(end - 1)) || Int(tokens[end - 1].end - tokens[end - 1].start) == 1,
          end + 1 < range.upperBound, isCapitalized(end + 1)
        {
          end += 1  // "Mr." or an initial inside a name
        } else if tokens[end].kind == .word, end + 1 < range.upperBound, isCapitalized(end + 1), isParticle(end) {
          end += 1
        } else {
          break
        }
      }
      // Split off the title: everything up to the last role word.
      var lastRole: Int? = nil
      for i in start..<end where isRole(i) { lastRole = i }
      // A possessive also ends what comes before a name ("Network Rail’s Priya Shah").
      var lastPossessive: Int? = nil
      for i in start..<end where tokens[i].kind == .word && isPossessive(i) && i + 1 < end { lastPossessive = i }
      let nameStart = max(lastRole.map { $0 + 1 } ?? start, lastPossessive.map { $0 + 1 } ?? start)
      var nameRange = nameStart..<end
      // "State Antony Blinken" (after "Secretary of"): a place or acronym does not start a name.
      while nameRange.count > 2, let first = nameRange.first, isPlace(first) || isAcronym(first) {
        nameRange = (first + 1)..<nameRange.upperBound
      }
      while let first = nameRange.first, tokens[first].kind == .punctuation { nameRange = (first + 1)..<nameRange.upperBound }
      // A name has at most four words; a longer run is a title or an organisation.
      if nameRange.filter({ tokens[$0].kind == .word }).count > 4 { nameRange = end..<end }
      runs.append(DocumentPeople.NameRun(tokens: start..<end, name: nameRange, role: lastRole.map { start..<($0 + 1) }))
      index = end
    }
    return runs
  }

  private func isParticle(_ index: Int) -> Bool {
    QuoteLexicon.nameParticles.contains(key(index))
  }

  /// An apposition that says what a person is: ", chief of …,", ", the town’s fire
  /// chief", ", who heads …", ", 74,".
  func apposition(after end: Int, limit: Int) -> (text: String, isOrganization: Bool)? {
    guard end < limit, isPunctuation(end, 0x2C) else { return nil }
    var index = end + 1
    guard index < limit else { return nil }
    if tokens[index].kind == .number {
      return index + 1 < limit && isPunctuation(index + 1, 0x2C) ? ("", false) : nil
    }
    let first = key(index)
    let startsWell = QuoteLexicon.determiners.contains(first) || isRole(index) || first == QuoteLexicon.Word.who
      || tokens[index].kind == .word && !isCapitalized(index)
    guard startsWell else { return nil }
    var words: [Int] = []
    while index < limit, words.count < 14 {
      if tokens[index].kind == .punctuation {
        if isPunctuation(index, 0x2C) || isPunctuation(index, 0x2E) || isPunctuation(index, 0x3B) || isDash(index) { break }
        if tokens[index].kind == .punctuation, !isPunctuation(index, 0x2D) { break }
      } else {
        words.append(index)
      }
      index += 1
    }
    guard !words.isEmpty else { return nil }
    var hasRole = false
    var organization = false
    var nonPerson = false
    for word in words {
      let key = baseKey(word)
      if QuoteLexicon.nonPersonAppositionHeads.contains(key) { nonPerson = true }
      if QuoteLexicon.roles.contains(key) { hasRole = true }
      if QuoteLexicon.organizationRoles.contains(key) { organization = true }
    }
    if nonPerson && !hasRole { return nil }
    let whoClause = first == QuoteLexicon.Word.who
    guard hasRole || whoClause else { return nil }
    return (words.map { string($0).lowercased() }.joined(separator: " "), organization && !whoClause)
  }

  /// Descriptions of people: "the" and up to four words ending in a role word, with "of"
  /// and a capitalised name after it; and capitalised titles with no name ("NATO Chief").
  func descriptions(in range: Range<Int>, runs: [DocumentPeople.NameRun]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if tokens[index].kind == .word, QuoteLexicon.determiners.contains(key(index)), key(index) != QuoteLexicon.Word.a,
        key(index) != QuoteLexicon.Word.an
      {
        var last: Int? = nil
        var j = index + 1
        while j < range.upperBound, j - index <= 5, tokens[j].kind == .word {
          if isRole(j) { last = j }
          j += 1
        }
        if var end = last.map({ $0 + 1 }) {
          if end + 1 < range.upperBound, key(end) == QuoteLexicon.Word.of, isCapitalized(end + 1) {
            end += 2
            while end < range.upperBound, isCapitalized(end) { end += 1 }
          }
          result.append(index..<end)
          index = end
          continue
        }
      }
      index += 1
    }
    for run in runs where run.name.isEmpty && range.contains(run.tokens.lowerBound) && run.role != nil {
      if !result.contains(where: { $0.overlaps(run.tokens) }) { result.append(run.tokens) }
    }
    return result.sorted { $0.lowerBound < $1.lowerBound }
  }

  func pronounCounts(_ range: Range<Int>) -> (Int, Int) {
    var male = 0
    var female = 0
    for index in range where tokens[index].kind == .word {
      let key = key(index)
      if QuoteLexicon.malePronouns.contains(key) { male += 1 }
      if QuoteLexicon.femalePronouns.contains(key) { female += 1 }
    }
    return (male, female)
  }
}
