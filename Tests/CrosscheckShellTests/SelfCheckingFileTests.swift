import Foundation
import Testing
@testable import CrosscheckShell

/// `expect`, `let` and `$name`, `record`, and `set blind` / `reveal`.
@Suite struct SelfCheckingFileTests: ScratchFolder {
  let folder = makeScratchFolder("crosscheck-checks-")

  func corpus() {
    write("corpus/wire.md", "---\noutlet: Harbour Wire\nauthor: Ann Lee\nurl: https://harbourwire.example/story\n---\nThe river rose at dawn, Harbour Wire reported. Crews worked all night. Call the Wire desk.\n")
    write("corpus/daily.md", "---\noutlet: Daily Post\n---\nThe river rose at dawn in Harbour. Nobody was hurt.\n")
  }

  // MARK: variables

  @Test(arguments: [
    ("echo $name", ["echo", "Riverton flood"]),
    ("echo ${name}s", ["echo", "Riverton floods"]),
    ("echo \"say $name\"", ["echo", "say Riverton flood"]),
    ("echo '$name'", ["echo", "$name"]),
    ("echo $$name costs $13", ["echo", "$name", "costs", "$13"]),
  ])
  func replacesVariablesOutsideSingleQuotes(_ line: String, _ expected: [String]) throws {
    let words = try CommandLexer().lex(line, variables: ["name": "Riverton flood"]).words.map(\.text)
    #expect(words == expected)
  }

  @Test func aValueIsNeverAnOptionOrARedirection() throws {
    let lexed = try CommandLexer().lex("quotes $x $y", variables: ["x": "--all", "y": ">"])
    #expect(lexed.redirection == nil)
    #expect(lexed.words.dropFirst().allSatisfy { $0.quoted })
  }

  @Test func anUnknownVariableIsAnErrorWithASuggestion() {
    #expect(throws: LexError(message: "unknown variable '$nmae'; did you mean '$name'?", position: 5)) {
      try CommandLexer().lex("echo $nmae", variables: ["name": "x"])
    }
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(!shell.execute("echo $missing"))
    #expect(console.errors.contains("unknown variable '$missing'"))
  }

  @Test func letSetsWhatLaterLinesUse() {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("let greeting = hello there"))
    #expect(shell.execute("echo $greeting"))
    #expect(console.output == "hello there\n")
    #expect(!shell.execute("let 9lives = x"))
    #expect(!shell.execute("let name value"))
  }

  // MARK: expect

  @Test func expectationsThatHoldPrintNothing() {
    corpus()
    let script = write("ok.ccs", """
      load corpus
      let documents = 2
      expect count sources == $documents
      expect count sources '>' 1
      sources
      echo narration does not count as output
      expect output contains "Harbour Wire"
      expect output lacks "Nobody"
      expect $documents >= 2
      """)
    let console = TestConsole()
    #expect(Shell(console: console).execute("run " + script), "\(console.errors)")
    #expect(console.errors == "")
    #expect(!console.output.contains("expect"))
  }

  @Test(arguments: [
    ("expect count sources >= 3", "error: expectation not met: 'sources' lists 2 rows; expected at least 3"),
    ("expect output contains \"harbour wire\"", "error: expectation not met: the output of 'sources' does not contain “harbour wire”"),
    ("expect output lacks \"Daily Post\"", "error: expectation not met: the output of 'sources' contains “Daily Post”"),
    ("expect 2 == 3", "error: expectation not met: “2” == “3” is false"),
  ])
  func aFailedExpectationStopsTheFileAtItsLine(_ check: String, _ message: String) {
    corpus()
    let script = write("fails.ccs", "load corpus\nsources\n\(check)\necho never\n")
    let console = TestConsole()
    #expect(!Shell(console: console).execute("run " + script))
    #expect(console.errors.contains("\(script):3: \(message)"), "\(console.errors)")
    #expect(!console.output.contains("never"))
  }

  @Test func aBareGreaterThanIsExplained() {
    let console = TestConsole()
    #expect(!Shell(console: console).execute("expect count sources > 1"))
    #expect(console.errors.contains("quote the operator"))
  }

  // MARK: record

  @Test func recordWritesACommandFileThatRuns() throws {
    corpus()
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load \(folder)/corpus"))
    #expect(!shell.execute("qoutes"))
    #expect(shell.execute("let who = 'Daily Post'"))
    #expect(shell.execute("echo \"$who costs $$5\""))
    #expect(shell.execute("sources --format csv > \(folder)/listing.csv"))
    #expect(!shell.execute("record \(folder)/missing/again.ccs"), "the folder does not exist")
    #expect(shell.execute("record \(folder)/again.ccs"))
    let recorded = try String(contentsOfFile: folder + "/again.ccs", encoding: .utf8)
    #expect(recorded.hasSuffix("""
      load \(folder)/corpus
      let who = 'Daily Post'
      echo 'Daily Post costs $5'
      sources --format csv > \(folder)/listing.csv

      """), "\(recorded)")
    let replay = TestConsole()
    #expect(Shell(console: replay).execute("run " + folder + "/again.ccs"), "\(replay.errors)")
    #expect(replay.output.contains("Daily Post costs $5"))
  }

  @Test func recordedPathsAreRelativeToTheRecordedFile() throws {
    let lexed = try CommandLexer().lex("load corpus 'two words' > out.txt")
    let line = RecordedLine(words: lexed.words, redirection: lexed.redirection, spec: LoadCommand.spec, folder: "/work/class")
    #expect(line.text(inFileFolder: "/work/class/lessons") == "load ../corpus '../two words' > ../out.txt")
    #expect(line.text(inFileFolder: "/work/class") == "load corpus 'two words' > out.txt")
  }

  // MARK: blind

  @Test func blindHidesNamesEverywhereUntilReveal() {
    corpus()
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load \(folder)/corpus"))
    console.output = ""
    #expect(shell.execute("set blind on"))
    #expect(shell.execute("sources wire --format json"))
    #expect(shell.execute("show B"))
    #expect(shell.execute("show A"))
    #expect(!shell.execute("show nothing-like-it"))
    for name in ["Harbour Wire", "harbourwire", "Ann Lee", "wire.md", "Daily Post", "\"daily\""] {
      #expect(!console.output.contains(name), "\(name) shows while blind")
    }
    #expect(console.output.contains("The river rose at dawn, Source B reported."))
    #expect(console.output.contains("the author of Source B"))
    #expect(console.output.contains("Call the Source B desk."), "a word of the outlet's name no other document uses")
    #expect(console.output.contains("The river rose at dawn in Harbour."), "a word other documents use stays")
    console.output = ""
    #expect(shell.execute("reveal"))
    #expect(console.output.contains("Source B  wire"))
    #expect(shell.settings.blind == false)
  }
}
