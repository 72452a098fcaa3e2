import CrosscheckTestSupport
import Testing
@testable import CrosscheckShell

@Suite struct CommandRegistryTests {
  let registry = CommandRegistry()

  @Test func findsCommandsByNameAndAlias() {
    #expect(registry.command(named: "sources") != nil)
    #expect(registry.command(named: "source").map(ObjectIdentifier.init) == ObjectIdentifier(RunCommand.self))
    #expect(registry.command(named: "exit").map(ObjectIdentifier.init) == ObjectIdentifier(QuitCommand.self))
    #expect(registry.command(named: "nope") == nil)
  }

  @Test(arguments: [
    ("sourcse", "sources"), ("laod", "load"), ("hlep", "help"), ("shwo", "show"), ("qoutes", "quotes"), ("ech", "echo"),
  ])
  func suggestsTheNearestCommand(_ typo: String, _ suggestion: String) {
    #expect(registry.unknownCommand(typo).message == "unknown command '\(typo)'; did you mean '\(suggestion)'?")
  }

  @Test func makesNoSuggestionForSomethingFarOff() {
    #expect(registry.unknownCommand("xylophone").message == "unknown command 'xylophone'")
  }

  @Test func everyCommandHasHelpWithAnExample() {
    for spec in registry.specs {
      #expect(!spec.abstract.isEmpty, "\(spec.name) has no abstract")
      #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
      for example in spec.examples {
        let name = String(example.command.split(separator: " ")[0])
        #expect(registry.command(named: name) != nil, "example of \(spec.name) runs an unknown command")
      }
    }
  }

  @Test func helpIsGeneratedFromTheDeclarations() {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("help")
    shell.execute("help load")
    shell.execute("help sources --format json")
    #expect(Golden.mismatch(console.output, path: Golden.folder() + "/Golden/help.txt") == nil)
  }

  @Test func helpForAnUnknownCommandSuggestsOne() {
    let console = TestConsole()
    #expect(!Shell(console: console).execute("help sourcs"))
    #expect(console.errors.contains("unknown command 'sourcs'; did you mean 'sources'?"))
  }
}
