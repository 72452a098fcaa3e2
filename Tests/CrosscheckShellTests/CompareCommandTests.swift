import Testing
@testable import CrosscheckShell

@Suite struct CompareCommandTests {
  @Test(arguments: [(0.0, "  "), (0.019, "  "), (0.02, "░░"), (0.1, "▒▒"), (0.3, "▓▓"), (0.5, "██"), (1.0, "██")])
  func shadesFollowTheSteps(_ value: Double, _ shade: String) {
    #expect(CompareRendering.shade(value) == shade)
  }

  @Test func helpComesFromTheDeclaration() {
    let spec = CompareCommand.spec
    #expect(spec.synopsis == "compare [DOC] [OTHER] [OPTIONS]")
    #expect(spec.allOptions.map(\.name).contains("method"))
    #expect(CommandRegistry().command(named: "compare") != nil)
  }
}
