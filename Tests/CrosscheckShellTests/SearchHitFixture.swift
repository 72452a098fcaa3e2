import CrosscheckStore

/// Search hits made by hand, for testing how they are shown.
enum SearchHitFixture {
  static func make(text: String, match: Range<Int>) -> SearchHit {
    SearchHit(
      document: "doc", sentenceStart: 0, sentenceEnd: text.unicodeScalars.count, text: text,
      matchStart: match.lowerBound, matchEnd: match.upperBound, score: 1)
  }
}
