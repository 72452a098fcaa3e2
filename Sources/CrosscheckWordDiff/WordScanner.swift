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
  /// Every distinct token longer than eight bytes, as its length (four bytes, little-endian)
  /// and its bytes; its slot says where.
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
      slots: table.slots, count: table.count, isWord: isWord, arena: arena)
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
    table.slots = interner.slots
    table.count = interner.mask + 1
    (isWord, arena) = (interner.isWord, interner.arena)
    return Scan(tokens: tokens, ids: ids)
  }
}

extension WordScanner {
  /// One entry of the hash table: a token's key (0 for an empty slot), its id, and for a
  /// token longer than eight bytes where it is in the arena. A lookup reads one cache line,
  /// which can be fetched ahead.
  struct Slot {
    var key: UInt64
    var id: Int32
    var arenaOffset: UInt32

    static let empty = Slot(key: 0, id: -1, arenaOffset: 0)
  }

  /// The memory of the hash table, owned by a scanner (and copied when a copy of the scanner
  /// scans). Its members are read and written only at the start and end of a scan, by the
  /// one scanner that holds it.
  final class SlotTable: @unchecked Sendable {
    /// The table starts small and doubles when half full: texts have far fewer distinct
    /// tokens than tokens, and a table that fits in the cache probes fastest.
    static let initialCount = 1024

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
  ///
  /// A token of at most eight bytes is its own key: its bytes as a little-endian integer,
  /// with its length in the top byte when shorter than eight. No two such tokens share a
  /// key, since the eighth byte of a token is never below 8 (it is part of a word or
  /// number: a letter, digit, joiner or non-ASCII byte). A longer token's key is a hash of
  /// its bytes with the top byte clear, which no short token has, and its bytes are
  /// compared in the arena. The slot is picked by the top bits of the key times an odd
  /// constant (Fibonacci hashing), so that the table can be rebuilt from the keys alone.
  struct Interner {
    var slots: UnsafeMutablePointer<Slot>
    /// The number of slots minus one.
    var mask: Int
    /// 64 minus the base-2 logarithm of the number of slots.
    var shift: UInt64
    var isWord: [Bool]
    var arena: [UInt8]

    init(slots: UnsafeMutablePointer<Slot>, count: Int, isWord: [Bool], arena: [UInt8]) {
      self.slots = slots
      mask = count - 1
      shift = UInt64(64 - count.trailingZeroBitCount)
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
      while expected * 2 > size { size *= 2 }
      if size > mask + 1 { rebuild(count: size) }
      isWord.reserveCapacity(expected)
      // Some tokens in eight are longer than eight bytes, of some twelve bytes.
      arena.reserveCapacity(expected * 2)
    }

    /// The key of the token `bytes[start..<start + length]` (see `Interner`).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt64 {
      let base = bytes.baseAddress.unsafelyUnwrapped
      if length <= 8 {
        let word = chunk(base, start, length, limit: bytes.count)
        return length == 8 ? word : word | UInt64(truncatingIfNeeded: length) << 56
      }
      return longKey(base, start: start, length: length, limit: bytes.count)
    }

    /// The key of a token longer than eight bytes: a hash of its length and bytes.
    @inline(never)
    static func longKey(_ base: UnsafePointer<UInt8>, start: Int, length: Int, limit: Int) -> UInt64 {
      var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
      let end = start &+ length
      var offset = start
      while offset < end {
        hash = (hash ^ chunk(base, offset, min(end &- offset, 8), limit: limit)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        offset &+= 8
      }
      // The top byte clear, and never 0, which marks an empty slot.
      return hash >> 8 | 1
    }

    /// The slot where the search for `key` starts.
    @inline(__always)
    func home(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Returns the id of the token `bytes[start..<start + length]`, whose key is `key`,
    /// giving it the next id if new.
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, key: UInt64, isWord word: Bool) -> Int32 {
      var slot = home(key)
      while true {
        let entry = slots[slot]
        if entry.key == key && (length <= 8 || isStored(bytes, start: start, length: length, at: Int(entry.arenaOffset))) {
          return entry.id
        }
        if entry.key == 0 { break }
        slot = (slot &+ 1) & mask
      }
      return insert(bytes, start: start, length: length, key: key, slot: slot, isWord: word)
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
    @inline(never)
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
      _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, key: UInt64, slot: Int, isWord word: Bool
    ) -> Int32 {
      precondition(isWord.count < Int(Int32.max), "more distinct tokens than Int32 ids")
      let id = Int32(truncatingIfNeeded: isWord.count)
      var offset: UInt32 = 0
      if length > 8 {
        precondition(arena.count + length + 4 <= Int(UInt32.max), "long tokens fit in 4 GB")
        offset = UInt32(arena.count)
        for shift in stride(from: 0, to: 32, by: 8) { arena.append(UInt8(truncatingIfNeeded: length >> shift)) }
        for index in start..<start + length { arena.append(bytes[index]) }
      }
      slots[slot] = Slot(key: key, id: id, arenaOffset: offset)
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
      shift = UInt64(64 - count.trailingZeroBitCount)
      for index in 0..<oldCount where old[index].key != 0 {
        var slot = home(old[index].key)
        while slots[slot].key != 0 { slot = (slot + 1) & mask }
        slots[slot] = old[index]
      }
      old.deallocate()
    }
  }
}
