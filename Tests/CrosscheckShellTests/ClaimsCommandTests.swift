import CrosscheckTestSupport
import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct ClaimsCommandTests {
  static let sample = (#filePath as NSString).deletingLastPathComponent + "/../../samples/riverton-flood"

  static func shell() -> (Shell, TestConsole) {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("set width 120")
    shell.execute("load '\(sample)'")
    console.output = ""
    console.errors = ""
    return (shell, console)
  }

  /// The group list, one conflict in detail, and the JSON of one group, as golden files.
  @Test(arguments: [
    ("claims-list", ["claims --conflicts --explain", "claims --kind money"]),
    ("claims-group", ["claims C2 --explain"]),
    ("claims-json", ["claims C20 --format json", "claims --all --source kvrt --kind money --format json"]),
  ])
  func rendersAsRecorded(_ name: String, _ commands: [String]) {
    let (shell, console) = Self.shell()
    for command in commands { #expect(shell.execute(command), "\(command): \(console.errors)") }
    #expect(Golden.mismatch(console.output, path: Golden.folder() + "/Golden/\(name).txt") == nil)
  }

  @Test func listsConflictsFirst() throws {
    let (shell, console) = Self.shell()
    #expect(shell.execute("claims --format json"))
    let groups = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [[String: Any]])
    let agreements = groups.map { $0["agreement"] as! String }
    let firstOther = agreements.firstIndex { $0 != "conflict" } ?? agreements.count
    #expect(agreements[..<firstOther].allSatisfy { $0 == "conflict" })
    #expect(!agreements[firstOther...].contains("conflict"))
    for group in groups {
      for member in group["members"] as! [[String: Any]] {
        for key in ["doc", "start", "end", "text", "sentence", "kind", "value", "unit"] { #expect(member.keys.contains(key), "\(key)") }
      }
    }
  }

  @Test func rejectsAnUnknownGroupAndKind() {
    let (shell, console) = Self.shell()
    #expect(!shell.execute("claims C999"))
    #expect(console.errors.contains("no claim group 'C999'"))
    #expect(!shell.execute("claims --kind weight"))
  }

  @Test func setsAnExchangeRate() {
    let (shell, console) = Self.shell()
    #expect(shell.execute("set rate EUR USD 1.10"))
    #expect(shell.execute("set rate"))
    #expect(console.output.contains("EUR USD 1.1"))
    #expect(!shell.execute("set rate EUR USD -3"))
    #expect(!shell.execute("set rate EURO USD 1.1"))
  }
}
