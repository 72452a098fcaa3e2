import Foundation
import Testing
@testable import CrosscheckCore

/// The reuse answer keys of the gold corpora: pairs, judgements and passages.
@Suite struct ReuseAnalysisTests {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()
  static let corpora = [packageRoot + "/samples/riverton-flood", packageRoot + "/../shared/corpus/rutte-kyiv"]
  static let reuseJudgements: Set<String> = ["paraphrased rewrite", "shares verbatim passages"]

  struct GoldPair {
    var a: String
    var b: String
    var judgement: String
    var direction: String?
    var passages: [(a: Range<Int>, b: Range<Int>, words: Int)]
  }

  static func gold(_ corpus: String) throws -> [GoldPair] {
    let data = try Data(contentsOf: URL(fileURLWithPath: corpus + "/gold/reuse.json"))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let pairs = try #require(root["pairs"] as? [[String: Any]])
    func stem(_ name: Any?) -> String { ((name as? String ?? "") as NSString).deletingPathExtension }
    return pairs.map { pair in
      let passages = (pair["passages"] as? [[String: Any]] ?? []).map { p in
        (a: (p["a_start"] as? Int ?? 0)..<(p["a_end"] as? Int ?? 0), b: (p["b_start"] as? Int ?? 0)..<(p["b_end"] as? Int ?? 0),
         words: p["words_matched"] as? Int ?? 0)
      }
      return GoldPair(a: stem(pair["a"]), b: stem(pair["b"]), judgement: pair["judgement"] as? String ?? "",
                      direction: pair["direction"] as? String, passages: passages)
    }
  }

  @Test(arguments: corpora)
  func findsTheGoldPairsAndPassages(_ corpus: String) throws {
    guard FileManager.default.fileExists(atPath: corpus + "/gold/reuse.json") else { return }  // the shared corpus is optional
    let documents = DocumentLoader().load([corpus], existing: Corpus()).loaded
    let analysis = ReuseAnalysis(documents)
    let position = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
    for gold in try Self.gold(corpus) {
      let a = try #require(position[gold.a])
      let b = try #require(position[gold.b])
      let pair = analysis.comparison(a, b)
      let expected: ReuseJudgement =
        Self.reuseJudgements.contains(gold.judgement) ? .reuse : gold.judgement == "independent" ? .independent : .quotesOnly
      #expect(pair.judgement == expected, "\(gold.a) / \(gold.b): gold '\(gold.judgement)'")
      guard expected == .reuse else { continue }
      // Every gold passage of a reuse pair overlaps a found passage on both sides.
      let (da, db) = (documents[pair.a], documents[pair.b])
      let flipped = pair.a != a
      for passage in gold.passages where passage.words >= 8 {
        let hit = pair.passages.contains { found in
          let x = da.scalarRange(found.aBytes)
          let y = db.scalarRange(found.bBytes)
          let (onA, onB) = flipped ? (y, x) : (x, y)
          return onA.overlaps(passage.a) && onB.overlaps(passage.b)
        }
        #expect(hit, "\(gold.a) / \(gold.b): passage at \(passage.a) not found")
      }
      // A direction "X derived from Y" is the hint's.
      if let direction = gold.direction, direction.contains(" derived from "), !direction.hasPrefix("neither") {
        let parts = direction.components(separatedBy: " derived from ")
        let derived = try #require(pair.hint?.derived)
        let source = try #require(pair.hint?.source)
        #expect(documents[derived].id.hasPrefix(parts[0]))
        #expect(documents[source].id.hasPrefix(parts[1]))
      }
    }
  }

  @Test(arguments: corpora)
  func minHashGivesTheSameAnswersOnThePairsItFinds(_ corpus: String) {
    guard FileManager.default.fileExists(atPath: corpus) else { return }
    let documents = DocumentLoader().load([corpus], existing: Corpus()).loaded
    let exact = ReuseAnalysis(documents, method: .exactIndex)
    let lsh = ReuseAnalysis(documents, method: .minHashLSH)
    for pair in lsh.pairs {
      let other = exact.comparison(pair.a, pair.b)
      #expect(other.score == pair.score)
      #expect(other.judgement == pair.judgement)
      #expect(other.passages == pair.passages)
    }
    // Every pair that shares text is found by both.
    #expect(exact.pairs.filter { $0.judgement == .reuse }.count == lsh.pairs.filter { $0.judgement == .reuse }.count)
  }

  @Test func lineageSeparatesSameOutletFromOtherOutlets() {
    let wire = "PORTVILLE, March 3 (Tidewire) — A container crane toppled onto the quay at Pier 4 on Monday evening during a violent storm, injuring two dock workers."
    let update = "A container crane toppled onto the quay at Pier 4 on Monday evening during a violent storm, the port said on Tuesday, when the terminal reopened."
    let rewrite = "A crane fell. A container crane toppled onto the quay at Pier 4 on Monday evening during a violent storm, residents said."
    func document(_ id: String, _ text: String, _ outlet: String) -> Document {
      Document(id: id, origin: id, text: text, format: .text, metadata: DocumentMetadata(outlet: MetadataValue(outlet)))
    }
    let analysis = ReuseAnalysis([document("wire", wire, "Tidewire"), document("update", update, "Tidewire"), document("rewrite", rewrite, "Coast Daily")])
    let lineage = analysis.lineage()
    #expect(lineage[1].sameOutletWords > 0)
    #expect(lineage[2].sameOutletWords == 0)
    #expect(lineage[2].otherOutletWords > 0)
    #expect(lineage[0].originalShare < 0.5)
    let hint = analysis.comparison(0, 2).hint
    #expect(hint?.source == 0)
    #expect(hint?.reason.contains("wire dateline (Tidewire)") == true)
    #expect(analysis.clusters() == [[0, 1, 2]])
  }
}
