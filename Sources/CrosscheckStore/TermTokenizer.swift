import GRDB
import GRDBSQLite

/// The terms the full-text index sees in a text: FTS5's own `unicode61` tokenizer with
/// diacritics removed, exactly as `sentence_search` is declared, so that the store's term
/// postings hold the same terms FTS5 matches.
///
/// It belongs to the connection it was made on; use it only inside that connection's access.
final class TermTokenizer {
  /// The tokenizer arguments of `sentence_search`.
  static let components = ["unicode61", "remove_diacritics", "2"]

  private let tokenizer: any FTS5Tokenizer

  init(_ db: Database) throws {
    tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: Self.components))
  }

  /// Calls `body` with each term (folded: lower case, no diacritics) and its byte range in `text`.
  /// - Parameter query: tokenize as a query rather than as indexed text.
  func forEachTerm(
    in text: UnsafeBufferPointer<UInt8>, query: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    guard let base = text.baseAddress, !text.isEmpty else { return }
    withoutActuallyEscaping(body) { body in
      let sink = TermSink(body)
      _ = tokenizer.tokenize(
        context: Unmanaged.passUnretained(sink).toOpaque(), tokenization: query ? .query : .document,
        pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(text.count),
        tokenCallback: { context, _, token, length, start, end in
          guard let context, let token else { return SQLITE_OK }
          let sink = Unmanaged<TermSink>.fromOpaque(context).takeUnretainedValue()
          let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(token).assumingMemoryBound(to: UInt8.self), count: Int(length))
          sink.body(bytes, Int(start)..<Int(end))
          return SQLITE_OK
        })
      withExtendedLifetime(sink) {}
    }
  }

  /// The terms of `text`, in order.
  func terms(in text: String, query: Bool = false) -> [String] {
    var text = text
    var terms: [String] = []
    text.withUTF8 { bytes in forEachTerm(in: bytes, query: query) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) } }
    return terms
  }
}

/// What the tokenizer's C callback reaches through its context pointer.
private final class TermSink {
  let body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  init(_ body: @escaping (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) { self.body = body }
}
