import CPrefetch

/// The tokenizing loop of `WordScanner`: ASCII text 64 bytes at a time, in bit masks.
///
/// Each block of 64 bytes is classified eight bytes at a time, with SIMD-within-a-register
/// arithmetic on 64-bit words, into masks with one bit per byte: letters and digits, digits,
/// white space, non-ASCII bytes. A word is a run of set bits in the word mask, so its start
/// is a set bit whose predecessor is clear and its end the first clear bit after it; every
/// other visible byte is a token of its own. The loop over a block's tokens takes the lowest
/// set bit of the starts and ends masks, and so branches once per token and once per block
/// rather than at every byte. Punctuation between two letters or digits (rare) is looked at
/// one byte at a time: an apostrophe or hyphen joins the word, a comma or full stop joins a
/// number before a digit. A non-ASCII byte hands the text, from the start of the token it
/// may belong to, to a byte-by-byte scan that decodes characters, until ASCII text follows.
extension WordScanner {
  /// One scan of one text: the text, where its tokens and ids go, and the interner.
  struct Pass {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeMutablePointer<Token>
    let ids: UnsafeMutablePointer<Int32>
    /// The keys of the tokens found and not yet interned, at their index modulo
    /// `keyMask + 1`.
    let keys: UnsafeMutablePointer<UInt64>
    var interner: Interner
    /// The number of tokens found so far.
    var found = 0
    /// Tokens are interned this many tokens after they are found: the table slot of each is
    /// fetched ahead when it is found, so that the cache misses of a long text's rare words
    /// overlap instead of coming one after another.
    static let lag = 16
    /// The keys of the tokens not yet interned are kept at their index modulo a power of
    /// two above the lag.
    static let keyMask = 2 * lag - 1

    /// The bytes classified at once: one bit of a 64-bit mask each.
    static let blockSize = 64
    /// No byte of the block needs decoding: every end in it is known.
    static let noLimit = 66

    /// What a block hands the next: the token still open at its end, and the class of its
    /// last byte.
    struct Carry {
      /// Where the open token starts, or -1.
      var pending = -1
      /// The open token's kind (`TokenKind`'s raw value).
      var kind: UInt32 = 0
      /// 1 when the last byte is in a word or number, else 0.
      var word: UInt64 = 0
      /// 1 when the last byte is a punctuation token, else 0.
      var punctuation: UInt64 = 0
    }

    /// Tokenizes and interns the whole text.
    mutating func run() {
      let count = bytes.count
      guard let text = bytes.baseAddress else { return }
      var position = 0
      var carry = Carry()
      // The last, partial block is copied here, after spaces, which end any token.
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.blockSize / 8) { tail in
        let tailBytes = UnsafeMutableRawPointer(tail.baseAddress.unsafelyUnwrapped)
        while position < count {
          let block: UnsafeRawPointer
          if position + Self.blockSize <= count {
            block = UnsafeRawPointer(text + position)
          } else {
            tailBytes.initializeMemory(as: UInt8.self, repeating: 0x20, count: Self.blockSize)
            tailBytes.copyMemory(from: text + position, byteCount: count - position)
            block = UnsafeRawPointer(tailBytes)
          }
          let next = position + Self.blockSize < count ? text[position + Self.blockSize] : 0x20
          position = scanBlock(block, at: position, next: next, carry: &carry)
        }
      }
      if carry.pending >= 0 { emit(carry.pending, count, kind: carry.kind) }
      for index in max(found - Self.lag, 0)..<found { intern(index) }
    }

    /// Emits the tokens of the block of 64 bytes at `block` (the text's bytes from
    /// `position`, or the copy of its tail), followed by the byte `next`, and returns where
    /// the next block starts.
    @inline(__always)
    mutating func scanBlock(_ block: UnsafeRawPointer, at position: Int, next: UInt8, carry: inout Carry) -> Int {
      let masks = Masks(block)
      let nextClass = Masks.asciiClass(next)
      // Tokens whose end depends on a byte at or after `limit` need decoding.
      let limit = masks.high != 0 ? masks.high.trailingZeroBitCount : next >= 0x80 ? Self.blockSize : Self.noLimit
      var word = masks.alnum
      let before = masks.alnum << 1 | carry.word
      var joiners = ~(masks.alnum | masks.space | masks.high) & before & (masks.alnum >> 1 | nextClass.alnum << 63)
      while joiners != 0 {
        let offset = joiners.trailingZeroBitCount
        joiners &= joiners &- 1
        if joins(block.load(fromByteOffset: offset, as: UInt8.self), at: offset, word: word, masks: masks, nextDigit: nextClass.digit, carry: carry) {
          word |= 1 &<< UInt64(offset)
        }
      }
      let punctuation = ~(word | masks.space | masks.high)
      var starts = punctuation | word & ~(word << 1 | carry.word)
      var ends = ~word & (word << 1 | carry.word) | punctuation << 1 | carry.punctuation
      if limit != Self.noLimit {
        ends &= limit >= 2 ? (1 &<< UInt64(limit - 1)) &- 1 : 0
      }
      if carry.pending >= 0 && ends != 0 {
        emit(carry.pending, position &+ ends.trailingZeroBitCount, kind: carry.kind)
        ends &= ends &- 1
        carry.pending = -1
      }
      while ends != 0 {
        let start = starts.trailingZeroBitCount
        starts &= starts &- 1
        emit(position &+ start, position &+ ends.trailingZeroBitCount, kind: Self.kind(at: start, punctuation: punctuation, digit: masks.digit))
        ends &= ends &- 1
      }
      if limit != Self.noLimit {
        // Rescan from the first token not emitted, or from the byte that needs decoding.
        var restart = position + limit
        if carry.pending >= 0 {
          restart = carry.pending
        } else if starts != 0 {
          restart = min(restart, position + starts.trailingZeroBitCount)
        }
        carry = Carry()
        return scanSlowly(from: restart, past: position + limit)
      }
      if starts != 0 {
        let start = starts.trailingZeroBitCount
        carry.pending = position &+ start
        carry.kind = Self.kind(at: start, punctuation: punctuation, digit: masks.digit)
      }
      carry.word = word >> 63
      carry.punctuation = punctuation >> 63
      return position &+ Self.blockSize
    }

    /// Whether the punctuation `byte` at `offset` in a block, between a letter or digit and
    /// another, is inside the token: an apostrophe or hyphen always is, a comma or full stop
    /// is when the token is a number and a digit follows.
    @inline(__always)
    func joins(_ byte: UInt8, at offset: Int, word: UInt64, masks: Masks, nextDigit: UInt64, carry: Carry) -> Bool {
      if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") { return true }
      guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") else { return false }
      let digitAfter = offset == 63 ? nextDigit : masks.digit &>> UInt64(offset + 1) & 1
      guard digitAfter != 0 else { return false }
      // The token's start: the last start of a run of the word mask before the byte, or,
      // when the run reaches back into the last block, the open token's.
      let runStarts = word & ~(word << 1 | carry.word) & ((1 &<< UInt64(offset)) &- 1)
      if runStarts == 0 { return carry.kind == UInt32(TokenKind.number.rawValue) }
      return masks.digit &>> UInt64(63 - runStarts.leadingZeroBitCount) & 1 != 0
    }

    /// The kind (raw value) of the token starting at `offset` in a block.
    @inline(__always)
    static func kind(at offset: Int, punctuation: UInt64, digit: UInt64) -> UInt32 {
      // Punctuation is 2 and numbers 1, and a byte is never both.
      UInt32(truncatingIfNeeded: (punctuation &>> UInt64(offset) & 1) << 1 | digit &>> UInt64(offset) & 1)
    }

    /// Records the token `start..<end` of kind `kind` (a `TokenKind` raw value), fetches
    /// its table slot ahead, and interns the token found `lag` tokens before.
    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, kind: UInt32) {
      let length = end &- start
      tokens.advanced(by: found).initialize(to: Token(start: start, length: length, kind: kind))
      let key: UInt64
      if length <= 8 {
        key = Interner.shortKey(bytes, start: start, length: length)
      } else {
        key = Interner.longHash(bytes, start: start, length: length)
        crosscheck_prefetch(interner.tails + interner.home(key))
      }
      keys[found & Self.keyMask] = key
      crosscheck_prefetch(interner.slots + interner.home(key))
      if found >= Self.lag { intern(found &- Self.lag) }
      found &+= 1
    }

    /// Gives token `index`, whose key or hash is known, its id. A token of at most eight
    /// bytes is settled by its key alone, and a new one takes the empty slot its search
    /// ended at; a longer token takes `internLong`.
    @inline(__always)
    mutating func intern(_ index: Int) {
      let key = keys[index & Self.keyMask]
      // The hash of a longer token has its top byte clear.
      guard key >> 56 != 0 else {
        internLong(index)
        return
      }
      var slot = interner.home(key)
      while true {
        let entry = interner.slots[slot]
        if entry.key == key && entry.extent == 0 {
          ids[index] = entry.id
          return
        }
        if entry.key == 0 { break }
        slot = (slot &+ 1) & interner.mask
      }
      insertShort(index, key: key, at: slot)
    }

    /// Gives token `index`, of at most eight bytes and new, the next id, in the empty slot
    /// `slot`.
    @inline(never)
    mutating func insertShort(_ index: Int, key: UInt64, at slot: Int) {
      ids[index] = interner.insert(Slot(key: key, id: 0, extent: 0), .empty, at: slot, isWord: tokens[index].isWordLike)
    }

    /// Gives token `index`, longer than eight bytes, its id.
    @inline(never)
    mutating func internLong(_ index: Int) {
      let token = tokens[index]
      ids[index] = interner.longID(bytes, start: Int(token.start), length: token.length, isWord: token.isWordLike)
    }

    /// Emits the tokens from `start`, a token boundary, decoding every character, until the
    /// first token boundary after `limit` that ASCII text follows, and returns it: text in
    /// other scripts stays here rather than being classified in blocks at every token.
    @inline(never)
    mutating func scanSlowly(from start: Int, past limit: Int) -> Int {
      let count = bytes.count
      var index = start
      while index < count && (index <= limit || !isASCII(from: index)) {
        let tokenStart = index
        let (scalar, length) = Characters.scalar(in: bytes, at: index)
        index += length
        if Characters.isSpace(scalar) { continue }
        let kind: TokenKind = Characters.isDigit(scalar) ? .number : Characters.isLetter(scalar) ? .word : .punctuation
        if kind != .punctuation {
          index = wordEnd(from: index, kind: kind)
        }
        emit(tokenStart, index, kind: UInt32(kind.rawValue))
      }
      return index
    }

    /// Whether the 16 bytes from `index` are all ASCII (false near the end of the text).
    @inline(__always)
    func isASCII(from index: Int) -> Bool {
      guard index &+ 16 <= bytes.count else { return false }
      let ahead = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index)
      return (ahead.loadUnaligned(as: UInt64.self) | ahead.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        & 0x8080_8080_8080_8080 == 0
    }

    /// The end of the word or number whose first character ends at `index`: letters and
    /// digits continue it, and so does a joiner followed by one (an apostrophe or hyphen, or
    /// in a number a comma or full stop followed by a digit), as in `Tokenizer`.
    func wordEnd(from start: Int, kind: TokenKind) -> Int {
      let count = bytes.count
      var index = start
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          if Masks.asciiClass(byte).alnum != 0 {
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
  }

  /// The classes of the 64 bytes of a block, one bit per byte (bit *i* for byte *i*).
  struct Masks {
    /// ASCII letters and digits.
    var alnum: UInt64 = 0
    /// ASCII digits.
    var digit: UInt64 = 0
    /// ASCII white space (as `Characters.isSpace` has it).
    var space: UInt64 = 0
    /// Bytes of non-ASCII characters.
    var high: UInt64 = 0

    /// A byte repeated in every byte of a word.
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Classifies the 64 bytes at `block`. Not inlined: the vector constants of the
    /// classification would otherwise take registers from the loop over the tokens.
    @inline(never)
    init(_ block: UnsafeRawPointer) {
      var any: UInt64 = 0
      for word in 0..<8 { any |= block.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) }
      // Most blocks are ASCII, which needs neither the non-ASCII mask nor masking with it.
      if any & Self.repeated(0x80) == 0 {
        for word in 0..<8 {
          let (alnum, digit, space) = Self.classifyASCII(block.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self).littleEndian)
          let shift = UInt64(word * 8)
          self.alnum |= alnum << shift
          self.digit |= digit << shift
          self.space |= space << shift
        }
        return
      }
      for word in 0..<8 {
        let (alnum, digit, space, high) = Self.classify(block.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self).littleEndian)
        let shift = UInt64(word * 8)
        self.alnum |= alnum << shift
        self.digit |= digit << shift
        self.space |= space << shift
        self.high |= high << shift
      }
    }

    /// `classify` for eight ASCII bytes.
    @inline(__always)
    static func classifyASCII(_ bytes: UInt64) -> (alnum: UInt64, digit: UInt64, space: UInt64) {
      let digit = (bytes &+ repeated(0x80 - 0x30)) & ~(bytes &+ repeated(0x80 - 0x3A))
      let folded = bytes | repeated(0x20)
      let letter = (folded &+ repeated(0x80 - 0x61)) & ~(folded &+ repeated(0x80 - 0x7B))
      let blank = ~((bytes ^ repeated(0x20)) &+ repeated(0x7F))
      let control = (bytes &+ repeated(0x80 - 0x09)) & ~(bytes &+ repeated(0x80 - 0x0E))
      return (gather(digit | letter), gather(digit), gather(blank | control))
    }

    /// The classes of a byte outside a block, as 0 or 1.
    @inline(__always)
    static func asciiClass(_ byte: UInt8) -> (alnum: UInt64, digit: UInt64) {
      let (alnum, digit, _, _) = classify(UInt64(byte))
      return (alnum & 1, digit & 1)
    }

    /// Classifies the eight bytes of `bytes` (the first in the low byte) into eight-bit
    /// masks. Each test adds a constant to every byte at once, with the top bits cleared so
    /// that no byte carries into the next: the top bit of `byte + (0x80 - low)` says whether
    /// the byte is at least `low`.
    @inline(__always)
    static func classify(_ bytes: UInt64) -> (alnum: UInt64, digit: UInt64, space: UInt64, high: UInt64) {
      let tops = repeated(0x80)
      let high = bytes & tops
      let low = bytes ^ high
      let ascii = ~bytes & tops
      let digit = (low &+ repeated(0x80 - 0x30)) & ~(low &+ repeated(0x80 - 0x3A)) & ascii
      // Setting bit 5 maps capitals onto small letters and nothing else onto them.
      let folded = low | repeated(0x20)
      let letter = (folded &+ repeated(0x80 - 0x61)) & ~(folded &+ repeated(0x80 - 0x7B))
      // A zero byte is the only one that adding 0x7F leaves below 0x80.
      let blank = ~((low ^ repeated(0x20)) &+ repeated(0x7F))
      let control = (low &+ repeated(0x80 - 0x09)) & ~(low &+ repeated(0x80 - 0x0E))
      return (
        gather(digit | letter & ascii), gather(digit), gather((blank | control) & ascii), gather(high)
      )
    }

    /// The top bits of the eight bytes of `word` as an eight-bit mask: the multiplication
    /// moves bit 8*i* to bit 56 + *i*, and no two partial products meet there.
    @inline(__always)
    static func gather(_ word: UInt64) -> UInt64 {
      (((word >> 7) & repeated(0x01)) &* 0x0102_0408_1020_4080) >> 56
    }
  }
}

extension Token {
  /// The length in bytes.
  @inline(__always)
  var length: Int { Int(lengthAndKind >> Self.kindBits) }

  /// A token of `length` bytes from `start`, of the kind with raw value `kind`; the scanner
  /// has checked that offsets fit in 32 bits.
  @inline(__always)
  init(start: Int, length: Int, kind: UInt32) {
    self.start = Int32(truncatingIfNeeded: start)
    self.lengthAndKind = UInt32(truncatingIfNeeded: length) << Self.kindBits | kind
  }
}
