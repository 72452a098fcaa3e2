import Testing
@testable import CrosscheckShell

@Suite struct OutputRowLimitTests {
  func numbers(_ count: Int) -> Output {
    Output.table(Table(columns: [Column("n", key: "n")], rows: (1...count).map { [.int($0)] }))
  }

  @Test func cutsALongTableAndSaysHowManyRowsWereLeftOut() throws {
    let limited = numbers(1_250).limitingRows(to: 500)
    guard case .table(let table) = limited.blocks[0] else { Issue.record("no table"); return }
    #expect(table.rows.count == 500)
    guard case .message(let note) = limited.blocks[1] else { Issue.record("no note"); return }
    #expect(note.plain.hasPrefix("… 750 more rows of 1,250."))
    #expect(note.plain.contains("'set rows all'"))
  }

  @Test func leavesAShortTableAlone() {
    #expect(numbers(500).limitingRows(to: 500) == numbers(500))
  }

  @Test func appliesOnlyToTheFormatsPeopleRead() {
    let console = TestConsole()
    let shell = Shell(console: console)
    shell.execute("set rows 2")
    shell.execute("set")
    #expect(console.output.contains("more rows of"))
    let csv = TestConsole()
    let other = Shell(console: csv)
    other.execute("set rows 2")
    other.execute("set --format csv")
    #expect(!csv.output.contains("more rows of"))
    #expect(csv.output.split(separator: "\n").count > 3)
  }
}
