import CrosscheckTestSupport
import Foundation
import Testing

/// Command files under Fixtures/ run with `crosscheck -f`; their standard output, standard
/// error and exit status are compared with Golden/NAME.out.
@Suite struct GoldenScriptTests {
  static let fixtures = Golden.folder() + "/Fixtures"

  static var scripts: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { $0.hasSuffix(".ccs") }.sorted()
  }

  @Test(arguments: scripts)
  func matchesItsGoldenOutput(_ script: String) throws {
    let result = try Crosscheck.run(["-f", script], in: Self.fixtures)
    let transcript = result.output + (result.errors.isEmpty ? "" : "--- stderr\n" + result.errors) + "--- exit \(result.status)\n"
    let golden = Golden.folder() + "/Golden/" + script.replacingOccurrences(of: ".ccs", with: ".out")
    #expect(Golden.mismatch(transcript, path: golden) == nil)
  }
}
