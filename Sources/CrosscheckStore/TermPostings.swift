import GRDB

/// The term postings of one load, as `search_terms` keeps them: for each term, the
/// sentences that contain it (ascending ids) and how many times.
///
/// A posting is two varints: the gap from the previous posting's sentence id (the first is
/// counted from the row's `first_sentence`, so it is 0) and the term's count in the sentence.
/// Each load adds its own row per term, so a load never rewrites earlier rows.
struct TermPostingsBuilder {
  private var termIndex: [String: Int32] = [:]
  private var terms: [String] = []
  private var lists: [List] = []
  private var scratch: [Int32] = []

  private struct List {
    var first: Int64
    var last: Int64
    var count = 0
    var bytes: [UInt8] = []
  }

  /// Adds one sentence.
  /// - Returns: its number of terms, which is its length for BM25.
  mutating func add(sentence id: Int64, text: String, tokenizer: TermTokenizer) -> Int {
    scratch.removeAll(keepingCapacity: true)
    var text = text
    text.withUTF8 { bytes in
      tokenizer.forEachTerm(in: bytes) { term, _ in
        let key = String(decoding: term, as: UTF8.self)
        if let index = termIndex[key] {
          scratch.append(index)
        } else {
          let index = Int32(terms.count)
          termIndex[key] = index
          terms.append(key)
          lists.append(List(first: id, last: id))
          scratch.append(index)
        }
      }
    }
    scratch.sort()
    var start = 0
    while start < scratch.count {
      var end = start + 1
      while end < scratch.count, scratch[end] == scratch[start] { end += 1 }
      let term = Int(scratch[start])
      Varint.append(UInt32(id - lists[term].last), to: &lists[term].bytes)
      Varint.append(UInt32(end - start), to: &lists[term].bytes)
      lists[term].last = id
      lists[term].count += 1
      start = end
    }
    return scratch.count
  }

  /// Writes one `search_terms` row per term.
  func write(_ db: Database) throws {
    let insert = try BulkInsert<TermPostingsRecord>(db)
    for (term, list) in zip(terms, lists) {
      try insert.insert(TermPostingsRecord(
        term: term, firstSentence: list.first, lastSentence: list.last, sentences: list.count, postings: list.bytes))
    }
  }

  /// Decodes one row's postings, calling `body` with each sentence id and count; false when
  /// the bytes are damaged.
  static func forEachPosting(in bytes: UnsafeRawBufferPointer, first: Int64, _ body: (Int64, Int) -> Void) -> Bool {
    var reader = Varint.Reader(bytes)
    var id = first
    while !reader.isAtEnd {
      guard let gap = reader.next(), let count = reader.next() else { return false }
      id += Int64(gap)
      body(id, count)
    }
    return true
  }
}

/// The blobs of `document_sentences` (see `DocumentSentencesRecord` for the encoding).
enum SentenceBlob {
  /// Sentences' byte and token ranges, which must be in text order and not overlap.
  static func encodeSpans(_ sentences: [(bytes: Range<Int>, tokens: Range<Int>)]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(sentences.count * 5)
    var byteEnd = 0
    var tokenEnd = 0
    for sentence in sentences {
      Varint.append(UInt32(clamping: sentence.bytes.lowerBound - byteEnd), to: &bytes)
      Varint.append(UInt32(clamping: sentence.bytes.count), to: &bytes)
      Varint.append(UInt32(clamping: sentence.tokens.lowerBound - tokenEnd), to: &bytes)
      Varint.append(UInt32(clamping: sentence.tokens.count), to: &bytes)
      byteEnd = sentence.bytes.upperBound
      tokenEnd = sentence.tokens.upperBound
    }
    return bytes
  }

  /// `count` sentences' byte and token ranges, or nil when the bytes do not hold them.
  static func decodeSpans(_ bytes: UnsafeRawBufferPointer, count: Int) -> [(bytes: Range<Int>, tokens: Range<Int>)]? {
    var reader = Varint.Reader(bytes)
    var sentences: [(bytes: Range<Int>, tokens: Range<Int>)] = []
    sentences.reserveCapacity(count)
    var byteEnd = 0
    var tokenEnd = 0
    while sentences.count < count {
      guard let byteGap = reader.next(), let byteCount = reader.next(), let tokenGap = reader.next(), let tokenCount = reader.next()
      else { return nil }
      let bytes = (byteEnd + byteGap)..<(byteEnd + byteGap + byteCount)
      let tokens = (tokenEnd + tokenGap)..<(tokenEnd + tokenGap + tokenCount)
      // A session holds offsets in 32 bits.
      guard bytes.upperBound <= Int(Int32.max), tokens.upperBound <= Int(Int32.max) else { return nil }
      sentences.append((bytes, tokens))
      byteEnd = bytes.upperBound
      tokenEnd = tokens.upperBound
    }
    return reader.isAtEnd ? sentences : nil
  }

  /// Each sentence's number of terms.
  static func encodeLengths(_ lengths: [Int]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lengths.count)
    for length in lengths { Varint.append(UInt32(clamping: length), to: &bytes) }
    return bytes
  }

  static func decodeLengths(_ bytes: UnsafeRawBufferPointer) -> [Int]? {
    var reader = Varint.Reader(bytes)
    var lengths: [Int] = []
    while !reader.isAtEnd {
      guard let length = reader.next() else { return nil }
      lengths.append(length)
    }
    return lengths
  }
}
