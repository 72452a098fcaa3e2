import Testing
@testable import CrosscheckCore

@Suite struct QuoteLexiconTests {
  /// A word's key is the same whether taken from a string or from a text's bytes.
  @Test(arguments: ["said", "Said", "Kyiv’s", "Kyiv's", "didn’t", "’", "–", "—", "café", "\u{E2}", "NATO", "â€x"])
  func stringAndByteKeysAgree(_ word: String) {
    let bytes = Array(word.utf8)
    let fromBytes = bytes.withUnsafeBufferPointer { QuoteLexicon.key($0, 0..<$0.count) }
    #expect(QuoteLexicon.key(word) == fromBytes)
  }

  @Test func verbFormsCoverEveryTense() {
    for word in ["emphasised", "emphasizes", "admitted", "admitting", "replied", "says", "told", "wrote", "urging", "noted"] {
      #expect(QuoteLexicon.reportingVerbs.contains(QuoteLexicon.key(word)), "\(word)")
    }
  }
}
