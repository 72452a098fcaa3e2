import CrosscheckTestSupport
import Foundation
import Testing

/// The lessons under samples/lessons run unattended, check themselves with `expect`, and
/// print what Golden/lessons/NAME.out holds.
@Suite struct LessonTests {
  static let folder = Crosscheck.packageRoot + "/samples/lessons"

  static var lessons: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".ccs") }.sorted()
  }

  @Test func thereAreAtLeastThreeLessons() {
    #expect(Self.lessons.count >= 3)
  }

  @Test(arguments: lessons)
  func runsGreenAndMatchesItsGoldenOutput(_ lesson: String) throws {
    let result = try Crosscheck.run(["-f", "samples/lessons/" + lesson])
    #expect(result.status == 0, "\(lesson) failed: \(result.errors)")
    #expect(result.errors.isEmpty)
    let golden = Golden.folder() + "/Golden/lessons/" + lesson.replacingOccurrences(of: ".ccs", with: ".out")
    #expect(Golden.mismatch(result.output, path: golden) == nil)
  }

  @Test(arguments: lessons)
  func checksItself(_ lesson: String) throws {
    let text = try String(contentsOfFile: Self.folder + "/" + lesson, encoding: .utf8)
    #expect(text.split(separator: "\n").contains { $0.hasPrefix("expect ") })
  }

  @Test func whoCopiedWhomNamesNoOutletBeforeTheReveal() throws {
    let result = try Crosscheck.run(["-f", "samples/lessons/who-copied-whom.ccs"])
    let parts = result.output.components(separatedBy: "crosscheck> reveal")
    try #require(parts.count == 2)
    let names = ["Coastwire", "KVRT", "Metro Herald", "Riverton Gazette", "Valley Ledger", "Ledger", "Herald", "Gazette"]
    let ids = ["coastwire", "kvrt-news", "metro-herald", "riverton-gazette", "valley-ledger"]
    let blind = parts[0].components(separatedBy: "crosscheck> set blind on")[1]
    for name in names + ids { #expect(!blind.contains(name), "\(name) shows before the reveal") }
    for name in names.prefix(5) { #expect(parts[1].contains(name), "\(name) is revealed") }
  }
}
