import CPrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits UTF-8 text into tokens and interns them by their bytes: the preparation stage of a
/// word diff of two files, which never builds a `String` per token.
///
/// The tokens are exactly those of `Tokenizer` (words with internal apostrophes and hyphens,
/// numbers with internal separators, one token per other visible character; white space
/// separates them); ASCII bytes are classified through a table and only other characters are
/// decoded. Ids come from one open-addressing table over the tokens' bytes, shared by every
/// text scanned with the same scanner, so that equal tokens of two texts get equal ids.
///
/// ```swift
/// var scanner = WordScanner()
/// let old = scanner.scan(oldBytes)
/// let new = scanner.scan(newBytes)
/// let script = EditScript(from: old.ids, to: new.ids, algorithm: .patience)
/// ```
package struct WordScanner: Sendable {
  /// The tokens of one text with the id of each.
  package struct Scan: Sendable {
    /// The tokens, with their byte ranges.
    package var tokens: [Token]
    /// The id of every token: equal ids for equal bytes.
    package var ids: [Int32]
  }

  /// One entry of the hash table: the first eight bytes of the token (padded with zeros), a
  /// tag made of the hash's high bits and the token's length, and the token's id (-1 for an
  /// empty slot). With the tag, the bytes settle equality for tokens of up to eight bytes,
  /// most words, so that a lookup reads one cache line, which can be fetched ahead.
  private struct Slot {
    var prefix: UInt64
    var tag: UInt32
    var id: Int32

    static let empty = Slot(prefix: 0, tag: 0, id: -1)
  }

  /// Whether every id is a word or number (not punctuation).
  package private(set) var isWord: [Bool] = []
  /// The number of distinct tokens seen.
  package var count: Int { isWord.count }

  private var slots: [Slot]
  /// The hash of every id, to rebuild the table when it grows.
  private var hashes: [UInt64] = []
  /// Where every id's bytes start in `arena`, for tokens longer than eight bytes.
  private var offsets: [Int32] = []
  /// The bytes of every distinct token longer than eight bytes.
  private var arena: [UInt8] = []

  /// The table starts small and doubles when half full: texts have far fewer distinct
  /// tokens than tokens, and a table that fits in the cache probes fastest.
  private static let initialSlots = 4096

  /// Tokens are interned in blocks of this many: the table slots of a block are fetched
  /// ahead while the block is hashed, so that the cache misses of a long text's rare words
  /// overlap instead of coming one after another.
  private static let internBlock = 16

  /// ASCII byte classes.
  private static let space: UInt8 = 0
  private static let letter: UInt8 = 1
  private static let digit: UInt8 = 2
  private static let mark: UInt8 = 3

  /// The class of every ASCII byte, as `Characters` sees it.
  private static let asciiClasses: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
    let scalar = Unicode.Scalar(UInt8(byte))
    if Characters.isSpace(scalar) { return space }
    if Characters.isLetter(scalar) { return letter }
    if Characters.isDigit(scalar) { return digit }
    return mark
  }

  /// Creates a scanner that knows no tokens.
  package init() {
    slots = [Slot](repeating: Slot.empty, count: Self.initialSlots)
  }

  /// Tokenizes and interns UTF-8 text.
  ///
  /// - Parameter bytes: The text, as UTF-8.
  /// - Returns: The tokens, as `Tokenizer` splits them, with their ids.
  /// - Complexity: O(*n*) in the number of bytes, with one hash-table probe per token.
  package mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
    // A text has at most one token per byte; pages of the arrays that no token reaches
    // are never touched, so the bound costs address space, not memory.
    let capacity = bytes.count + 1
    var ids: [Int32] = []
    let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokenBuffer, tokenCount in
      ids = [Int32](unsafeUninitializedCapacity: capacity) { idBuffer, idCount in
        // Both buffers exist: the capacity is at least 1.
        HugePages.advise(UnsafeMutableRawPointer(tokenBuffer.baseAddress!), byteCount: capacity * MemoryLayout<Token>.stride)
        HugePages.advise(UnsafeMutableRawPointer(idBuffer.baseAddress!), byteCount: capacity * MemoryLayout<Int32>.stride)
        idCount = scan(bytes, tokens: tokenBuffer, ids: idBuffer)
      }
      tokenCount = ids.count
    }
    return Scan(tokens: tokens, ids: ids)
  }

  /// Scans `bytes` into `tokens` and `ids`, which have room for one token per byte, and
  /// returns the number of tokens.
  private mutating func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>, ids: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var found = 0
    Self.asciiClasses.withUnsafeBufferPointer { classes in
      let count = bytes.count
      var index = 0
      while index < count {
        let start = index
        let lead = bytes[index]
        var kind: TokenKind
        if lead < 0x80 {
          let kindClass = classes[Int(lead)]
          if kindClass == Self.space {
            index += 1
            continue
          }
          index += 1
          kind = kindClass == Self.mark ? .punctuation : kindClass == Self.digit ? .number : .word
        } else {
          let (scalar, length) = Characters.scalar(in: bytes, at: index)
          index += length
          if Characters.isSpace(scalar) { continue }
          kind = Characters.isDigit(scalar) ? .number : Characters.isLetter(scalar) ? .word : .punctuation
        }
        if kind != .punctuation {
          index = wordEnd(bytes, from: index, kind: kind, classes: classes)
        }
        tokens.initializeElement(at: found, to: Token(kind: kind, start: start, end: index))
        found += 1
      }
    }
    // Interned in a second pass over the tokens, a block at a time (see `internBlock`).
    var keys = [Key](repeating: Key(hash: 0, prefix: 0), count: Self.internBlock)
    var blockStart = 0
    while blockStart < found {
      let blockEnd = min(blockStart + Self.internBlock, found)
      slots.withUnsafeBufferPointer { slots in
        let mask = slots.count - 1
        for index in blockStart..<blockEnd {
          let key = Self.key(bytes, Int(tokens[index].start), Int(tokens[index].end))
          keys[index - blockStart] = key
          // The table is not empty, so it has a base address.
          crosscheck_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: key.hash) & mask))
        }
      }
      for index in blockStart..<blockEnd {
        let token = tokens[index]
        let id = intern(bytes, Int(token.start), Int(token.end), key: keys[index - blockStart], isWord: token.kind != .punctuation)
        ids.initializeElement(at: index, to: id)
      }
      blockStart = blockEnd
    }
    return found
  }

  /// The end of the word or number whose first character ends at `index`: letters and
  /// digits continue it, and so does a joiner followed by one (an apostrophe or hyphen, or
  /// in a number a comma or full stop followed by a digit), as in `Tokenizer`.
  @inline(__always)
  private func wordEnd(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, kind: TokenKind, classes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let count = bytes.count
    var index = start
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        let byteClass = classes[Int(byte)]
        if byteClass == Self.letter || byteClass == Self.digit {
          index += 1
          continue
        }
        let separates = kind == .number && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "."))
        guard separates || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-"), index + 1 < count else {
          return index
        }
        let (after, _) = Characters.scalar(in: bytes, at: index + 1)
        let continues = separates ? Characters.isDigit(after) : Characters.isLetter(after) || Characters.isDigit(after)
        guard continues else { return index }
        index += 1
      } else {
        let (next, length) = Characters.scalar(in: bytes, at: index)
        if Characters.isLetter(next) || Characters.isDigit(next) {
          index += length
          continue
        }
        guard Characters.isApostrophe(next) || Characters.isHyphen(next), index + length < count else {
          return index
        }
        let (after, _) = Characters.scalar(in: bytes, at: index + length)
        guard Characters.isLetter(after) || Characters.isDigit(after) else { return index }
        index += length
      }
    }
    return index
  }

  /// Up to eight bytes of `bytes` from `start`, as a little-endian integer padded with zeros.
  @inline(__always)
  private static func chunk(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
    // The base address exists: the buffer holds the token.
    let base = bytes.baseAddress! + start
    if length >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian }
    if start + 8 <= bytes.count {
      let word = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian
      return word & ((1 << UInt64(length * 8)) - 1)
    }
    var word: UInt64 = 0
    for offset in 0..<length {
      word |= UInt64(base[offset]) << UInt64(offset * 8)
    }
    return word
  }

  /// A token's hash and first eight bytes.
  private struct Key {
    var hash: UInt64
    var prefix: UInt64
  }

  /// The hash and first eight bytes of the token `bytes[start..<end]`.
  @inline(__always)
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Key {
    let length = end - start
    let prefix = chunk(bytes, start, min(length, 8))
    var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15 ^ prefix
    hash = hash &* 0xBF58_476D_1CE4_E5B9
    if length > 8 {
      var offset = start + 8
      while offset < end {
        hash = (hash ^ chunk(bytes, offset, min(end - offset, 8))) &* 0x94D0_49BB_1331_11EB
        offset += 8
      }
    }
    hash ^= hash >> 31
    return Key(hash: hash, prefix: prefix)
  }

  /// Returns the id of the token `bytes[start..<end]`, whose key is `key`, giving it the
  /// next id if new.
  @inline(__always)
  private mutating func intern(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, key: Key, isWord: Bool
  ) -> Int32 {
    let length = end - start
    let (hash, prefix) = (key.hash, key.prefix)
    let tag = UInt32(truncatingIfNeeded: hash >> 32) & ~0xFF | UInt32(min(length, 0xFF))
    let found: (id: Int32, slot: Int) = slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry.id < 0 { return (-1, slot) }
        if entry.tag == tag && entry.prefix == prefix && (length <= 8 || sameLongToken(bytes, start, length, entry.id)) {
          return (entry.id, slot)
        }
        slot = (slot + 1) & mask
      }
    }
    if found.id >= 0 { return found.id }
    let id = Int32(truncatingIfNeeded: self.isWord.count)
    precondition(self.isWord.count < Int(Int32.max), "more distinct tokens than Int32 ids")
    slots[found.slot] = Slot(prefix: prefix, tag: tag, id: id)
    hashes.append(hash)
    self.isWord.append(isWord)
    if length > 8 {
      offsets.append(Int32(truncatingIfNeeded: arena.count))
      arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    } else {
      offsets.append(-1)
    }
    // Keep the table at most half full.
    if self.isWord.count * 2 > slots.count { grow() }
    return id
  }

  /// Whether the long token `bytes[start..<start + length]` is the one with id `id`; its
  /// length and first eight bytes are known to match. Compared eight bytes at a time in
  /// place: long words are a few chunks, too short for a call to `memcmp` to pay.
  @inline(__always)
  private func sameLongToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, _ id: Int32) -> Bool {
    let offset = Int(offsets[Int(id)])
    return arena.withUnsafeBufferPointer { arena in
      var compared = 8
      while compared < length {
        let size = min(length - compared, 8)
        if Self.chunk(arena, offset + compared, size) != Self.chunk(bytes, start + compared, size) { return false }
        compared += 8
      }
      return true
    }
  }

  /// Doubles the table and puts every id back.
  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot.empty, count: old.count * 2)
    let mask = slots.count - 1
    for entry in old where entry.id >= 0 {
      var slot = Int(truncatingIfNeeded: hashes[Int(entry.id)]) & mask
      while slots[slot].id >= 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }
}
