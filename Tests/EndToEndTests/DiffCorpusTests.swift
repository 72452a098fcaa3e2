import Foundation
import Testing

/// `diff` on the shared corpus, when it is beside the clone: a paraphrased rewrite is
/// aligned sentence by sentence.
@Suite struct DiffCorpusTests {
  @Test(.enabled(if: Crosscheck.hasSharedCorpus))
  func alignsAParaphrasedRewrite() throws {
    let result = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", "diff 000 001 --stat --format json"])
    #expect(result.status == 0)
    let json = String(result.output[result.output.firstIndex(of: "{")!...])
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let stats = object?["stats"] as? [String: Int]
    // 000 has 27 body sentences and 001 25; most are reworded versions of each other.
    #expect((stats?["sentences_aligned"] ?? 0) >= 12)
    #expect((stats?["sentences_only_a"] ?? 99) <= 15)
  }
}
