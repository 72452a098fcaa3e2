import Foundation
import Testing

@Suite struct CommandLineTests {
  @Test(.enabled(if: Crosscheck.hasSharedCorpus, "needs ../shared/corpus/rutte-kyiv"))
  func sourcesAsJSONOnTheRealCorpus() throws {
    let result = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", "sources --format json"])
    #expect(result.status == 0)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    #expect(array.count == 5)
    for object in array {
      for key in ["id", "path", "outlet", "title", "date", "words", "sentences"] { #expect(object.keys.contains(key), "missing \(key)") }
    }
    #expect(array.first?["outlet"] as? String == "UPI")
    #expect(array.map { $0["id"] as? String ?? "" }.allSatisfy { $0.count == 20 })
  }

  @Test(.enabled(if: Crosscheck.hasSharedCorpus, "needs ../shared/corpus/rutte-kyiv"))
  func sourcesAsCSVOnTheRealCorpus() throws {
    let result = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", "sources --format csv"])
    let lines = result.output.split(separator: "\n")
    #expect(result.status == 0)
    #expect(lines.count == 6)
    #expect(lines.first == "id,outlet,title,date,words,sentences,quotes,claims")
  }

  @Test(.enabled(if: Crosscheck.hasSharedCorpus, "needs ../shared/corpus/rutte-kyiv"))
  func commandsFromStandardInputWithoutATerminal() throws {
    let result = try Crosscheck.run([], input: "load \(Crosscheck.sharedCorpus)\nsources\n")
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("Loaded 5 documents"))
    #expect(result.output.contains("000_b917d12392388f0a  UPI"))
    #expect(!result.output.contains("crosscheck>"))
    #expect(result.errors.isEmpty)
  }

  @Test func aTypoInACommandFileStopsItWithFileAndLine() throws {
    let folder = Crosscheck.temporaryFolder()
    let script = folder + "/bad.ccs"
    try "echo first\n# a comment\nqoutes\necho never\n".write(toFile: script, atomically: true, encoding: .utf8)
    let result = try Crosscheck.run(["-f", "bad.ccs"], in: folder)
    #expect(result.status == 1)
    #expect(result.output == "first\n")
    #expect(result.errors.contains("bad.ccs:3: error: unknown command 'qoutes'; did you mean '"))
  }

  @Test func keepGoingRunsTheRestAndStillFails() throws {
    let folder = Crosscheck.temporaryFolder()
    try "nope\necho after\n".write(toFile: folder + "/k.ccs", atomically: true, encoding: .utf8)
    let result = try Crosscheck.run(["--keep-going", "-f", "k.ccs"], in: folder)
    #expect(result.status == 1)
    #expect(result.output == "after\n")
  }

  @Test func runsFilesAndCommandsInTheOrderGiven() throws {
    let folder = Crosscheck.temporaryFolder()
    try "echo two\n".write(toFile: folder + "/two.ccs", atomically: true, encoding: .utf8)
    let result = try Crosscheck.run(["-c", "echo one", "-f", "two.ccs", "-c", "echo three"], in: folder)
    #expect(result.output == "one\ntwo\nthree\n")
    #expect(result.status == 0)
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try Crosscheck.run(["--format", "yaml", "-c", "echo"]).status == 2)
    #expect(try Crosscheck.run(["--no-such-flag"]).status == 2)
  }

  @Test func aCommandThatFailsExitsWithOne() throws {
    let result = try Crosscheck.run(["-c", "show 1"])
    #expect(result.status == 1)
    #expect(result.errors == "error: no documents are loaded (use 'load PATH')\n")
  }

  @Test func documentControlCharactersArriveEscaped() throws {
    let folder = Crosscheck.temporaryFolder()
    try "Title \u{1B}]0;pwned\u{07} here\n\nBody \u{1B}[2J text. And \u{9B}31m more.".write(toFile: folder + "/evil.txt", atomically: true, encoding: .utf8)
    for command in ["sources", "show evil", "show evil --raw", "sources evil", "show evil --sentences", "sources --format csv", "sources --format markdown", "sources --format text"] {
      let result = try Crosscheck.run(["evil.txt", "-c", command], in: folder)
      #expect(result.status == 0)
      #expect(!result.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B } || command.contains("csv"), "\(command)")
    }
    let shown = try Crosscheck.run(["evil.txt", "-c", "show evil --raw"], in: folder).output
    #expect(shown.contains("\\x1B]0;pwned\\x07"))
    #expect(shown.contains("\\x1B[2J"))
    let json = try Crosscheck.run(["evil.txt", "-c", "show evil --raw --format json"], in: folder).output
    #expect(json.contains("\\u001b]0;pwned\\u0007"))
  }

  @Test func pathsOnTheCommandLineReportLoadingOnStandardError() throws {
    let folder = Crosscheck.temporaryFolder()
    try "One story here.".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
    let result = try Crosscheck.run(["a.txt", "missing.txt", "-c", "sources --format csv"], in: folder)
    #expect(result.output == "id,outlet,title,date,words,sentences,quotes,claims\na,,,,3,1,0,0\n")
    #expect(result.errors.contains("skipped missing.txt: no such file or folder"))
  }
}

@Suite struct QuoteCollationTests {
  @Test(.enabled(if: Crosscheck.hasSharedCorpus, "needs ../shared/corpus/rutte-kyiv"))
  func theRedLineQuoteShowsItsThreePunctuations() throws {
    let groups = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", "quotes --format json"])
    let list = try #require(try JSONSerialization.jsonObject(with: Data(groups.output.utf8)) as? [[String: Any]])
    let group = try #require(list.first { ($0["canonical"] as? String)?.contains("crossed a red line") == true }?["group"] as? String)
    let result = try Crosscheck.run([Crosscheck.sharedCorpus, "-c", "diff quote \(group) --format json"])
    #expect(result.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let columns = try #require(json["columns"] as? [[String: Any]])
    let variants = columns.filter { $0["variant"] as? Bool == true }.map { ($0["cells"] as? [String?] ?? []).compactMap { $0 } }
    // 000 "not Ukraine, it is", 001 "not Ukraine; it is", 004 (spliced into a longer quote) "not Ukraine – it is".
    #expect(variants.contains([",", ";", "–"]))
    let witnesses = try #require(json["witnesses"] as? [[String: Any]])
    #expect(witnesses.map { ($0["doc"] as? String ?? "").prefix(3) } == ["000", "001", "004"])
  }
}
