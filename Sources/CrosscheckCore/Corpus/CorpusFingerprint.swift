/// What a corpus's cross-document results were computed from: a digest of its documents in
/// order (ids, texts, metadata and excluded spans) and the version of the analyses.
///
/// A saved quote group, claim group or comparison is used again only when the corpus and the
/// program give the same fingerprint; any other fingerprint means it may be stale.
package struct CorpusFingerprint: Sendable, Equatable, Hashable {
  /// Raised whenever an analysis changes what it finds (extraction, grouping, scoring), so
  /// that results a previous version saved are computed again.
  package static let analysisVersion = 1

  /// The digest of the documents, as 16 hexadecimal digits.
  package var digest: String
  /// The analysis version the results were computed with.
  package var version: Int

  /// A fingerprint as stored.
  package init(digest: String, version: Int) {
    self.digest = digest
    self.version = version
  }

  /// The fingerprint of `corpus` under this program's analyses.
  /// - Complexity: O(n) in the corpus's text, hashed on every core.
  package init(_ corpus: Corpus) {
    let hashes = parallelMap(corpus.documents, minimumPerWorker: 16) { Self.hash(of: $0) }
    var state = StableHash.seed ^ UInt64(hashes.count)
    for hash in hashes { state = StableHash.mix(state ^ hash) }
    let hex = String(state, radix: 16)
    self.init(digest: String(repeating: "0", count: 16 - hex.count) + hex, version: Self.analysisVersion)
  }

  /// Everything of one document an analysis reads: id, text, metadata, excluded spans.
  static func hash(of document: Document) -> UInt64 {
    var state = StableHash.seed
    func add(_ bytes: UnsafeBufferPointer<UInt8>) {
      // Eight bytes at a time: the text of a large corpus is most of what is hashed.
      let raw = UnsafeRawBufferPointer(bytes)
      var offset = 0
      while offset + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        state = StableHash.mix(state ^ word)
        offset += 8
      }
      var last: UInt64 = 0
      for byte in bytes[offset...] { last = last << 8 | UInt64(byte) }
      state = StableHash.mix(state ^ last)
      // The length ends each field, so that no two lists of fields hash the same bytes.
      state = StableHash.mix(state ^ UInt64(bytes.count))
    }
    func add(_ text: String) {
      var copy = text
      copy.withUTF8 { add($0) }
    }
    add(document.id)
    // The text's bytes as the document keeps them, without making a string of them.
    document.buffer.bytes.withUnsafeBufferPointer { add($0) }
    let metadata = document.metadata
    for value in [metadata.title, metadata.outlet, metadata.date, metadata.author, metadata.url, metadata.credit] {
      add(value.map { ($0.inferred ? "~" : "=") + $0.value } ?? "")
    }
    for span in document.excluded {
      add("\(span.range.lowerBound) \(span.range.upperBound) \(span.reason.name)")
    }
    return state
  }
}
