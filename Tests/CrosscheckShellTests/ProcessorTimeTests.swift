import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct ProcessorTimeTests {
  @Test func growsWithWorkDone() {
    let before = ProcessorTime.milliseconds()
    var total = 0
    for value in 0..<3_000_000 { total &+= value &* value }
    let after = ProcessorTime.milliseconds()
    #expect(total != 1)
    #expect(before > 0 && after > before)
  }

  @Test func timingReportsClockAndProcessorTime() throws {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("set timing on"))
    #expect(shell.execute("echo hello"))
    let line = try #require(console.errors.split(separator: "\n").last)
    #expect(line.wholeMatch(of: /time: echo [0-9.,]+ ms \(CPU [0-9.,]+ ms\)/) != nil, "\(line)")
  }
}
