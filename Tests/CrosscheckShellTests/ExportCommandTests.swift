import Foundation
import Testing
@testable import CrosscheckShell

/// Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVReader {
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r": continue
      case "\n":
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }
}

@Suite struct ExportCommandTests {
  static let sample = (#filePath as NSString).deletingLastPathComponent + "/../../samples/riverton-flood"
  static let docs = (#filePath as NSString).deletingLastPathComponent + "/../../docs/export.md"

  static func export(_ format: String, corpus: String = sample) throws -> (folder: String, console: TestConsole, shell: Shell) {
    let folder = NSTemporaryDirectory() + "crosscheck-export-" + UUID().uuidString + "/tables"
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(corpus)'")
    console.output = ""
    #expect(shell.execute("export '\(folder)' --format \(format)"), "\(console.errors)")
    return (folder, console, shell)
  }

  static func read(_ path: String) throws -> String {
    String(decoding: try #require(FileManager.default.contents(atPath: path), "\(path) was written"), as: UTF8.self)
  }

  /// The number of rows a command's JSON gives.
  static func count(_ command: String, in shell: Shell, _ console: TestConsole) throws -> Int {
    console.output = ""
    #expect(shell.execute(command + " --format json"))
    return try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [Any]).count
  }

  @Test func writesOneCSVFilePerTableWithTheRowsOfTheCommands() throws {
    let (folder, console, shell) = try Self.export("csv")
    defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
    #expect(console.output.hasPrefix("table"))
    for name in ExportTables.names { #expect(console.output.contains("\(name).csv")) }
    let expected = [
      "sources": try Self.count("sources", in: shell, console), "quotes": try Self.count("quotes --all", in: shell, console),
      "speakers": try Self.count("speakers", in: shell, console), "quote_groups": try Self.count("quotes", in: shell, console),
      "claims": try Self.count("claims --all", in: shell, console), "claim_groups": try Self.count("claims", in: shell, console),
    ]
    for (name, rows) in expected {
      let table = CSVReader.rows(try Self.read("\(folder)/\(name).csv"))
      #expect(table.count == rows + 1, "\(name): a header and \(rows) rows")
      #expect(Set(table.map(\.count)).count == 1, "\(name): every row has every column")
    }
    let sources = CSVReader.rows(try Self.read(folder + "/sources.csv"))
    #expect(sources[0].prefix(4) == ["number", "id", "path", "outlet"])
    #expect(sources[1].prefix(2) == ["1", "coastwire"])
    let quotes = CSVReader.rows(try Self.read(folder + "/quotes.csv"))
    let header = quotes[0]
    let first = Dictionary(uniqueKeysWithValues: zip(header, quotes[1]))
    // Offsets are code points into the original text, as in --format json.
    let text = try Self.read(Self.sample + "/coastwire.txt")
    let scalars = Array(text.unicodeScalars)
    let start = try #require(Int(first["start"] ?? ""))
    let end = try #require(Int(first["end"] ?? ""))
    var quoted = ""
    quoted.unicodeScalars.append(contentsOf: scalars[start..<end])
    #expect(quoted == first["text"])
    let similarity = CSVReader.rows(try Self.read(folder + "/similarity.csv"))
    #expect(similarity[0].prefix(3) == ["a", "b", "jaccard"])
    #expect(similarity.dropFirst().allSatisfy { Double($0[2]).map { (0...1).contains($0) } ?? false })
  }

  @Test func writesJSONLinesWithTheSameColumns() throws {
    let (folder, _, _) = try Self.export("jsonl")
    defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
    let csv = try Self.export("csv")
    defer { try? FileManager.default.removeItem(atPath: (csv.folder as NSString).deletingLastPathComponent) }
    for name in ExportTables.names {
      let lines = try Self.read("\(folder)/\(name).jsonl").split(separator: "\n")
      let header = CSVReader.rows(try Self.read("\(csv.folder)/\(name).csv"))[0]
      #expect(lines.count == CSVReader.rows(try Self.read("\(csv.folder)/\(name).csv")).count - 1)
      for line in lines {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(header), "\(name)")
      }
    }
    let speakers = try Self.read(folder + "/speakers.jsonl").split(separator: "\n")
    let first = try #require(try JSONSerialization.jsonObject(with: Data(speakers[0].utf8)) as? [String: Any])
    #expect(first["aliases"] is [Any], "lists stay arrays in JSON Lines")
  }

  @Test func awkwardTextSurvivesTheRoundTrip() throws {
    let corpus = NSTemporaryDirectory() + "crosscheck-export-corpus-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let quote = "We said no, then \u{2018}yes\u{2019}, =SUM(A1); twice"
    let text = "Title, with comma\n\n\u{201C}\(quote),\u{201D} said Ada Byron, the mayor.\n"
    _ = FileManager.default.createFile(atPath: corpus + "/odd,name.txt", contents: Data(text.utf8))
    let (folder, _, _) = try Self.export("csv", corpus: corpus)
    defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
    let rows = CSVReader.rows(try Self.read(folder + "/quotes.csv"))
    let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
    #expect(row["text"] == quote + ",", "the comma inside the marks is part of the quotation")
    #expect(row["doc"] == "odd,name")
    #expect(row["speaker"] == "Ada Byron")
  }

  @Test func sourceLimitsTheTables() throws {
    let folder = NSTemporaryDirectory() + "crosscheck-export-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(Self.sample)'")
    #expect(shell.execute("export '\(folder)' --source coastwire,metro"))
    let sources = CSVReader.rows(try Self.read(folder + "/sources.csv"))
    #expect(sources.dropFirst().map { $0[1] } == ["coastwire", "metro-herald"])
    let quotes = CSVReader.rows(try Self.read(folder + "/quotes.csv"))
    #expect(Set(quotes.dropFirst().map { $0[1] }) == ["coastwire", "metro-herald"])
  }

  /// Every column of every table is described in docs/export.md, under its table's heading.
  @Test func theDocumentationDescribesEveryColumn() throws {
    let docs = try Self.read(Self.docs)
    let (folder, _, _) = try Self.export("csv")
    defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
    for name in ExportTables.names {
      let section = try #require(docs.components(separatedBy: "\n## ").first { $0.hasPrefix("`\(name)`") }, "a section for \(name)")
      for column in CSVReader.rows(try Self.read("\(folder)/\(name).csv"))[0] {
        #expect(section.contains("| `\(column)` |"), "\(name).\(column) is documented")
      }
    }
  }

  @Test func refusesAFolderItCannotMake() throws {
    let file = NSTemporaryDirectory() + "crosscheck-export-file-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(Self.sample)'")
    #expect(!shell.execute("export '\(file)'"))
    #expect(console.errors.contains("cannot create the folder"))
    #expect(!shell.execute("export x --format xml"))
    #expect(console.errors.contains("valid values: csv, jsonl"))
  }
}

@Suite struct BlindReportAndExportTests {
  /// Outlet names and ids of the sample corpus that blind mode must keep out of the files.
  static let giveaways = ["Coastwire", "Metro Herald", "Valley Ledger", "Riverton Gazette", "KVRT", "coastwire", "metro-herald"]

  @Test func blindModeHidesOutletsInTheReportAndTheTables() throws {
    let folder = NSTemporaryDirectory() + "crosscheck-blind-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load '\(ExportCommandTests.sample)'")
    #expect(shell.execute("set blind on"), "\(console.errors)")
    #expect(shell.execute("report '\(folder)/page.html'"), "\(console.errors)")
    #expect(shell.execute("export '\(folder)/tables'"), "\(console.errors)")
    let page = try ExportCommandTests.read(folder + "/page.html")
    let sources = try ExportCommandTests.read(folder + "/tables/sources.csv")
    let quotes = try ExportCommandTests.read(folder + "/tables/quotes.csv")
    for name in Self.giveaways {
      #expect(!page.contains(name), "the blind report names \(name)")
      #expect(!sources.contains(name), "the blind sources table names \(name)")
      #expect(!quotes.contains(name), "the blind quotes table names \(name)")
    }
    #expect(page.contains("Source A"))
    #expect(sources.contains("Source A"))

    #expect(shell.execute("reveal"), "\(console.errors)")
    #expect(shell.execute("report '\(folder)/open.html'"), "\(console.errors)")
    #expect(try ExportCommandTests.read(folder + "/open.html").contains("Coastwire"))
  }
}
