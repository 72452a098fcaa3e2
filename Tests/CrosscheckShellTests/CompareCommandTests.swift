import Foundation
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

  @Test func theCachedComparisonFollowsTheCorpus() throws {
    let folder = NSTemporaryDirectory() + "crosscheck-compare-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let story = "A container crane toppled onto the quay at Pier 4 on Monday evening during a violent storm, injuring two dock workers."
    for (name, text) in [("wire", story), ("copy", "Late news. " + story), ("other", "The island ferry will run every forty minutes from April.")] {
      _ = FileManager.default.createFile(atPath: folder + "/" + name + ".txt", contents: Data(text.utf8))
    }
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load " + folder))
    #expect(shell.execute("compare --format json"))
    #expect(console.output.contains("\"judgement\": \"shares text\""))
    #expect(shell.execute("unload copy"))
    let before = console.output.count
    #expect(shell.execute("compare --format json"))
    #expect(!console.output.dropFirst(before).contains("shares text"))
  }
}
