import Foundation
import Testing

/// The analyses of a corpus loaded on one thread and on every core are the same, byte for
/// byte, and a load that is not watched at a terminal shows no progress line.
@Suite struct ParallelLoadTests {
  @Test func oneThreadAndEveryCoreGiveTheSameOutput() throws {
    var paths = [Crosscheck.packageRoot + "/samples/riverton-flood", Crosscheck.packageRoot + "/Tests/EndToEndTests/Fixtures/corpus"]
    if Crosscheck.hasSharedCorpus { paths.append(Crosscheck.sharedCorpus) }
    let commands = ["sources --format json", "quotes --all --format json", "claims --format json", "compare --format json", "speakers --format json"]
    let arguments = paths + commands.flatMap { ["-c", $0] }
    let serial = try Crosscheck.run(arguments, environment: ["CROSSCHECK_WORKERS": "1"])
    let parallel = try Crosscheck.run(arguments, environment: ["CROSSCHECK_WORKERS": "4"])
    #expect(serial.status == 0, "\(serial.errors)")
    #expect(serial.output.count > 10_000)
    #expect(parallel.output == serial.output)
    #expect(parallel.errors == serial.errors)
    #expect(!parallel.errors.contains("loading:"))
  }
}
