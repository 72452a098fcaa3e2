import Testing
@testable import CrosscheckShell

@Suite struct CommandCallTests {
  func bind(_ line: String, _ spec: CommandSpec) throws(ShellError) -> CommandCall {
    let words = try! CommandLexer().lex(line).words
    return try CommandCall.bind(Array(words.dropFirst()), to: spec, calledAs: words[0].text, line: line)
  }

  @Test func separatesOptionsFromArgumentsAnywhereOnTheLine() throws {
    let call = try bind("show --raw 2 --format json", ShowCommand.spec)
    #expect(call.arguments == ["2"])
    #expect(call.flag("raw"))
    #expect(call.value("format") == "json")
    let inline = try bind("sources --format=csv", SourcesCommand.spec)
    #expect(inline.value("format") == "csv")
    let literal = try bind("echo -- --format", EchoCommand.spec)
    #expect(literal.arguments == ["--format"])
  }

  @Test func suggestsTheNearestOptionAndListsTheValidOnes() {
    #expect(throws: ShellError.usage("unknown option '--rwa' for 'show'; did you mean '--raw'?", hint: "valid options: --raw, --sentences, --format, --no-color")) {
      try bind("show 1 --rwa", ShowCommand.spec)
    }
  }

  @Test func checksChoicesAndValues() {
    #expect(throws: ShellError.usage("'jsno' is not a valid value for '--format'; did you mean 'json'?", hint: "valid values: table, json, csv, markdown, text")) {
      try bind("sources --format jsno", SourcesCommand.spec)
    }
    #expect(throws: ShellError.usage("option '--format' needs a value (FORMAT)")) { try bind("sources --format", SourcesCommand.spec) }
    #expect(throws: ShellError.usage("option '--raw' takes no value")) { try bind("show 1 --raw=yes", ShowCommand.spec) }
  }

  @Test func checksTheNumberOfArguments() {
    #expect(throws: ShellError.usage("'show' needs DOC", hint: "usage: show DOC [OPTIONS]")) { try bind("show", ShowCommand.spec) }
    #expect(throws: ShellError.usage("'sources' takes at most 1 argument; unexpected 'b'", hint: "usage: sources [DOC]")) {
      try bind("sources a b", SourcesCommand.spec)
    }
    #expect(throws: ShellError.usage("'quit' takes no arguments; unexpected 'now'", hint: "usage: quit")) { try bind("quit now", QuitCommand.spec) }
  }
}
