import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct ShellTests: ScratchFolder {
  let folder = makeScratchFolder("crosscheck-shell-")

  @Test func reportsErrorsInCommandFilesWithFileAndLine() {
    let script = write("bad.ccs", "echo one\n\n qoutes\necho never\n")
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(!shell.execute("run " + script))
    #expect(console.output == "one\n")
    #expect(console.errors.hasPrefix("\(script):3: error: unknown command 'qoutes'; did you mean"))
  }

  @Test func goesOnAfterErrorsWhenAsked() {
    let script = write("on.ccs", "set on-error continue\nnope\necho after\n")
    let console = TestConsole()
    #expect(!Shell(console: console).execute("run " + script))
    #expect(console.output == "after\n")
    #expect(console.errors.contains(":2: error: unknown command 'nope'"))
  }

  @Test func refusesAFileThatRunsItself() {
    let direct = write("self.ccs", "echo in\nrun self.ccs\n")
    let console = TestConsole()
    #expect(!Shell(console: console).execute("run " + direct))
    #expect(console.errors.contains("self.ccs:2: error: 'self.ccs' is already running (self.ccs → self.ccs); a command file cannot run itself"))

    write("a.ccs", "run b.ccs\n")
    write("b.ccs", "run a.ccs\n")
    let indirect = TestConsole()
    #expect(!Shell(console: indirect).execute("run " + folder + "/a.ccs"))
    #expect(indirect.errors.contains("(a.ccs → b.ccs → a.ccs)"))
    #expect(indirect.errors.components(separatedBy: "error:").count == 2, "the error is reported once, where it happened")
  }

  @Test func resolvesPathsInACommandFileFromItsFolder() {
    write("corpus/story.txt", "The river rose. Crews worked.")
    write("lessons/one.ccs", "load ../corpus\nsources --format csv > out.csv\necho more >> out.csv\n")
    let console = TestConsole()
    #expect(Shell(console: console).execute("run " + folder + "/lessons/one.ccs"))
    #expect(read("lessons/out.csv") == "id,outlet,title,date,words,sentences,quotes,claims\nstory,,,,5,2,0,0\nmore\n")
  }

  @Test func joinsContinuationLines() {
    let script = write("cont.ccs", "echo one \\\n  two \\\n  three\necho four\n")
    let console = TestConsole()
    #expect(Shell(console: console).execute("run " + script))
    #expect(console.output == "one two three\nfour\n")
  }

  @Test func quitStopsACommandFile() {
    let script = write("quit.ccs", "echo before\nquit\necho after\n")
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("run " + script))
    #expect(console.output == "before\n")
    #expect(shell.exitRequested)
  }

  @Test func settingsChangeTheDefaultFormat() {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("set format json")
    shell.execute("echo hi")
    #expect(console.output == "{\n  \"text\": \"hi\"\n}\n")
    #expect(!shell.execute("set format yaml"))
    #expect(console.errors.contains("'yaml' is not a value of 'format'"))
    #expect(!shell.execute("set fromat json"))
    #expect(console.errors.contains("no setting 'fromat'; did you mean 'format'?"))
  }

  @Test func pagesOutputTallerThanTheTerminal() {
    let console = TestConsole(terminal: true, size: (80, 5))
    let shell = Shell(console: console)
    shell.execute("help")
    #expect(console.paged.count == 1 && console.output.isEmpty)
    shell.execute("set pager off")
    shell.execute("help")
    #expect(console.paged.count == 1 && !console.output.isEmpty)
  }

  @Test func colorsFollowTheTerminalAndNoColor() {
    let terminal = TestConsole(terminal: true, size: (80, 100))
    Shell(console: terminal).execute("help load")
    #expect(terminal.output.contains("\u{1B}["))
    let noColor = TestConsole(terminal: true, size: (80, 100), environment: ["NO_COLOR": "1"])
    Shell(console: noColor).execute("help load")
    #expect(!noColor.output.contains("\u{1B}["))
    let flag = TestConsole(terminal: true, size: (80, 100))
    Shell(console: flag).execute("help load --no-color")
    #expect(!flag.output.contains("\u{1B}["))
    let pipe = TestConsole()
    Shell(console: pipe).execute("help load")
    #expect(!pipe.output.contains("\u{1B}["))
  }

  @Test func escapesControlCharactersFromDocuments() {
    let hostile = write("hostile.txt", "Evil \u{1B}]0;pwned\u{07} title\n\nBody text \u{1B}[2J clears the screen. More \u{202E}text.")
    let console = TestConsole(terminal: true, size: (200, 100))
    let shell = Shell(console: console)
    shell.execute("load " + hostile)
    shell.execute("sources")
    shell.execute("show hostile")
    shell.execute("show hostile --raw")
    shell.execute("sources hostile")
    let withoutOurColors = console.output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    #expect(!withoutOurColors.contains("\u{1B}"))
    #expect(!withoutOurColors.contains("\u{07}"))
    #expect(!withoutOurColors.unicodeScalars.contains("\u{202E}"))
    #expect(withoutOurColors.contains("\\x1B]0;pwned\\x07"))
    #expect(withoutOurColors.contains("\\x1B[2J"))
  }

  @Test func unloadsDocuments() {
    write("u/a.txt", "Story A.")
    write("u/b.txt", "Story B.")
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("load " + folder + "/u")
    #expect(shell.execute("unload a"))
    #expect(shell.corpus.documents.map(\.id) == ["b"])
    #expect(!shell.execute("unload zzz"))
    #expect(console.errors.contains("no document 'zzz'"))
    #expect(shell.execute("unload --all"))
    #expect(shell.corpus.isEmpty)
  }

  @Test func explainsALineItCannotRead() {
    let console = TestConsole()
    #expect(!Shell(console: console).execute("echo 'open"))
    #expect(console.errors == "error: unterminated quote (at column 6)\n")
  }

  @Test func namesTheFirstDuplicatesAndCountsTheRest() {
    let copies = LoadCommand.detailLines + 7
    for index in 0...copies { write("copies/copy\(index).txt", "The same story, word for word.") }
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load " + folder + "/copies"))
    let lines = console.output.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("  duplicate ") }.count == LoadCommand.detailLines)
    #expect(lines.last == "  … and 7 more duplicates (--format json lists them all)")
    console.output = ""
    #expect(shell.execute("unload --all"))
    console.output = ""
    #expect(shell.execute("load " + folder + "/copies --format json"))
    #expect(console.output.components(separatedBy: "\"duplicate_of\"").count - 1 == copies)
  }
}
