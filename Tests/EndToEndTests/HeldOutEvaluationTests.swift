import Testing

/// The held-out articles (`Tests/CrosscheckCoreTests/Fixtures/held-out`): four stories told by
/// three outlets each, in different house styles, scored by every `scripts/eval-*` scorer.
/// The thresholds are the figures reached, so that a rule that loses ground fails here.
@Suite struct HeldOutEvaluationTests {
  static let folder = Crosscheck.packageRoot + "/Tests/CrosscheckCoreTests/Fixtures/held-out"

  @Test func quotesAndSpeakers() throws {
    let output = try EvaluationScript.run("eval-quotes", [Self.folder + "/gold"])
    #expect(EvaluationScript.figure("quotes F1", in: output) >= 1.0)
    #expect(EvaluationScript.figure("speaker_acc", in: output) >= 0.93)
    #expect(EvaluationScript.figure("groups F1", in: output) >= 0.96)
  }

  @Test func claims() throws {
    let output = try EvaluationScript.run("eval-claims", [Self.folder + "/gold", "--binary", Crosscheck.binary])
    #expect(EvaluationScript.figure("claims F1", in: output) >= 0.96)
    #expect(EvaluationScript.figure("value_acc", in: output) >= 0.95)
    #expect(EvaluationScript.figure("agreement_acc", in: output) >= 0.75)
    #expect(EvaluationScript.figure("conflict_recall", in: output) >= 0.4)
    #expect(EvaluationScript.figure("false_conflicts", in: output) == 0)
  }

  @Test func boilerplate() throws {
    let output = try EvaluationScript.run("eval-boilerplate", [Self.folder, "--binary", Crosscheck.binary])
    #expect(EvaluationScript.figure("P", in: output) >= 1.0)
    #expect(EvaluationScript.figure("R", in: output) >= 0.46)
  }
}
