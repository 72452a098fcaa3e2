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

  /// The launcher runs `diff FILE FILE` itself on plain text; on random pairs its output is
  /// byte for byte the full program's (which the launcher hands every other file to).
  @Test func launcherWritesWhatTheFullProgramWrites() throws {
    let pieces = [
      "the", "The", "minister", "said", "Kyiv’s", "1,200", "44.1", "“aid”", "—", ",", ".", "well-known", "can't",
      "état", "naïve", "\t", "\n", "\n\n", "(", ")", "Secretary-General", "über", "日本", "🙂",
    ]
    var seed: UInt64 = 0x5EED_D1FF
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for count in [0, 1, 8, 40, 300, 3_000] {
      for rate in [2, 5, 50] {
        let a = (0..<count).map { _ in pieces[next(pieces.count)] }
        var b: [String] = []
        for word in a {
          switch next(rate) {
          case 0: b.append(pieces[next(pieces.count)])
          case 1: break
          case 2: b += [word, pieces[next(pieces.count)]]
          default: b.append(word)
          }
        }
        let (first, second) = try Self.files(a.joined(separator: " "), b.joined(separator: " ") + "\n")
        let launcher = try Crosscheck.run(["diff", first, second])
        let shell = try Crosscheck.run(["diff", first, second], program: Crosscheck.shellBinary)
        #expect(launcher.status == 0 && shell.status == 0)
        #expect(launcher.output == shell.output, "\(count) words, 1 in \(rate) changed")
        #expect(launcher.output.contains("[-") || launcher.output.contains("{+") || a == b)
      }
    }
  }

  /// Copied alone, the launcher still diffs plain files; anything else it cannot hand on
  /// ends with a message that says what is missing, and the status of a command not found.
  @Test func launcherWithoutTheFullProgram() throws {
    let folder = Crosscheck.temporaryFolder()
    let alone = folder + "/crosscheck"
    // Copied by cp, not by this process: a file this process holds open for writing could
    // be inherited by a program another test starts meanwhile, and then could not be run
    // ("Text file busy") until that program ends.
    let copy = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: [Crosscheck.binary, alone])
    copy.waitUntilExit()
    #expect(copy.terminationStatus == 0)
    let (a, b) = try Self.files("NATO chief visits Ukraine.\n", "NATO chief visits Kyiv.\n")
    let diff = try Crosscheck.run(["diff", a, b], program: alone)
    #expect(diff.status == 0)
    #expect(diff.output == "NATO chief visits [-Ukraine-]{+Kyiv+}.\n")
    let shell = try Crosscheck.run(["-c", "echo hello"], program: alone)
    #expect(shell.status == 127)
    #expect(shell.errors.contains("cannot start the shell, \(folder)/crosscheck-shell"))
    #expect(shell.errors.contains("keep crosscheck-shell"))
    // A file that is not plain text (CRLF here) needs the full program's decoder.
    let (crlf, _) = try Self.files("NATO chief\r\nvisits Kyiv.\r\n", "")
    #expect(try Crosscheck.run(["diff", crlf, b], program: alone).status == 127)
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
