import Foundation
import Testing

/// `scripts/eval-quotes` on the answer keys, with the scores the quote commands must keep.
@Suite struct QuoteEvaluationTests {
  struct Scores {
    var quotes: Double
    var speakers: Double
    var groups: Double
  }

  /// Runs the evaluation script with the binary built for these tests.
  static func evaluate(_ goldFolder: String) throws -> Scores {
    let output = try EvaluationScript.run("eval-quotes", [goldFolder])
    return Scores(
      quotes: EvaluationScript.figure("quotes F1", in: output), speakers: EvaluationScript.figure("speaker_acc", in: output),
      groups: EvaluationScript.figure("groups F1", in: output))
  }

  static let thresholds = (quotes: 0.95, speakers: 0.95, groups: 0.90)

  @Test func theSampleCorpus() throws {
    let scores = try Self.evaluate(Crosscheck.packageRoot + "/samples/riverton-flood/gold")
    #expect(scores.quotes >= Self.thresholds.quotes)
    #expect(scores.speakers >= Self.thresholds.speakers)
    #expect(scores.groups >= Self.thresholds.groups)
  }

  @Test(.enabled(if: Crosscheck.hasSharedCorpus, "needs ../shared/corpus/rutte-kyiv"))
  func theSharedCorpus() throws {
    let scores = try Self.evaluate(Crosscheck.sharedCorpus + "/gold")
    #expect(scores.quotes >= Self.thresholds.quotes)
    #expect(scores.speakers >= Self.thresholds.speakers)
    #expect(scores.groups >= Self.thresholds.groups)
  }

  /// Short articles written for these tests in several house styles (wire, tabloid,
  /// broadsheet, live blog, interview, local TV), with their answer keys.
  @Test(arguments: ["quotes", "quotes-unseen", "quotes-final"])
  func theTestArticles(_ folder: String) throws {
    let scores = try Self.evaluate(Crosscheck.packageRoot + "/Tests/CrosscheckCoreTests/Fixtures/\(folder)/gold")
    #expect(scores.quotes >= 0.9)
    #expect(scores.speakers >= 0.9)
    #expect(scores.groups >= 0.9)
  }
}
