import Foundation
import Testing
@testable import CrosscheckShell

/// `--explain` adds an `explanation` field to the JSON of quotes, speakers, claims and
/// compare (docs/json.md), and only then.
@Suite struct ExplainJSONTests {
  static let sample = (#filePath as NSString).deletingLastPathComponent + "/../../samples/riverton-flood"

  /// The parsed JSON a command prints.
  static func json(_ command: String) throws -> Any {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load '\(sample)'"))
    console.output = ""
    #expect(shell.execute(command + " --format json"), "\(console.errors)")
    return try JSONSerialization.jsonObject(with: Data(console.output.utf8))
  }

  /// The objects that carry explanations: the list's items, a compare output's pairs, a
  /// claim group itself, or a quote group's members.
  static func items(_ value: Any) -> [[String: Any]] {
    if let list = value as? [[String: Any]] { return list }
    if let object = value as? [String: Any], object["agreement"] != nil { return [object] }
    if let object = value as? [String: Any], let pairs = object["pairs"] as? [[String: Any]] { return pairs }
    if let object = value as? [String: Any], let members = object["members"] as? [[String: Any]] { return members }
    return []
  }

  @Test(arguments: ["quotes --all", "quotes", "quotes Q4", "speakers", "claims", "claims C2", "compare", "compare coastwire metro-herald"])
  func explanationOnlyWithExplain(_ command: String) throws {
    let plain = Self.items(try Self.json(command))
    let explained = Self.items(try Self.json(command + " --explain"))
    #expect(!explained.isEmpty)
    #expect(plain.allSatisfy { $0["explanation"] == nil })
    #expect(explained.contains { $0["explanation"] != nil })
  }

  @Test func aMisattributedQuoteSaysWhomTheOthersCredit() throws {
    let members = Self.items(try Self.json("quotes Q4 --explain"))
    let misattributed = try #require(members.first { ($0["variant"] as? String)?.contains("misattributed") == true })
    let explanation = try #require(misattributed["explanation"] as? String)
    #expect(explanation.hasPrefix("Credited to Adaeze Okonkwo because the words right after the quote say “the mayor said”."))
    #expect(explanation.contains("most sources that carry these words credit them to Ray Dufresne"))
  }
}
