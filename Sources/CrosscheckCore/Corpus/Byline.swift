/// A byline or post-meta line: "By Jane Doe, KVRT 7 News | Published November 15, 2024",
/// "Posted on November 14, 2024 by Jenna Whitlock", "Updated: 15 Nov 2024".
package struct Byline: Sendable, Equatable {
  /// The author named after "By".
  package var author: String?
  /// An outlet named right after the author ("By Jane Doe, Tidewire").
  package var outlet: String?
  /// The publication date the line states.
  package var date: StatedDate?

  /// Words that make a segment after a name a role, not an outlet ("Staff Writer").
  static let roleWords = ["writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist", "producer", "intern", "special to"]
  /// Words that may stand inside a name without a capital ("Ursula von der Leyen").
  static let nameParticles: Set<String> = ["de", "van", "von", "der", "da", "del", "la", "le", "di", "bin", "al"]
  static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "noon", "midnight", "then", "now", "law", "contrast", "comparison"]
  static let metaOpenings = ["posted on", "posted", "published on", "published", "updated on", "updated", "last updated", "first published", "posted at", "published at"]
  /// Each meta opening followed by a space or a colon, in the order tried.
  static let metaOpeningsWithSeparator = metaOpenings.flatMap { [$0 + " ", $0 + ":"] }
  /// The first bytes of every opening ("by", "written by", "words by" and the meta openings), lower-case.
  static let openingInitials = Set((["by ", "written by ", "words by "] + metaOpenings).compactMap(\.utf8.first))

  /// Reads a byline from a whole line.
  /// - Returns: what the line states, or nil when it is not a byline or date line.
  package static func parse(_ text: String) -> Byline? {
    // Cheap tests first: most lines are neither bylines nor short enough to be a date line.
    // Every opening starts with one of a few letters; a line that opens with another ASCII
    // byte cannot open as a byline, whatever its case.
    let initial = text.utf8.first ?? 0
    if initial < 0x80, !openingInitials.contains(initial | 0x20), text.utf8.count > 60 { return nil }
    let head = text.utf8.count > 24 ? String(decoding: Array(text.utf8.prefix(24)), as: UTF8.self).lowercased() : text.lowercased()
    let opensAsByline = head.hasPrefix("by ") || head.hasPrefix("written by ") || head.hasPrefix("words by ")
      || metaOpeningsWithSeparator.contains { head.hasPrefix($0) }
    guard opensAsByline || text.utf8.count <= 60 else { return nil }
    let words = text.split(atAny: [" ", "\u{A0}"])
    guard !words.isEmpty, words.count <= 30 else { return nil }
    let lower = text.lowercased()
    var byline = Byline()
    if lower.hasPrefix("by ") || lower.hasPrefix("written by ") || lower.hasPrefix("words by ") {
      let start = lower.hasPrefix("by ") ? 1 : 2
      guard let (name, next) = name(in: Array(words), from: start) else { return nil }
      // "By Thursday, the river had …" opens a sentence, not a byline.
      let nameWords = name.split(atAny: [" "])
      if nameWords.contains(where: { StatedDate.months[String($0.lowercased().trimmingCharacters("."))] != nil || weekdays.contains($0.lowercased()) }) {
        return nil
      }
      if nameWords.count == 1, next < words.count, !["|", "—", "–", "-", "·", "•"].contains(words[next]) { return nil }
      byline.author = name
      // "By Jane Doe, Outlet Name | …"
      if next < words.count, words[next - 1].hasSuffix(",") {
        let segment = words[next...].prefix { !["|", "—", "–", "-", "·", "•"].contains($0) }.joined(separator: " ")
        let outlet = segment.split(separator: "|").first.map { $0.trimmingSpaces() } ?? ""
        let outletLower = outlet.lowercased()
        if !outlet.isEmpty, outlet.split(atAny: [" "]).count <= 6, StatedDate.first(in: outlet) == nil,
          !roleWords.contains(where: { outletLower.includes($0) }), outlet.unicodeScalars.first.map(Characters.isUppercase) == true
        {
          byline.outlet = outlet.trimmingTrailingPunctuation()
        }
      }
      byline.date = StatedDate.first(in: text)
      return byline
    }
    if metaOpeningsWithSeparator.contains(where: { lower.hasPrefix($0) }) {
      guard let date = StatedDate.first(in: text) else { return nil }
      byline.date = date
      if let by = words.lastIndex(where: { $0.lowercased() == "by" }), let (name, _) = name(in: Array(words), from: by + 1) {
        byline.author = name
      }
      return byline
    }
    // A line that is only a date (and a time).
    if words.count <= 8, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let date = StatedDate.first(in: text), date.isFull,
      date.evidence.count * 2 >= text.count || lower.includes(" am") || lower.includes(" pm") || lower.includes(":")
    {
      byline.date = date
      return byline
    }
    return nil
  }

  /// The name that starts at `start`: one to four capitalized words, ending the line or
  /// followed by a separator.
  /// - Returns: the name and the index of the word after it.
  static func name(in words: [Substring], from start: Int) -> (String, Int)? {
    var parts: [String] = []
    var index = start
    while index < words.count, parts.count < 5 {
      let word = words[index]
      let bare = word.trimmingCharacters(",;")
      guard let first = bare.unicodeScalars.first else { break }
      if Characters.isUppercase(first) || (nameParticles.contains(bare.lowercased()) && !parts.isEmpty) {
        parts.append(String(bare))
        index += 1
        if word.hasSuffix(",") || word.hasSuffix(";") { break }
      } else {
        break
      }
    }
    guard !parts.isEmpty, parts.count <= 4 else { return nil }
    if index < words.count {
      let next = words[index].lowercased()
      let ended = words[index - 1].hasSuffix(",") || words[index - 1].hasSuffix(";")
      guard ended || ["|", "—", "–", "-", "·", "•", "and", "for", "in", "/", "on", "at", "updated", "published"].contains(next) else { return nil }
    }
    return (parts.joined(separator: " "), index)
  }
}

/// A date as an article states it, resolved to ISO 8601 when the year is known.
package struct StatedDate: Sendable, Equatable {
  /// `2024-11-15` when the year is known, else the date as written ("Oct. 3").
  package var value: String
  /// The exact text it was read from.
  package var evidence: String
  /// Whether the year was stated.
  package var isFull: Bool
  /// The month (1–12), for resolving the year later.
  package var month: Int
  /// The day of the month.
  package var day: Int

  static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
  ]

  /// The same date in `year`, as ISO 8601.
  package func resolved(year: Int) -> StatedDate {
    var copy = self
    copy.value = Self.iso(year: year, month: month, day: day)
    copy.isFull = true
    return copy
  }

  static func iso(year: Int, month: Int, day: Int) -> String {
    func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }

  /// The first date in `text`: "November 15, 2024", "Nov. 15", "15 November 2024", "2024-11-15".
  package static func first(in text: String) -> StatedDate? {
    let words = text.split(atAny: [" ", "\u{A0}", "|"])
    func month(_ word: Substring) -> Int? {
      let bare = word.lowercased().trimmingCharacters(".,")
      return months[String(bare)]
    }
    func number(_ word: Substring, _ range: ClosedRange<Int>) -> Int? {
      let digits = word.trimmingCharacters(".,").prefix { $0.isNumber }
      let suffix = word.trimmingCharacters(".,").dropFirst(digits.count).lowercased()
      guard !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(suffix), let value = Int(digits), range.contains(value) else { return nil }
      return value
    }
    for (index, word) in words.enumerated() {
      // ISO 8601.
      let bare = word.trimmingCharacters(".,;()")
      if bare.count >= 10, bare.utf8.count >= 10 {
        let parts = bare.prefix(10).split(separator: "-")
        if parts.count == 3, let year = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1000...2999).contains(year), (1...12).contains(m), (1...31).contains(d) {
          return StatedDate(value: iso(year: year, month: m, day: d), evidence: String(bare.prefix(10)), isFull: true, month: m, day: d)
        }
      }
      if let m = month(word), index + 1 < words.count, let d = number(words[index + 1], 1...31) {
        if index + 2 < words.count, words[index + 1].hasSuffix(","), let year = number(words[index + 2], 1000...2999) {
          let evidence = words[index...(index + 2)].joined(separator: " ").trimmingTrailingPunctuation()
          return StatedDate(value: iso(year: year, month: m, day: d), evidence: evidence.hasSuffix(",") ? String(evidence.dropLast()) : evidence, isFull: true, month: m, day: d)
        }
        if index + 2 < words.count, let year = number(words[index + 2], 1000...2999) {
          return StatedDate(value: iso(year: year, month: m, day: d), evidence: words[index...(index + 2)].joined(separator: " "), isFull: true, month: m, day: d)
        }
        let evidence = "\(word) \(words[index + 1].trimmingCharacters(","))"
        return StatedDate(value: evidence, evidence: evidence, isFull: false, month: m, day: d)
      }
      if let d = number(word, 1...31), index + 2 < words.count, let m = month(words[index + 1]), let year = number(words[index + 2], 1000...2999) {
        return StatedDate(value: iso(year: year, month: m, day: d), evidence: words[index...(index + 2)].joined(separator: " ").trimmingTrailingPunctuation(), isFull: true, month: m, day: d)
      }
    }
    return nil
  }
}
