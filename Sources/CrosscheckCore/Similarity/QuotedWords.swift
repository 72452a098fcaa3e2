/// Which words of a document stand inside quotation marks (“…”, "…", «…»), so that a
/// shared quotation can be told from copied narrative. A quotation left open runs to the
/// end of its paragraph, the news convention for a quote that continues in the next one.
package enum QuotedWords {
  /// One flag per fingerprint word.
  package static func flags(_ document: Document, _ fingerprint: Fingerprint) -> [Bool] {
    var inside = [Bool](repeating: false, count: document.tokens.count)
    document.buffer.bytes.withUnsafeBufferPointer { bytes in
      for paragraph in document.paragraphs {
        var open = false
        for index in paragraph.tokens {
          let token = document.tokens[index]
          if token.kind == .punctuation {
            switch Characters.scalar(in: bytes, at: Int(token.start)).0 {
            case "\u{201C}", "\u{201E}", "\u{00AB}": open = true
            case "\u{201D}", "\u{00BB}": open = false
            case "\"": open.toggle()
            default: break
            }
          } else {
            inside[index] = open
          }
        }
      }
    }
    return fingerprint.words.map { inside[Int($0)] }
  }
}
