import Foundation

/// Differences a diff may overlook.
package struct DiffIgnoring: OptionSet, Sendable, Hashable {
  /// One bit per difference.
  package let rawValue: UInt8
  /// The set with these bits.
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  /// "Kyiv" and "KYIV" are the same word.
  package static let caseDifferences = DiffIgnoring(rawValue: 1 << 0)
  /// Punctuation marks are not compared at all.
  package static let punctuation = DiffIgnoring(rawValue: 1 << 1)
  /// British and American spellings are the same word (see `BritishAmericanSpelling`).
  package static let spelling = DiffIgnoring(rawValue: 1 << 2)
}

/// Interned token ids for both sides of a diff: equal ids mean tokens the diff treats as
/// the same, after the differences it was told to ignore.
///
/// Tokens are interned by their bytes through an open-addressing table over one byte
/// arena, so the common case (nothing ignored) allocates nothing per token.
package struct DiffVocabulary: Sendable {
  /// The id of every source token, or `ignoredID` for a token left out of the comparison.
  package private(set) var sourceIDs: [Int32] = []
  /// The id of every target token, or `ignoredID`.
  package private(set) var targetIDs: [Int32] = []
  /// The clean-up kind of every id.
  package private(set) var kinds: [DiffTokenKind] = []
  /// Whether every id is a word or number (not punctuation).
  package private(set) var isWord: [Bool] = []

  /// The id of a token the diff does not compare.
  package static let ignoredID = WordDiff.ignoredID

  private var arena: [UInt8] = []
  private var spans: [Range<Int>] = []
  private var slots: [Int32] = []
  private var hashes: [UInt64] = []

  /// Interns the tokens of both sides.
  /// - Complexity: O(n) in the total number of token bytes.
  package init(source: DiffSide, target: DiffSide, ignoring: DiffIgnoring = []) {
    slots = [Int32](repeating: -1, count: Self.tableSize(for: source.tokens.count + target.tokens.count))
    sourceIDs = ids(of: source, ignoring: ignoring)
    targetIDs = ids(of: target, ignoring: ignoring)
    arena = []
    slots = []
    hashes = []
    spans = []
  }

  /// The number of distinct ids.
  package var count: Int { kinds.count }

  /// The table starts small and doubles when half full: texts have far fewer distinct
  /// tokens than tokens, and a table that fits in the cache probes fastest.
  private static func tableSize(for tokens: Int) -> Int { 1024 }

  private mutating func ids(of side: DiffSide, ignoring: DiffIgnoring) -> [Int32] {
    var result = [Int32](repeating: Self.ignoredID, count: side.tokens.count)
    let normalizes = ignoring.contains(.caseDifferences) || ignoring.contains(.spelling)
    side.buffer.bytes.withUnsafeBufferPointer { bytes in
      for (index, token) in side.tokens.enumerated() {
        let isWord = token.isWordLike
        if !isWord, ignoring.contains(.punctuation) { continue }
        let slice = UnsafeBufferPointer(rebasing: bytes[token.range])
        let kind = Self.kind(of: token, bytes: slice)
        if normalizes, isWord {
          let key = Array(Self.normalized(String(decoding: slice, as: UTF8.self), ignoring: ignoring).utf8)
          result[index] = key.withUnsafeBufferPointer { intern($0, kind: kind, isWord: isWord) }
        } else {
          result[index] = intern(slice, kind: kind, isWord: isWord)
        }
      }
    }
    return result
  }

  /// The word as compared: lower-cased and American-spelled as asked.
  static func normalized(_ word: String, ignoring: DiffIgnoring) -> String {
    guard ignoring.contains(.spelling) else { return ignoring.contains(.caseDifferences) ? word.lowercased() : word }
    let lower = word.lowercased()
    let american = BritishAmericanSpelling.american(lower)
    if ignoring.contains(.caseDifferences) || american == lower { return ignoring.contains(.caseDifferences) ? american : word }
    // Keep a capital where the word had one, so that case still counts.
    return word.first.map { $0.isUppercase ? american.prefix(1).uppercased() + american.dropFirst() : american } ?? american
  }

  private static func kind(of token: Token, bytes: UnsafeBufferPointer<UInt8>) -> DiffTokenKind {
    switch token.kind {
    case .word, .number: return .word
    case .punctuation:
      // ".", "!", "?" and "…" (E2 80 A6) end sentences.
      let isEnd = bytes.count == 1 ? bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: "!") || bytes[0] == UInt8(ascii: "?")
        : bytes.elementsEqual([0xE2, 0x80, 0xA6])
      return isEnd ? .sentenceEnd : .punctuation
    }
  }

  private mutating func intern(_ key: UnsafeBufferPointer<UInt8>, kind: DiffTokenKind, isWord: Bool) -> Int32 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    // Probe through raw buffers: this runs once per token of both texts.
    let (found, slot) = arena.withUnsafeBufferPointer { arena in
      spans.withUnsafeBufferPointer { spans in
        hashes.withUnsafeBufferPointer { hashes in
          slots.withUnsafeBufferPointer { slots -> (Int32, Int) in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while true {
              let id = slots[slot]
              if id < 0 { return (-1, slot) }
              if hashes[Int(id)] == hash {
                let span = spans[Int(id)]
                if span.count == key.count, key.isEmpty || memcmp(arena.baseAddress! + span.lowerBound, key.baseAddress!, key.count) == 0 {
                  return (id, slot)
                }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
    }
    if found >= 0 { return found }
    let id = Int32(kinds.count)
    let start = arena.count
    arena.append(contentsOf: key)
    spans.append(start..<arena.count)
    hashes.append(hash)
    kinds.append(kind)
    self.isWord.append(isWord)
    slots[slot] = id
    // Keep the table at most half full.
    if kinds.count * 2 > slots.count { rehash() }
    return id
  }

  private mutating func rehash() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for id in hashes.indices {
      var slot = Int(truncatingIfNeeded: hashes[id] ^ (hashes[id] >> 29)) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }
}
