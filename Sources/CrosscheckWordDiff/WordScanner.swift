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
/// interned in the same pass, a few tokens after it is found (its table slot is fetched
/// meanwhile), through one open-addressing table over the tokens' bytes, shared by every text
/// scanned with the same scanner, so that equal tokens of two texts get equal ids.
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
  /// Every distinct token longer than 24 bytes, as its length (four bytes, little-endian)
  /// and its bytes after the 24th; its slot says where.
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
    var interner = Interner(table: table, isWord: isWord, arena: arena)
    (isWord, arena) = ([], [])
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
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Pass.keyMask + 1) { keys in
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
    (table.slots, table.tails, table.count) = (interner.slots, interner.tails, interner.mask + 1)
    (isWord, arena) = (interner.isWord, interner.arena)
    return Scan(tokens: tokens, ids: ids)
  }
}

extension WordScanner {
  /// One entry of the hash table: a token's key (0 for an empty slot), its id, and what
  /// else says which token it is. A lookup of a token of at most eight bytes reads this
  /// one cache line, which can be fetched ahead.
  struct Slot {
    /// The token's bytes if at most eight (see `Interner`), else its first eight.
    var key: UInt64
    var id: Int32
    /// 0 for a token of at most eight bytes; 1 for one of at most 24, whose next bytes are
    /// in the slot's `Tail`; for a longer one, 2 plus the offset of its length and its
    /// bytes after the 24th in the arena.
    var extent: UInt32

    static let empty = Slot(key: 0, id: -1, extent: 0)
  }

  /// The 9th to 24th bytes of a token longer than eight bytes (padded with zeros), kept
  /// beside its slot.
  struct Tail {
    var second: UInt64
    var third: UInt64

    static let empty = Tail(second: 0, third: 0)
  }

  /// The memory of the hash table, owned by a scanner (and copied when a copy of the scanner
  /// scans). Its members are read and written only at the start and end of a scan, by the
  /// one scanner that holds it.
  final class SlotTable: @unchecked Sendable {
    /// The table starts small and doubles when crowded: texts have far fewer distinct
    /// tokens than tokens, and a table that fits in the cache probes fastest.
    static let initialCount = 1024

    var slots: UnsafeMutablePointer<Slot>
    var tails: UnsafeMutablePointer<Tail>
    /// The number of slots, a power of two.
    var count: Int

    init(count: Int) {
      self.count = count
      (slots, tails) = Self.allocate(count)
    }

    /// Empty slots and tails for a table of `count` slots.
    static func allocate(_ count: Int) -> (UnsafeMutablePointer<Slot>, UnsafeMutablePointer<Tail>) {
      let slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)
      slots.initialize(repeating: .empty, count: count)
      let tails = UnsafeMutablePointer<Tail>.allocate(capacity: count)
      tails.initialize(repeating: .empty, count: count)
      return (slots, tails)
    }

    func copy() -> SlotTable {
      let copy = SlotTable(count: count)
      copy.slots.update(from: slots, count: count)
      copy.tails.update(from: tails, count: count)
      return copy
    }

    deinit {
      slots.deallocate()
      tails.deallocate()
    }
  }

  /// The state of interning during one scan: the table and what is known of each id.
  ///
  /// A token of at most eight bytes is its own key: its bytes as a little-endian integer,
  /// with its length in the top byte when shorter than eight. No two such tokens share a
  /// key, since the eighth byte of a token is never below 8 (it is part of a word or
  /// number: a letter, digit, joiner or non-ASCII byte). A longer token is looked for by a
  /// hash of its first 24 bytes with the top byte clear, which no short token's key has,
  /// and told apart by those bytes, which words never pad with zeros, and beyond 24 bytes
  /// by the arena. The slot is picked by the top bits of the key or hash times an odd
  /// constant (Fibonacci hashing), so that the table can be rebuilt from its entries.
  struct Interner {
    var slots: UnsafeMutablePointer<Slot>
    var tails: UnsafeMutablePointer<Tail>
    /// The number of slots minus one.
    var mask: Int
    /// 64 minus the base-2 logarithm of the number of slots.
    var shift: UInt64
    var isWord: [Bool]
    var arena: [UInt8]

    init(table: SlotTable, isWord: [Bool], arena: [UInt8]) {
      slots = table.slots
      tails = table.tails
      mask = table.count - 1
      shift = UInt64(64 - table.count.trailingZeroBitCount)
      self.isWord = isWord
      self.arena = arena
    }

    /// This interner, whose arrays are then referenced once, by the copy returned: so that
    /// appending to them never copies them.
    mutating func moved() -> Interner {
      let moved = self
      (isWord, arena) = ([], [])
      return moved
    }

    /// Grows the table ahead of a text of `byteCount` bytes, to the size that about as many
    /// distinct tokens as such a text usually holds need, so that it seldom grows during
    /// the scan. News text of n bytes has roughly 16√n to 25√n distinct tokens (60 kB about
    /// 4,000, 6 MB about 60,000); the second text of a diff mostly repeats the first's.
    mutating func reserve(forBytes byteCount: Int) {
      let expected = max(isWord.count, Int(16 * Double(byteCount).squareRoot()))
      var size = mask + 1
      while Self.isCrowded(expected, size) { size *= 2 }
      if size > mask + 1 { rebuild(count: size) }
      isWord.reserveCapacity(expected)
    }

    /// Whether a table of `size` slots is too full for `count` tokens: beyond 70%, linear
    /// probing's runs grow long; below it, the table would take more memory, and every page
    /// of memory costs a fault on first use.
    @inline(__always)
    static func isCrowded(_ count: Int, _ size: Int) -> Bool {
      count * 10 > size * 7
    }

    /// The key of the token `bytes[start..<start + length]`, of at most eight bytes.
    @inline(__always)
    static func shortKey(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt64 {
      let word = chunk(bytes.baseAddress.unsafelyUnwrapped, start, length, limit: bytes.count)
      return length == 8 ? word : word | UInt64(truncatingIfNeeded: length) << 56
    }

    /// The first, second and third eight bytes of a token longer than eight bytes (the
    /// third 0 for one of at most 16).
    @inline(__always)
    static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> (UInt64, Tail) {
      let base = bytes.baseAddress.unsafelyUnwrapped
      let first = chunk(base, start, 8, limit: bytes.count)
      let second = chunk(base, start &+ 8, min(length &- 8, 8), limit: bytes.count)
      let third = length > 16 ? chunk(base, start &+ 16, min(length &- 16, 8), limit: bytes.count) : 0
      return (first, Tail(second: second, third: third))
    }

    /// The hash that a token longer than eight bytes is looked for by.
    @inline(__always)
    static func longHash(_ first: UInt64, _ tail: Tail) -> UInt64 {
      let hash = first ^ tail.second &* 0xBF58_476D_1CE4_E5B9 ^ tail.third &* 0x94D0_49BB_1331_11EB
      // The top byte clear, and never 0, which marks an empty slot.
      return hash >> 8 | 1
    }

    /// The hash of the token `bytes[start..<start + length]`, longer than eight bytes.
    @inline(never)
    static func longHash(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt64 {
      let (first, tail) = chunks(bytes, start: start, length: length)
      return longHash(first, tail)
    }

    /// The slot where the search for a key or hash starts.
    @inline(__always)
    func home(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Returns the id of the token `bytes[start..<start + length]`, longer than eight
    /// bytes, giving it the next id if new.
    @inline(never)
    mutating func longID(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, isWord word: Bool) -> Int32 {
      let (first, tail) = Self.chunks(bytes, start: start, length: length)
      var slot = home(Self.longHash(first, tail))
      while true {
        let entry = slots[slot]
        if entry.key == first && entry.extent != 0 && tails[slot].second == tail.second && tails[slot].third == tail.third
          && (length <= 24 ? entry.extent == 1 : entry.extent >= 2 && isStored(bytes, start: start, length: length, at: Int(entry.extent - 2)))
        {
          return entry.id
        }
        if entry.key == 0 { break }
        slot = (slot &+ 1) & mask
      }
      var extent: UInt32 = 1
      if length > 24 {
        precondition(arena.count + length <= Int(UInt32.max) - 2, "long tokens fit in 4 GB")
        extent = UInt32(arena.count + 2)
        for shift in stride(from: 0, to: 32, by: 8) { arena.append(UInt8(truncatingIfNeeded: length >> shift)) }
        for index in start + 24..<start + length { arena.append(bytes[index]) }
      }
      return insert(Slot(key: first, id: 0, extent: extent), tail, at: slot, isWord: word)
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

    /// Whether the token `bytes[start..<start + length]`, longer than 24 bytes, has the
    /// length and bytes after the 24th stored at `offset` in the arena.
    func isStored(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, at offset: Int) -> Bool {
      arena.withUnsafeBufferPointer { arena in
        let stored = arena.baseAddress.unsafelyUnwrapped
        guard Self.chunk(stored, offset, 4, limit: arena.count) == UInt64(length) else { return false }
        let text = bytes.baseAddress.unsafelyUnwrapped
        var compared = 24
        while compared < length {
          let size = min(length &- compared, 8)
          if Self.chunk(stored, offset &+ 4 &+ compared &- 24, size, limit: arena.count)
            != Self.chunk(text, start &+ compared, size, limit: bytes.count)
          {
            return false
          }
          compared &+= 8
        }
        return true
      }
    }

    /// Gives a new token, described by `entry` and `tail`, the next id, in the empty slot
    /// `slot`, and keeps the table from crowding.
    @inline(never)
    mutating func insert(_ entry: Slot, _ tail: Tail, at slot: Int, isWord word: Bool) -> Int32 {
      precondition(isWord.count < Int(Int32.max), "more distinct tokens than Int32 ids")
      let id = Int32(truncatingIfNeeded: isWord.count)
      slots[slot] = Slot(key: entry.key, id: id, extent: entry.extent)
      tails[slot] = tail
      isWord.append(word)
      if Self.isCrowded(isWord.count, mask + 1) { rebuild(count: (mask + 1) * 2) }
      return id
    }

    /// Moves every id into a new table of `count` slots.
    mutating func rebuild(count: Int) {
      let (oldSlots, oldTails) = (slots, tails)
      let oldCount = mask + 1
      (slots, tails) = SlotTable.allocate(count)
      mask = count - 1
      shift = UInt64(64 - count.trailingZeroBitCount)
      for index in 0..<oldCount where oldSlots[index].key != 0 {
        let entry = oldSlots[index]
        var slot = home(entry.extent == 0 ? entry.key : Self.longHash(entry.key, oldTails[index]))
        while slots[slot].key != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
        tails[slot] = oldTails[index]
      }
      oldSlots.deallocate()
      oldTails.deallocate()
    }
  }
}
