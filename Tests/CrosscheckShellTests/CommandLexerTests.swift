import Testing
@testable import CrosscheckShell

@Suite struct CommandLexerTests {
  func words(_ line: String) throws -> [String] { try CommandLexer().lex(line).words.map(\.text) }

  @Test(arguments: [
    ("sources", ["sources"]),
    ("  load  a.txt   b.txt ", ["load", "a.txt", "b.txt"]),
    ("echo 'single quoted # not a comment'", ["echo", "single quoted # not a comment"]),
    (#"echo "double \"escaped\" \\ back""#, ["echo", #"double "escaped" \ back"#]),
    (#"echo it\'s"#, ["echo", "it's"]),
    ("load my\\ file.txt", ["load", "my file.txt"]),
    ("quotes --by Rutte # who said it", ["quotes", "--by", "Rutte"]),
    ("# only a comment", []),
    (#"set --title="Two words""#, ["set", "--title=Two words"]),
    ("echo a#b", ["echo", "a#b"]),
    ("echo ''", ["echo", ""]),
    ("echo “curly” é", ["echo", "“curly”", "é"]),
  ])
  func splitsWords(_ line: String, _ expected: [String]) throws {
    #expect(try words(line) == expected)
  }

  @Test func takesRedirectionOffTheEnd() throws {
    let lexed = try CommandLexer().lex("sources --format csv > out.csv")
    #expect(lexed.words.map(\.text) == ["sources", "--format", "csv"])
    #expect(lexed.redirection == Redirection(path: "out.csv", append: false))
    let appended = try CommandLexer().lex("echo hi >>log.txt")
    #expect(appended.redirection == Redirection(path: "log.txt", append: true))
    #expect(try CommandLexer().lex("echo '>' x").redirection == nil)
  }

  @Test func recordsWhereEachWordStands() throws {
    let lexed = try CommandLexer().lex("show  'a b' c")
    #expect(lexed.words.map(\.range) == [0..<4, 6..<11, 12..<13])
    #expect(lexed.words.map(\.quoted) == [false, true, false])
  }

  @Test func reportsMistakesWithTheirPosition() {
    #expect(throws: LexError(message: "unterminated quote", position: 5)) { try CommandLexer().lex("echo 'open") }
    #expect(throws: LexError(message: "unterminated quote", position: 5)) { try CommandLexer().lex(#"echo "open"#) }
    #expect(throws: LexError(message: "'>' needs a file name after it", position: 9)) { try CommandLexer().lex("sources >") }
    #expect(throws: LexError.self) { try CommandLexer().lex("sources > a b") }
  }

  @Test func continuationIsATrailingUnescapedBackslash() {
    #expect(Shell.continues("load a \\"))
    #expect(!Shell.continues("load a \\\\"))
    #expect(!Shell.continues("load a"))
  }
}
