import Foundation
import Testing

/// `crosscheck diff FILE FILE`: the word diff of two files, run before the shell starts.
@Suite struct DiffFilesTests {
  static func files(_ a: String, _ b: String) throws -> (String, String) {
    let folder = Crosscheck.temporaryFolder()
    let (first, second) = (folder + "/old.txt", folder + "/new.txt")
    try a.write(toFile: first, atomically: true, encoding: .utf8)
    try b.write(toFile: second, atomically: true, encoding: .utf8)
    return (first, second)
  }

  @Test func marksTheChangedWordsInPlace() throws {
    let (a, b) = try Self.files("NATO chief visits Ukraine.\nHe pledged aid.\n", "NATO chief visits Kyiv.\nHe pledged more aid.\n")
    let result = try Crosscheck.run(["diff", a, b])
    #expect(result.status == 0)
    #expect(result.output == "NATO chief visits [-Ukraine-]{+Kyiv+}.\nHe pledged {+more+} aid.\n")
    #expect(result.errors.isEmpty)
    // The same as the shell's command on the two files.
    let shell = try Crosscheck.run(["-c", "diff --files '\(a)' '\(b)' --words"])
    #expect(shell.output == result.output + "\n")
  }

  @Test func jsonAndStatistics() throws {
    let (a, b) = try Self.files("“Aid” is coming, Rutte said.\n", "“Aid” is coming soon, Rutte said.\n")
    let json = try Crosscheck.run(["diff", a, b, "--format", "json"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["a"] as? String == a && object["minimal"] as? Bool == true)
    let ops = try #require(object["ops"] as? [[String: Any]])
    let insert = try #require(ops.first { $0["op"] as? String == "insert" })
    #expect(insert["b_text"] as? String == "soon")
    // Code point offsets: “ counts as one.
    #expect(insert["b_start"] as? Int == 16 && insert["b_end"] as? Int == 20)
    let stat = try Crosscheck.run(["diff", a, b, "--stat"])
    #expect(stat.output.hasPrefix("words changed: 1 (0 deleted, 1 inserted)"))
  }

  @Test func errorsExitWithTheirStatus() throws {
    let (a, _) = try Self.files("text\n", "text\n")
    let missing = try Crosscheck.run(["diff", a, a + ".missing"])
    #expect(missing.status == 1)
    #expect(missing.errors.contains("cannot read '\(a).missing'"))
    let usage = try Crosscheck.run(["diff", a])
    #expect(usage.status == 2)
    #expect(usage.errors.contains("'diff' needs B"))
    let option = try Crosscheck.run(["diff", a, a, "--context", "3"])
    #expect(option.status == 2)
    #expect(option.errors.contains("--context does not combine with --words"))
  }

  /// On loaded documents `diff --words` shows their bodies: boilerplate before the first
  /// body word and after the last (breadcrumbs, bylines, author notes, copyright) is left out.
  @Test func documentsShowOnlyTheirBodies() throws {
    let corpus = Crosscheck.packageRoot + "/samples/riverton-flood"
    let result = try Crosscheck.run([corpus, "-c", "diff valley-ledger metro-herald --words"])
    #expect(result.status == 0)
    #expect(result.output.contains("{+") && result.output.contains("[-"))
    for boilerplate in ["Home » News", "Posted on November 14", "About the author", "© 2024 Valley Ledger Media"] {
      #expect(!result.output.contains(boilerplate), "\(boilerplate)")
    }
  }
}
