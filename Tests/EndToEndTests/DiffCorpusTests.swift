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

  /// `quotes GROUP` names every rendering `diff quote GROUP` collates: its own members and
  /// the longer quotations of other groups that carry its words (004 splices the "red line"
  /// sentence into a longer quotation).
  @Test(.enabled(if: Crosscheck.hasSharedCorpus))
  func quoteDetailListsTheRenderingsTheCollationUses() throws {
    func json(_ command: String) throws -> Any {
      let result = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", command + " --format json"])
      #expect(result.status == 0)
      let start = result.output.firstIndex(where: { $0 == "[" || $0 == "{" })!
      return try JSONSerialization.jsonObject(with: Data(result.output[start...].utf8))
    }
    let groups = try #require(try json("quotes") as? [[String: Any]])
    let redLine = try #require(groups.first { ($0["canonical"] as? String)?.contains("crossed a red line") == true })
    let id = try #require(redLine["group"] as? String)
    let detail = try #require(try json("quotes " + id) as? [String: Any])
    let members = try #require(detail["members"] as? [[String: Any]])
    let inside = try #require(detail["inside_longer"] as? [[String: Any]])
    #expect(inside.contains { ($0["doc"] as? String)?.hasPrefix("004") == true })
    let collated = try #require(try json("diff quote " + id) as? [String: Any])
    let witnesses = try #require(collated["witnesses"] as? [[String: Any]])
    #expect(witnesses.count == members.count + inside.count)
    #expect(Set(witnesses.compactMap { $0["quote"] as? String })
      == Set((members + inside).compactMap { $0["id"] as? String }))
  }
}
