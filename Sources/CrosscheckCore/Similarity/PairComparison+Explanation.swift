extension PairComparison {
  /// Why the pair is judged as it is, in sentences a student can follow: the passages that
  /// decided the judgement (the longest one quoted), then the derivation hint's evidence.
  /// - Parameter documents: the analysis's documents, for their ids and text.
  package func explanation(documents: [Document]) -> String {
    let first = documents[a]
    let second = documents[b]
    let names = "\(first.id) and \(second.id)"
    let percent = Int((score.jaccard * 100).rounded())
    let overlap = "Of all the 5-word sequences in the two texts, \(percent)% appear in both."
    let long = passages.filter { $0.words.matched >= ReuseAnalysis.minimumWords }
    let narrative = long.filter { !$0.isQuotation }
    let minimum = ReuseAnalysis.minimumWords
    var text: String
    switch judgement {
    case .independent:
      text = "\(names) share no passage of \(minimum) or more words, so neither looks copied from the other. \(overlap)"
    case .quotesOnly:
      text = "\(names) share \(long.count) passage\(long.count == 1 ? "" : "s") of \(minimum) or more words, but only inside quotation marks: both quote the same person, which is not copying. \(overlap)"
    case .reuse:
      let longest = narrative.max { $0.words.matched < $1.words.matched }
      text = "\(names) share \(narrative.count) passage\(narrative.count == 1 ? "" : "s") of \(minimum) or more words outside quotation marks, so one text reuses the other's words (or both reuse a third)."
      if let longest {
        text += " The longest is \(longest.words.matched) words long and begins “\(Self.excerpt(first.string(longest.aBytes)))”."
      }
      text += " " + overlap
      if isNearDuplicate { text += " One is almost entirely contained in the other: a near-duplicate." }
    }
    // The hint's evidence speaks of shingles: say once what they are.
    if let hint { text += " Direction (a shingle is one of those 5-word sequences): " + hint.reason + "." }
    return text
  }

  /// Words an explanation quotes at most, so that a long passage stays readable.
  static let excerptWords = 16

  static func excerpt(_ text: String) -> String {
    // The passage's own quotation marks would clash with the ones around the excerpt.
    let marks: Set<Character> = ["“", "”", "\"", "‘", "’"]
    let trimmed = text.drop { marks.contains($0) || $0.isWhitespace }
    let words = trimmed.split(whereSeparator: \.isWhitespace)
    guard words.count > excerptWords else { return String(words.joined(separator: " ").reversed().drop { marks.contains($0) }.reversed()) }
    return words.prefix(excerptWords).joined(separator: " ") + " …"
  }
}
