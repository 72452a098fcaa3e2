import Foundation
import Testing

/// `compare --format json` on the gold corpora: the judgements and passages of each
/// `gold/reuse.json`, read through the JSON interface (code point offsets), as
/// `scripts/eval-compare` scores them.
@Suite struct CompareJSONTests {
  static let corpora = [Crosscheck.packageRoot + "/samples/riverton-flood", Crosscheck.sharedCorpus]
  static let reuse: Set<String> = ["paraphrased rewrite", "shares verbatim passages"]

  func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
  func stem(_ value: Any?) -> String { ((value as? String ?? "") as NSString).deletingPathExtension }

  @Test(arguments: corpora)
  func reportsTheGoldReuse(_ corpus: String) throws {
    guard FileManager.default.fileExists(atPath: corpus + "/gold/reuse.json") else { return }  // the shared corpus is optional
    let result = try Crosscheck.run([corpus, "-c", "compare --format json"])
    #expect(result.status == 0)
    let output = try object(try JSONSerialization.jsonObject(with: Data(result.output.utf8)))
    var pairs: [String: [String: Any]] = [:]
    for case let pair as [String: Any] in output["pairs"] as? [Any] ?? [] {
      for field in ["a", "b", "jaccard", "containment_a_in_b", "containment_b_in_a", "passages"] { #expect(pair[field] != nil) }
      pairs["\(stem(pair["a"]))|\(stem(pair["b"]))"] = pair
    }
    let gold = try object(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: corpus + "/gold/reuse.json"))))
    for case let expected as [String: Any] in gold["pairs"] as? [Any] ?? [] {
      let a = stem(expected["a"])
      let b = stem(expected["b"])
      let judgement = expected["judgement"] as? String ?? ""
      let flipped = pairs["\(a)|\(b)"] == nil
      let found = pairs[flipped ? "\(b)|\(a)" : "\(a)|\(b)"]
      let label = found?["judgement"] as? String ?? "independent"
      let want = Self.reuse.contains(judgement) ? "shares text" : judgement
      #expect(label == want, "\(a) / \(b)")
      guard want == "shares text" else { continue }
      let passages = found?["passages"] as? [[String: Any]] ?? []
      for case let passage as [String: Any] in expected["passages"] as? [Any] ?? [] where (passage["words_matched"] as? Int ?? 0) >= 8 {
        let goldA = (passage["a_start"] as? Int ?? 0)..<(passage["a_end"] as? Int ?? 0)
        let goldB = (passage["b_start"] as? Int ?? 0)..<(passage["b_end"] as? Int ?? 0)
        let hit = passages.contains { p in
          let x = (p["a_start"] as? Int ?? 0)..<(p["a_end"] as? Int ?? 0)
          let y = (p["b_start"] as? Int ?? 0)..<(p["b_end"] as? Int ?? 0)
          return (flipped ? y : x).overlaps(goldA) && (flipped ? x : y).overlaps(goldB)
        }
        #expect(hit, "\(a) / \(b): gold passage \(goldA) not found")
      }
    }
  }
}
