import Testing
@testable import CrosscheckShell

/// Cross-document results and the outputs built from them are kept until the corpus or a
/// setting they depend on changes, and never served after.
@Suite struct CommandContextTests {
  func output(of command: String, in shell: Shell, console: TestConsole) -> String {
    console.output = ""
    #expect(shell.execute(command))
    return console.output
  }

  @Test func aCachedOutputIsDroppedWhenTheCorpusOrARateChanges() {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load " + SourcesCommandTests.sample + "/coastwire.txt"))
    let first = output(of: "claims --format json", in: shell, console: console)
    #expect(output(of: "claims --format json", in: shell, console: console) == first)
    #expect(!shell.cache.isEmpty)
    // Another document brings its own claims.
    #expect(shell.execute("load " + SourcesCommandTests.sample + "/valley-ledger.txt"))
    #expect(shell.cache.isEmpty)
    let second = output(of: "claims --format json", in: shell, console: console)
    #expect(second != first)
    #expect(second.contains("valley-ledger"))
    // The same call with a rate set is another result.
    let keys = shell.cache.count
    #expect(shell.execute("set rate EUR USD 1.10"))
    _ = output(of: "claims --format json", in: shell, console: console)
    #expect(shell.cache.count > keys)
  }

  @Test func prefixesAndNumbersOfOneDocumentShareACachedComparison() {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load " + SourcesCommandTests.sample))
    let byID = output(of: "compare coastwire valley-ledger --format json", in: shell, console: console)
    let keys = shell.cache.count
    #expect(output(of: "compare coast valley --format json", in: shell, console: console) == byID)
    #expect(shell.cache.count == keys)
  }
}
