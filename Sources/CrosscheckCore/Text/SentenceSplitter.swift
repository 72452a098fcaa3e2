/// A sentence: a byte range and the range of its tokens in the paragraph's token array.
///
/// Stored as four 32-bit offsets (16 bytes rather than 32), since a session keeps every
/// sentence of every document; token offsets already fit in 32 bits.
package struct Sentence: Sendable, Equatable {
  /// Bytes of the sentence, from its first token to its last.
  @CompactRange package var range: Range<Int>
  /// Indices into the document's token array.
  @CompactRange package var tokens: Range<Int>

  package init(range: Range<Int>, tokens: Range<Int>) {
    self.range = range
    self.tokens = tokens
  }
}

/// Splits a paragraph's tokens into sentences, following the conventions of news writing.
///
/// A sentence ends at `.`, `!`, `?` or `…`, together with any closing quotation marks or
/// brackets after it, when white space follows and the next token can start a sentence
/// (a capital letter, a digit, or an opening quotation mark). A full stop does not end a
/// sentence after:
/// - a title or other abbreviation that never ends one ("Mr.", "Gen.", "St.");
/// - a month before a day number ("Oct. 3") or "No." before a number;
/// - an initial ("Donald J. Trump") or an initialism ("U.S.") unless the next word is one
///   that usually opens a sentence ("The", "He", …);
/// - anything followed by a lower-case word ("etc. and").
package struct SentenceSplitter: Sendable {
  package init() {}

  /// Abbreviations that are followed by a name or a number and so never end a sentence.
  static let titles: Set<String> = [
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "cdr", "gov", "sen", "rep", "reps", "rev", "prof", "st", "mt", "ft", "pres", "supt", "insp", "det",
    "hon", "amb", "messrs", "mme", "mlle", "sr", "jr", "fr", "gens", "sens", "atty", "brig", "lieut",
    "vs", "v", "cf", "approx", "fig", "figs", "ca", "est", "dept", "univ", "corp", "assn", "bros", "ave",
  ]
  /// Abbreviations that do not end a sentence when a number follows ("Oct. 3", "No. 10").
  static let beforeNumbers: Set<String> = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vol", "art", "p", "pp", "ch", "sec", "para", "op", "tel", "ext",
  ]
  /// Capitalized words that usually open a sentence, so that an initialism before them does end one.
  static let sentenceOpeners: Set<String> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
    "this", "that", "these", "those", "there", "in", "on", "at", "but", "and", "or", "so", "yet", "if",
    "when", "while", "after", "before", "as", "since", "although", "however", "meanwhile", "still",
    "for", "from", "with", "by", "to", "of", "officials", "some", "many", "most", "no", "not", "one",
  ]

  /// The sentences of one paragraph.
  /// - Parameters:
  ///   - bytes: the document's UTF-8 bytes.
  ///   - tokens: the document's tokens.
  ///   - range: the indices of the paragraph's tokens.
  /// - Complexity: O(n) in the number of tokens.
  package func sentences(bytes: [UInt8], tokens: [Token], range: Range<Int>) -> [Sentence] {
    var result: [Sentence] = []
    var start = range.lowerBound
    var index = range.lowerBound
    bytes.withUnsafeBufferPointer { buffer in
      while index < range.upperBound {
        let token = tokens[index]
        guard token.kind == .punctuation, isTerminal(buffer, token) else {
          index += 1
          continue
        }
        // Take closing marks and further terminal marks ("?!", ".”", "…)").
        var last = index
        while last + 1 < range.upperBound, tokens[last + 1].start == tokens[last].end,
          tokens[last + 1].kind == .punctuation,
          isClosingOrTerminal(buffer, tokens[last + 1])
        {
          last += 1
        }
        let next = last + 1
        if next >= range.upperBound {
          index = next
          break
        }
        if tokens[next].start > tokens[last].end, opensSentence(buffer, tokens: tokens, at: next, range: range),
          !isAbbreviation(buffer, tokens: tokens, period: index, next: next, range: range)
        {
          result.append(Sentence(range: Int(tokens[start].start)..<Int(tokens[last].end), tokens: start..<next))
          start = next
        }
        index = next
      }
    }
    if start < range.upperBound {
      result.append(
        Sentence(range: Int(tokens[start].start)..<Int(tokens[range.upperBound - 1].end), tokens: start..<range.upperBound))
    }
    return result
  }

  private func first(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Unicode.Scalar {
    Characters.scalar(in: bytes, at: Int(token.start)).0
  }

  private func isTerminal(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
    switch first(bytes, token) {
    case ".", "!", "?", "\u{2026}": return true
    default: return false
    }
  }

  private func isClosingOrTerminal(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
    isTerminal(bytes, token) || Characters.isClosing(first(bytes, token))
  }

  private func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], at index: Int, range: Range<Int>) -> Bool {
    var position = index
    // Skip opening quotation marks and brackets and dashes that lead a sentence.
    while position < range.upperBound, tokens[position].kind == .punctuation {
      let scalar = first(bytes, tokens[position])
      guard Characters.isOpening(scalar) || scalar == "\u{2014}" || scalar == "\u{2013}" else { return false }
      position += 1
    }
    guard position < range.upperBound else { return false }
    let token = tokens[position]
    if token.kind == .number { return true }
    return Characters.isUppercase(first(bytes, token))
  }

  private func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self).lowercased()
  }

  private func isAbbreviation(
    _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], period: Int, next: Int, range: Range<Int>
  ) -> Bool {
    guard first(bytes, tokens[period]) == ".", period > range.lowerBound else { return false }
    let before = tokens[period - 1]
    // The word must touch the full stop ("Oct." not "Oct .").
    guard before.end == tokens[period].start, before.kind == .word else { return false }
    let word = lowercasedWord(bytes, before)
    let nextToken = tokens[next]
    let nextIsNumber = nextToken.kind == .number
    if Self.titles.contains(word) { return true }
    if Self.beforeNumbers.contains(word) { return nextIsNumber }
    // A single letter: an initial ("J.") or the last part of an initialism ("U.S.").
    let isSingleLetter = before.end - before.start <= 4 && word.unicodeScalars.count == 1
    if isSingleLetter {
      if nextToken.kind == .word {
        let nextWord = lowercasedWord(bytes, nextToken)
        let isInitialism = period >= range.lowerBound + 2 && tokens[period - 2].end == before.start
          && first(bytes, tokens[period - 2]) == "."
        if isInitialism { return !Self.sentenceOpeners.contains(nextWord) }
        return Characters.isUppercase(first(bytes, before)) && !Self.sentenceOpeners.contains(nextWord)
      }
      return false
    }
    return false
  }
}
