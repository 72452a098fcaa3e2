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
/// separates them). ASCII text is classified 64 bytes at a time into bit masks (see
/// `WordScanner+Blocks.swift`), from which the tokens' starts and ends follow without a
/// branch per byte; around other characters the scanner decodes byte by byte. Every token is
/// interned as soon as it is found, through one open-addressing table over the tokens' bytes,
/// shared by every text scanned with the same scanner, so that equal tokens of two texts get
/// equal ids.
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

  /// Whether every id is a word or number (not punctuation).
  package private(set) var isWord: [Bool] = []
  /// The number of distinct tokens seen.
  package var count: Int { isWord.count }

  /// The hash table's slots, which a scan reads and writes through a pointer.
  private var table: SlotTable
  /// The hash of every id, to rebuild the table when it grows.
  private var hashes: [UInt64] = []
  /// Every distinct token longer than eight bytes, as its length (four bytes, little-endian)
  /// and its bytes; its slot holds where.
  private var arena: [UInt8] = []

  /// Creates a scanner that knows no tokens.
  package init() {
    table = SlotTable(count: SlotTable.initialCount)
  }

  /// Tokenizes and interns UTF-8 text.
  ///
  /// - Parameter bytes: The text, as UTF-8.
  /// - Returns: The tokens, as `Tokenizer` splits them, with their ids.
  /// - Complexity: O(*n*) in the number of bytes, with one hash-table probe per token.
  package mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
    precondition(bytes.count < Int(Int32.max), "a text's offsets fit in 32 bits")
    if !isKnownUniquelyReferenced(&table) { table = table.copy() }
    // The scan works on a local interner, so that the hot loop reaches the table through
    // plain pointers; the arrays move into it (and back) without being copied.
    var interner = Interner(
      slots: table.slots, mask: table.count - 1, isWord: isWord, hashes: hashes, arena: arena)
    (isWord, hashes, arena) = ([], [], [])
    interner.reserve(forBytes: bytes.count)
    // A text has at most one token per byte; pages of the arrays that no token reaches
    // are never touched, so the bound costs address space, not memory.
    let capacity = bytes.count + 1
    var ids: [Int32] = []
    let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokenBuffer, tokenCount in
      ids = [Int32](unsafeUninitializedCapacity: capacity) { idBuffer, idCount in
        // Both buffers exist: the capacity is at least 1.
        HugePages.advise(UnsafeMutableRawPointer(tokenBuffer.baseAddress!), byteCount: capacity * MemoryLayout<Token>.stride)
        HugePages.advise(UnsafeMutableRawPointer(idBuffer.baseAddress!), byteCount: capacity * MemoryLayout<Int32>.stride)
        withUnsafeTemporaryAllocation(of: Interner.Key.self, capacity: Pass.batchSize) { keys in
          var pass = Pass(
            bytes: bytes, tokens: tokenBuffer.baseAddress!, ids: idBuffer.baseAddress!, keys: keys.baseAddress!,
            interner: interner.moved())
          pass.run()
          idCount = pass.found
          interner = pass.interner.moved()
        }
      }
      tokenCount = ids.count
    }
    table.slots = interner.slots
    table.count = interner.mask + 1
    (isWord, hashes, arena) = (interner.isWord, interner.hashes, interner.arena)
    return Scan(tokens: tokens, ids: ids)
  }
}

extension WordScanner {
  /// One entry of the hash table: the token's bytes if at most eight (padded with zeros),
  /// else where they are in the arena; a tag made of the hash's high bits and the token's
  /// length; and the token's id (-1 for an empty slot). With the tag, the bytes settle
  /// equality for tokens of up to eight bytes, most words, so that a lookup reads one cache
  /// line, which can be fetched ahead.
  struct Slot {
    var bytes: UInt64
    var tag: UInt32
    var id: Int32

    static let empty = Slot(bytes: 0, tag: 0, id: -1)
  }

  /// The memory of the hash table, owned by a scanner (and copied when a copy of the scanner
  /// scans). Its members are read and written only at the start and end of a scan, by the
  /// one scanner that holds it.
  final class SlotTable: @unchecked Sendable {
    /// The table starts small and doubles when half full: texts have far fewer distinct
    /// tokens than tokens, and a table that fits in the cache probes fastest.
    static let initialCount = 4096

    var slots: UnsafeMutablePointer<Slot>
    /// The number of slots, a power of two.
    var count: Int

    init(count: Int) {
      self.count = count
      slots = .allocate(capacity: count)
      slots.initialize(repeating: .empty, count: count)
    }

    func copy() -> SlotTable {
      let copy = SlotTable(count: count)
      copy.slots.update(from: slots, count: count)
      return copy
    }

    deinit {
      slots.deallocate()
    }
  }

  /// The state of interning during one scan: the table's slots and what is known of each id.
  struct Interner {
    var slots: UnsafeMutablePointer<Slot>
    /// The number of slots minus one.
    var mask: Int
    var isWord: [Bool]
    var hashes: [UInt64]
    var arena: [UInt8]

    /// This interner, whose arrays are then referenced once, by the copy returned: so that
    /// appending to them never copies them.
    mutating func moved() -> Interner {
      let moved = self
      (isWord, hashes, arena) = ([], [], [])
      return moved
    }

    /// Grows the table ahead of a text of `byteCount` bytes, to the size that about as many
    /// distinct tokens as such a text usually holds need, so that it rarely grows during
    /// the scan. News text of n bytes has roughly 2.3√n distinct tokens (60 kB about 4,000,
    /// 6 MB about 60,000); the guess is for both texts of a diff.
    mutating func reserve(forBytes byteCount: Int) {
      let expected = isWord.count + Int(2.5 * Double(byteCount).squareRoot())
      var size = mask + 1
      while expected * 2 > size { size *= 2 }
      if size > mask + 1 { rebuild(count: size) }
    }

    /// A token's hash, and its bytes if at most eight.
    struct Key {
      var hash: UInt64
      var bytes: UInt64
    }

    /// The key of the token `bytes[start..<start + length]`.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Key {
      let base = bytes.baseAddress.unsafelyUnwrapped
      let prefix = Interner.chunk(base, start, min(length, 8), limit: bytes.count)
      var hash = (UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15 ^ prefix) &* 0xBF58_476D_1CE4_E5B9
      if length > 8 {
        let end = start &+ length
        var offset = start &+ 8
        while offset < end {
          hash = (hash ^ chunk(base, offset, min(end &- offset, 8), limit: bytes.count)) &* 0x94D0_49BB_1331_11EB
          offset &+= 8
        }
      }
      // The low bits pick the slot: fold the high ones, which depend on every byte, in.
      return Key(hash: hash ^ hash >> 31, bytes: length > 8 ? 0 : prefix)
    }

    /// Returns the id of the token `bytes[start..<start + length]`, whose key is `key`,
    /// giving it the next id if new.
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, key: Key, isWord word: Bool) -> Int32 {
      guard length <= 8 else { return longTokenID(bytes, start: start, length: length, hash: key.hash, isWord: word) }
      let tag = Self.tag(key.hash, length: length)
      var slot = Int(truncatingIfNeeded: key.hash) & mask
      while true {
        let entry = slots[slot]
        if entry.tag == tag && entry.bytes == key.bytes { return entry.id }
        if entry.id < 0 { break }
        slot = (slot &+ 1) & mask
      }
      return insert(bytes, start: start, length: length, key: key, tag: tag, slot: slot, isWord: word)
    }

    /// The id of a token longer than eight bytes (see `id`).
    @inline(never)
    mutating func longTokenID(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, hash: UInt64, isWord word: Bool) -> Int32 {
      let tag = Self.tag(hash, length: length)
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry.tag == tag && isStored(bytes, start: start, length: length, at: Int(truncatingIfNeeded: entry.bytes)) {
          return entry.id
        }
        if entry.id < 0 { break }
        slot = (slot &+ 1) & mask
      }
      return insert(bytes, start: start, length: length, key: Key(hash: hash, bytes: 0), tag: tag, slot: slot, isWord: word)
    }

    /// A slot's tag: the hash's high bits and the token's length (up to 255).
    @inline(__always)
    static func tag(_ hash: UInt64, length: Int) -> UInt32 {
      UInt32(truncatingIfNeeded: hash >> 32) & ~0xFF | UInt32(truncatingIfNeeded: min(length, 0xFF))
    }

    /// The `length` bytes (one to eight) from `start`, all before `limit`, as a
    /// little-endian integer padded with zeros.
    @inline(__always)
    static func chunk(_ base: UnsafePointer<UInt8>, _ start: Int, _ length: Int, limit: Int) -> UInt64 {
      if start &+ 8 <= limit {
        let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self).littleEndian
        // A shift of 0 keeps all eight bytes.
        return word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* length))
      }
      return partialChunk(base, start, length)
    }

    /// `chunk` at the end of the text, a byte at a time.
    @inline(never)
    static func partialChunk(_ base: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
      var word: UInt64 = 0
      for offset in 0..<length {
        word |= UInt64(base[start + offset]) << UInt64(offset * 8)
      }
      return word
    }

    /// Whether the long token `bytes[start..<start + length]` is the one stored at `offset`
    /// in the arena. Compared eight bytes at a time in place: long words are a few chunks,
    /// too short for a call to `memcmp` to pay.
    func isStored(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, at offset: Int) -> Bool {
      arena.withUnsafeBufferPointer { arena in
        let stored = arena.baseAddress.unsafelyUnwrapped
        guard Self.chunk(stored, offset, 4, limit: arena.count) == UInt64(length) else { return false }
        let text = bytes.baseAddress.unsafelyUnwrapped
        var compared = 0
        while compared < length {
          let size = min(length &- compared, 8)
          if Self.chunk(stored, offset &+ 4 &+ compared, size, limit: arena.count)
            != Self.chunk(text, start &+ compared, size, limit: bytes.count)
          {
            return false
          }
          compared &+= 8
        }
        return true
      }
    }

    /// Gives the new token `bytes[start..<start + length]` the next id, in the empty slot
    /// `slot`, and keeps the table at most half full.
    @inline(never)
    mutating func insert(
      _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, key: Key, tag: UInt32, slot: Int, isWord word: Bool
    ) -> Int32 {
      precondition(isWord.count < Int(Int32.max), "more distinct tokens than Int32 ids")
      let id = Int32(truncatingIfNeeded: isWord.count)
      var stored = key.bytes
      if length > 8 {
        stored = UInt64(arena.count)
        withUnsafeBytes(of: UInt32(length).littleEndian) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
      }
      slots[slot] = Slot(bytes: stored, tag: tag, id: id)
      hashes.append(key.hash)
      isWord.append(word)
      if isWord.count * 2 > mask + 1 { rebuild(count: (mask + 1) * 2) }
      return id
    }

    /// Moves every id into a new table of `count` slots.
    mutating func rebuild(count: Int) {
      let old = slots
      let oldCount = mask + 1
      slots = .allocate(capacity: count)
      slots.initialize(repeating: .empty, count: count)
      mask = count - 1
      for index in 0..<oldCount where old[index].id >= 0 {
        let entry = old[index]
        var slot = Int(truncatingIfNeeded: hashes[Int(entry.id)]) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
      }
      old.deallocate()
    }
  }
}
