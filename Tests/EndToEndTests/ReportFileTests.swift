import Foundation
import Testing

/// `report` and `export` from a command file, as a teacher would prepare one: paths are
/// relative to the command file, and the files land beside it whatever folder it runs from.
@Suite struct ReportFileTests {
  @Test func aCommandFileWritesTheReportAndTablesBesideItself() throws {
    let folder = Crosscheck.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let script = """
      load '\(Crosscheck.packageRoot)/samples/riverton-flood'
      report flood.html --title "Riverton flood" --pairs 1
      export tables
      export notebook --format jsonl --source coastwire,metro
      """
    try FileManager.default.createDirectory(atPath: folder + "/class", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: folder + "/class/make.ccs", contents: Data(script.utf8))
    let result = try Crosscheck.run(["-f", "class/make.ccs"], in: folder)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("Wrote flood.html: 5 sources, "))
    #expect(result.output.contains("1 pair side by side"))
    let html = try #require(FileManager.default.contents(atPath: folder + "/class/flood.html"))
    #expect(String(decoding: html, as: UTF8.self).contains("<title>Riverton flood</title>"))
    for table in ["sources", "quotes", "speakers", "quote_groups", "claims", "claim_groups", "similarity"] {
      #expect(FileManager.default.fileExists(atPath: "\(folder)/class/tables/\(table).csv"))
      #expect(FileManager.default.fileExists(atPath: "\(folder)/class/notebook/\(table).jsonl"))
    }
    let sources = String(decoding: try #require(FileManager.default.contents(atPath: folder + "/class/notebook/sources.jsonl")), as: UTF8.self)
    #expect(sources.split(separator: "\n").count == 2)
  }
}
