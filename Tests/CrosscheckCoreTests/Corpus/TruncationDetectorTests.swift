import Testing
@testable import CrosscheckCore

@Suite struct TruncationDetectorTests {
  func document(_ text: String) -> Document { Document(id: "t", origin: "t", text: text, format: .text) }

  @Test func flagsAnArticleThatEndsMidSentence() {
    let cut = document("The levee failed before dawn on Thursday.\nOfficials said the repairs that had been ordered in 2021 were never carried out because the")
    #expect(cut.truncated)
    #expect(cut.internalTruncations.isEmpty)
    let trailing = document("The levee failed before dawn.\nOfficials said the repairs that had been ordered in 2021 were never carried out...")
    #expect(trailing.truncated)
  }

  @Test func flagsAParagraphCutOffInsideTheText() throws {
    let text = "The president spoke after the meeting.\nThey discussed the needs of units and Ukrainian needs for air defense and further cooperation with neighbor\nThe talks ended at noon."
    let document = document(text)
    #expect(!document.truncated)
    let cut = try #require(document.internalTruncations.first)
    #expect(document.string(cut).hasSuffix("with neighbor"))
  }

  @Test(arguments: [
    "NATO membership\nThe talks ended at noon.",
    "“It is over,” he said.\n“We will rebuild.”",
    "Officials said:\n- the road is shut;\n- the bridge is open.",
    "The talks ended at noon.\nWhat comes next",
  ])
  func leavesSubheadingsAndFinishedSentencesAlone(text: String) {
    let document = document(text)
    #expect(!document.truncated)
    #expect(document.internalTruncations.isEmpty)
  }
}
