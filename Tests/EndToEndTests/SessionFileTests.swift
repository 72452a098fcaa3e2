import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Session files under crashes and a second writer, driving the real binary.
@Suite(.serialized) struct SessionFileTests {
  /// Articles with distinct text, long enough that a load takes a while to write.
  static func writeArticles(count: Int, in folder: String) throws -> [String] {
    var names: [String] = []
    var seed: UInt64 = 0x5EED
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33)
    }
    let words = ["levee", "river", "council", "mayor", "residents", "water", "flood", "engineers", "warning", "homes", "quay", "storm"]
    for index in 0..<count {
      var text = "Report number \(index) from the river\n\n"
      for paragraph in 0..<40 {
        var sentence: [String] = []
        for _ in 0..<(12 + next() % 20) { sentence.append(words[next() % words.count]) }
        text += "Paragraph \(paragraph) says the \(sentence.joined(separator: " ")) rose by \(next() % 1000) feet. "
        text += "Officials said “\(words[next() % words.count]) \(words[next() % words.count])” on Monday.\n\n"
      }
      let name = String(format: "article-%03d", index)
      try text.write(toFile: folder + "/" + name + ".txt", atomically: true, encoding: .utf8)
      names.append(name)
    }
    return names
  }

  /// The documents of a session as `sources --format json` lists them, after checking the
  /// file with SQLite's integrity check.
  static func contents(of session: String, in folder: String) throws -> [[String: Any]] {
    let check = try Crosscheck.run(["--session", session, "-c", "sql 'PRAGMA integrity_check' --format csv"], in: folder)
    #expect(check.status == 0, "integrity check: \(check.errors)")
    #expect(check.output.contains("\nok"), "integrity: \(check.output)")
    let result = try Crosscheck.run(["--session", session, "-c", "sources --format json"], in: folder)
    #expect(result.status == 0, "the session did not open: \(result.errors)")
    return (try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]) ?? []
  }

  @Test func aLoaderKilledAtRandomMomentsLeavesWholeLoadsInOrder() throws {
    let folder = Crosscheck.temporaryFolder()
    let names = try Self.writeArticles(count: 30, in: folder)
    try names.map { "load \($0).txt" }.joined(separator: "\n").write(toFile: folder + "/loads.ccs", atomically: true, encoding: .utf8)
    // What each document is when loaded without interruption.
    let fresh = try Crosscheck.run(names.map { $0 + ".txt" } + ["-c", "sources --format json"], in: folder)
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(fresh.output.utf8)) as? [[String: Any]])
    #expect(expected.count == names.count)

    let session = folder + "/killed.crosscheck"
    // Kill times depend on the machine's load anyway; a new seed each run covers more moments.
    var seed = UInt64.random(in: 1...UInt64.max)
    let firstSeed = seed
    var kills = 0
    var partial = 0
    let started = Date()
    while kills < 60, Date().timeIntervalSince(started) < 50 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Crosscheck.binary)
      process.arguments = ["--session", session, "-f", "loads.ccs"]
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      usleep(useconds_t(20_000 + Int(seed >> 33) % 300_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { kills += 1 }

      let documents = try Self.contents(of: session, in: folder)
      let ids = documents.map { $0["id"] as? String ?? "" }
      #expect(ids == Array(names.prefix(ids.count)), "not a prefix of the loads (seed \(firstSeed)): \(ids)")
      for (document, wanted) in zip(documents, expected) {
        for key in ["id", "words", "sentences", "paragraphs", "title"] {
          #expect("\(document[key] ?? "nil")" == "\(wanted[key] ?? "nil")", "\(key) of \(ids)")
        }
      }
      if ids.count > 0, ids.count < names.count { partial += 1 }
      if ids.count == names.count {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: session + suffix) }
      }
    }
    #expect(kills >= 50, "seed \(firstSeed)")
    // The kills must have landed in the middle of loading, not only before or after it.
    #expect(partial >= 10)
  }

  @Test func aSecondWriterIsToldWhichProcessHasTheSession() throws {
    let folder = Crosscheck.temporaryFolder()
    let names = try Self.writeArticles(count: 3, in: folder)
    let session = folder + "/shared.crosscheck"
    let first = Process()
    first.executableURL = URL(fileURLWithPath: Crosscheck.binary)
    first.arguments = ["--session", session]
    first.currentDirectoryURL = URL(fileURLWithPath: folder)
    let input = Pipe()
    let output = Pipe()
    first.standardInput = input
    first.standardOutput = output
    first.standardError = FileHandle.nullDevice
    try first.run()
    input.fileHandleForWriting.write(Data("load \(names[0]).txt\n".utf8))
    var seen = ""
    while !seen.contains("Loaded") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      seen += String(decoding: data, as: UTF8.self)
    }

    let second = try Crosscheck.run(["--session", session, "-c", "load \(names[1]).txt"], in: folder)
    #expect(second.status == 1)
    #expect(second.errors.contains("is in use by crosscheck process \(first.processIdentifier)"), "\(second.errors)")

    try input.fileHandleForWriting.close()
    first.waitUntilExit()
    let third = try Crosscheck.run(["--session", session, "-c", "load \(names[2]).txt"], in: folder)
    #expect(third.status == 0, "\(third.errors)")
    let ids = try Self.contents(of: session, in: folder).map { $0["id"] as? String ?? "" }
    #expect(ids == [names[0], names[2]])
  }

  @Test func aSavedSessionReopensInANewProcessWithTheSameSources() throws {
    let folder = Crosscheck.temporaryFolder()
    let corpus = Crosscheck.packageRoot + "/samples/riverton-flood"
    let before = try Crosscheck.run([corpus, "-c", "sources --format json", "-c", "save flood.crosscheck"], in: folder)
    #expect(before.status == 0, "\(before.errors)")
    let after = try Crosscheck.run(["-c", "open flood.crosscheck", "-c", "sources --format json"], in: folder)
    #expect(after.status == 0, "\(after.errors)")
    let saved = before.output.components(separatedBy: "\nSaved 5 documents to flood.crosscheck")[0] + "\n"
    #expect(after.output == "Opened flood.crosscheck: 5 documents.\n" + saved)
    // The closed session is one file: no log or index left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["flood.crosscheck"])
  }

  @Test func unusableFilesGetClearMessages() throws {
    let folder = Crosscheck.temporaryFolder()
    try "plain text".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
    let text = try Crosscheck.run(["--session", "notes.txt", "-c", "sources"], in: folder)
    #expect(text.status == 1)
    #expect(text.errors == "error: 'notes.txt' is not a crosscheck session (not an SQLite database)\n")
    let saved = try Crosscheck.run(["-c", "save ro.crosscheck"], in: folder)
    #expect(saved.status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: folder + "/ro.crosscheck")
    let readOnly = try Crosscheck.run(["-c", "open ro.crosscheck"], in: folder)
    #expect(readOnly.status == 1)
    #expect(readOnly.errors.hasPrefix("error: 'ro.crosscheck' is read-only\n"))
    let missing = try Crosscheck.run(["-c", "open nowhere.crosscheck"], in: folder)
    #expect(missing.errors.hasPrefix("error: no session file 'nowhere.crosscheck'"))
  }
}
