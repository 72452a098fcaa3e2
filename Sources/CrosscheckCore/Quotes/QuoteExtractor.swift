/// A quotation found in a text: where its words are and which marks enclose them.
package struct QuoteSpan: Sendable, Equatable {
  /// Token index of the opening mark.
  package var openMark: Int
  /// Token index of the closing mark, or nil when the quotation runs to the end of its
  /// paragraph without one (a quotation continued in the next paragraph, or a missing mark).
  package var closeMark: Int?
  /// Bytes of the quoted words, without the marks.
  package var range: Range<Int>
  /// Token indices of the quoted words.
  package var tokens: Range<Int>
  /// Index of the segment (headline or paragraph) it is in.
  package var segment: Int
  /// Index (in the same result) of the quotation this one is nested in.
  package var parent: Int?
  /// Whether it is in single marks (‘…’ or '…').
  package var isSingle: Bool
}

/// Finds quotations by their marks, the way news text uses them.
///
/// A stack of open marks is kept per paragraph:
/// - “ „ « open and ” » close a double-quoted span; a closing mark closes every double
///   quotation still open, so a stray second opening mark (“closer to NATO “than before,”)
///   yields an outer quotation that contains it and an inner one, as annotators record it.
/// - ‘ opens and ’ closes a single-quoted span only when it touches the word before it and
///   no letter follows; otherwise ’ is an apostrophe (didn’t, Kyiv’s, the ’90s). After a
///   word ending in s and before a lower-case word, with a closing mark still to come, it is
///   a plural possessive (‘The players’ union agreed,’).
/// - A straight `"` opens when space is before it and a word touches it, closes when a word
///   is before it and space or punctuation after; otherwise it toggles.
/// - A straight `'` opens only before a word, after space, and when a closing `'` follows
///   later in the paragraph.
/// - At the end of a paragraph, double (and outermost single) quotations still open end
///   there; the next paragraph reopens with its own mark (the continuation convention).
package struct QuoteExtractor: Sendable {
  package init() {}

  enum Mark {
    case openDouble, closeDouble, straightDouble, openSingle, closeSingle, straightSingle
  }

  @inline(__always)
  static func mark(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Mark? {
    let start = Int(token.start)
    switch bytes[start] {
    case 0x22: return .straightDouble
    case 0x27: return .straightSingle
    case 0xE2:
      guard Int(token.end) - start == 3, bytes[start + 1] == 0x80 else { return nil }
      switch bytes[start + 2] {
      case 0x9C, 0x9E: return .openDouble
      case 0x9D: return .closeDouble
      case 0x98: return .openSingle
      case 0x99: return .closeSingle
      default: return nil
      }
    case 0xC2:
      guard Int(token.end) - start == 2 else { return nil }
      if bytes[start + 1] == 0xAB { return .openDouble }
      if bytes[start + 1] == 0xBB { return .closeDouble }
      return nil
    default: return nil
    }
  }

  private struct Open {
    var token: Int
    var single: Bool
    var parent: Int?
  }

  /// The quotations of every segment of `text`, ordered by where they open.
  /// - Complexity: O(n) in the number of tokens.
  package func quotes(in text: QuoteText) -> [QuoteSpan] {
    var result: [QuoteSpan] = []
    text.bytes.withUnsafeBufferPointer { bytes in
      for (segmentIndex, segment) in text.segments.enumerated() {
        scan(bytes, text.tokens, segment: segment, index: segmentIndex, into: &result)
      }
    }
    return result
  }

  private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], segment: QuoteText.Segment, index segmentIndex: Int, into result: inout [QuoteSpan]) {
    let range = segment.tokens
    var stack: [Open] = []
    // Each open mark gets a slot in `result` only when it closes; keep the order of opening.
    var closed: [(Open, Int?)] = []

    func touchesPrevious(_ i: Int) -> Bool { i > range.lowerBound && tokens[i - 1].end == tokens[i].start }
    func touchesNext(_ i: Int) -> Bool { i + 1 < range.upperBound && tokens[i + 1].start == tokens[i].end }
    func nextIsWord(_ i: Int) -> Bool { touchesNext(i) && tokens[i + 1].kind != .punctuation }
    func nextIsLetterWord(_ i: Int) -> Bool { touchesNext(i) && tokens[i + 1].kind == .word }
    func closeDoubles(at i: Int?) {
      while let top = stack.last {
        stack.removeLast()
        if top.single { continue }
        closed.append((top, i))
        if !(stack.last.map { !$0.single } ?? false) { break }
      }
    }
    func hasStraightSingleCloser(after i: Int) -> Bool {
      var j = i + 1
      while j < range.upperBound {
        if tokens[j].kind == .punctuation, bytes[Int(tokens[j].start)] == 0x27, touchesPrevious(j), !nextIsLetterWord(j) { return true }
        j += 1
      }
      return false
    }
    var parentSlot: Int? { stack.last.map { $0.token } }
    func hasSingleCloser(after i: Int) -> Bool {
      var j = i + 1
      while j < range.upperBound {
        if let mark = Self.mark(bytes, tokens[j]), mark == .closeSingle || mark == .straightSingle, touchesPrevious(j), !nextIsLetterWord(j),
          !isPluralPossessive(j, closerFollows: true)
        {
          return true
        }
        j += 1
      }
      return false
    }
    /// "the players’ union": after a word ending in s, before a lower-case word, with a
    /// closing mark still to come, ’ is a plural possessive.
    func isPluralPossessive(_ i: Int, closerFollows: @autoclosure () -> Bool) -> Bool {
      guard i > range.lowerBound, tokens[i - 1].kind == .word, bytes[Int(tokens[i - 1].end) - 1] == 0x73 else { return false }
      guard i + 1 < range.upperBound, tokens[i + 1].kind == .word, !touchesNext(i) else { return false }
      let (scalar, _) = Characters.scalar(in: bytes, at: Int(tokens[i + 1].start))
      return !Characters.isUppercase(scalar) && closerFollows()
    }

    for i in range where tokens[i].kind == .punctuation {
      guard let mark = Self.mark(bytes, tokens[i]) else { continue }
      switch mark {
      case .openDouble:
        stack.append(Open(token: i, single: false, parent: parentSlot))
      case .closeDouble:
        if stack.contains(where: { !$0.single }) { closeDoubles(at: i) }
      case .straightDouble:
        let before = touchesPrevious(i)
        let after = touchesNext(i)
        let openIsStraight = stack.last(where: { !$0.single }).map { bytes[Int(tokens[$0.token].start)] == 0x22 } ?? false
        if !before && after {
          stack.append(Open(token: i, single: false, parent: parentSlot))
        } else if before && !after || openIsStraight {
          if stack.contains(where: { !$0.single }) { closeDoubles(at: i) }
        } else {
          stack.append(Open(token: i, single: false, parent: parentSlot))
        }
      case .openSingle:
        // ‘90s is an apostrophe written with the wrong mark.
        if touchesNext(i), tokens[i + 1].kind == .number { continue }
        guard nextIsWord(i) || !touchesPrevious(i) else { continue }
        stack.append(Open(token: i, single: true, parent: parentSlot))
      case .closeSingle, .straightSingle:
        let isStraight = mark == .straightSingle
        if let top = stack.lastIndex(where: { $0.single }), touchesPrevious(i), !nextIsLetterWord(i),
          !isPluralPossessive(i, closerFollows: hasSingleCloser(after: i)),
          isStraight == (bytes[Int(tokens[stack[top].token].start)] == 0x27) || !isStraight
        {
          let open = stack[top]
          stack.removeSubrange(top...)
          closed.append((open, i))
        } else if isStraight, !touchesPrevious(i), nextIsLetterWord(i), hasStraightSingleCloser(after: i) {
          stack.append(Open(token: i, single: true, parent: parentSlot))
        }
      }
    }
    // Quotations still open run to the end of the paragraph; nested single marks that never
    // closed were apostrophes after all.
    for open in stack where !open.single || open.parent == nil { closed.append((open, nil)) }

    closed.sort { $0.0.token < $1.0.token }
    var slotOfOpen: [Int: Int] = [:]
    for (open, close) in closed {
      let first = open.token + 1
      let end = close ?? range.upperBound
      guard first < end, (first..<end).contains(where: { tokens[$0].kind != .punctuation }) else { continue }
      let startByte = Int(tokens[open.token].end)
      let endByte = close.map { Int(tokens[$0].start) } ?? segment.range.upperBound
      let trimmed = trim(bytes, startByte..<endByte)
      guard !trimmed.isEmpty else { continue }
      slotOfOpen[open.token] = result.count
      result.append(QuoteSpan(
        openMark: open.token, closeMark: close, range: trimmed, tokens: first..<end, segment: segmentIndex,
        parent: open.parent.flatMap { slotOfOpen[$0] }, isSingle: open.single))
    }
  }

  private func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x0A || bytes[lower] == 0x09 || bytes[lower] == 0x0D { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D { upper -= 1 }
    return lower..<upper
  }
}
