import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct SourcesCommandTests {
  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/samples/riverton-flood"
  }()

  func run(_ commands: String...) -> TestConsole {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load " + Self.sample))
    console.output = ""
    for command in commands { #expect(shell.execute(command)) }
    return console
  }

  func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test func listsBoilerplateLineCounts() throws {
    let rows = try #require(try json(run("sources --format json").output) as? [[String: Any]])
    let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["boilerplate_lines"] as! Int) })
    #expect(counts == ["coastwire": 0, "kvrt-news": 3, "metro-herald": 0, "riverton-gazette": 4, "valley-ledger": 7])
  }

  @Test func describesWhatWasRemovedAndWhy() throws {
    let document = try #require(try json(run("sources valley-ledger --format json").output) as? [String: Any])
    #expect(document["outlet"] as? String == "Valley Ledger")
    #expect(document["outlet_inferred"] as? Bool == true)
    #expect(document["outlet_evidence"] as? String == "for the Valley Ledger")
    #expect(document["truncated"] as? Bool == false)
    let removed = try #require(document["boilerplate"] as? [[String: Any]])
    #expect(removed.count == 7)
    #expect(removed.first?["text"] as? String == "Home » News » Local » Riverton levee breach forces 1,200 from homes")
    #expect(removed.first?["start"] as? Int == 0 && removed.first?["end"] as? Int == 67)
    #expect(removed.map { $0["reason"] as? String }.contains("share or follow buttons"))
    // Existing fields stay.
    #expect(document["excluded"] is [Any] && document["title"] as? String == "Riverton levee breach forces 1,200 from homes")
  }

  @Test func showRawMarksRemovedLines() {
    let output = run("show valley-ledger --raw --format text").output
    #expect(output.contains("[navigation] Home » News » Local »"))
    #expect(output.contains("[headline] Riverton levee breach forces 1,200 from homes"))
    #expect(output.contains("[share] Share this: Facebook | X | Email"))
    #expect(output.contains("[author-bio] Jenna Whitlock covers public safety"))
    let body = run("show valley-ledger --format text").output
    #expect(!body.contains("Share this") && body.contains("About 1,200 people in Riverton"))
  }

  @Test func tellsTheReasonsInTheTable() {
    let output = run("sources riverton-gazette").output
    #expect(output.contains("photo caption or credit"))
    #expect(output.contains("newsletter or subscription prompt"))
    #expect(output.contains("Marcus Oyelaran (inferred from"))
  }
}
