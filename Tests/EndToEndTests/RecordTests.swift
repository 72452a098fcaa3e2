import Foundation
import Testing

/// `record` writes a session's commands as a command file that, run from anywhere, prints
/// what the session printed.
@Suite struct RecordTests {
  @Test func aRecordedSessionRunsAgainFromAnotherFolder() throws {
    let folder = Crosscheck.temporaryFolder()
    let corpus = Crosscheck.packageRoot + "/samples/riverton-flood"
    try FileManager.default.createDirectory(atPath: folder + "/work/lessons", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder + "/work/corpus", withDestinationPath: corpus)
    let commands = """
      load corpus
      let group = Q4
      quotes $group --explain
      set blind on
      sources --format csv > listing.csv
      reveal
      record lessons/replay.ccs

      """
    let first = try Crosscheck.run([], input: commands, in: folder + "/work")
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.output.contains("Recorded 6 commands to lessons/replay.ccs."))
    let recorded = try String(contentsOfFile: folder + "/work/lessons/replay.ccs", encoding: .utf8)
    #expect(recorded.contains("load ../corpus\n"))
    #expect(recorded.contains("quotes Q4 --explain\n"))
    #expect(recorded.contains("sources --format csv > ../listing.csv\n"))
    #expect(!recorded.contains("record"))

    try FileManager.default.removeItem(atPath: folder + "/work/listing.csv")
    let second = try Crosscheck.run(["-f", folder + "/work/lessons/replay.ccs"], in: folder)
    #expect(second.status == 0, "\(second.errors)")
    let printedBeforeRecord = first.output.components(separatedBy: "Recorded ")[0]
    #expect(second.output == printedBeforeRecord)
    let listing = try String(contentsOfFile: folder + "/work/listing.csv", encoding: .utf8)
    #expect(listing.contains("Source C,Source C"))
  }
}
