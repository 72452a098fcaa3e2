import CrosscheckFuzzing
import Foundation
import Testing

/// Replays the kept fuzzing inputs — crashes that were fixed, and a small seed corpus per
/// target — through the same entry points the fuzzer drives. A crash here fails the run.
@Suite struct FuzzTargetTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

  /// The kept inputs of one target.
  static func inputs(of target: String) -> [String] {
    let folder = corpus + "/" + target
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
  }

  @Test func everyCorpusFolderNamesATargetAndEveryTargetHasInputs() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(FuzzTarget.all.map(\.name)))
    for target in FuzzTarget.all {
      #expect(!Self.inputs(of: target.name).isEmpty, "no kept inputs for \(target.name)")
    }
  }

  @Test(arguments: FuzzTarget.all.map(\.name))
  func replaysTheKeptInputs(of name: String) throws {
    let target = try #require(FuzzTarget.named(name))
    for path in Self.inputs(of: name) {
      let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
      #expect(bytes.count <= target.maximumInputLength, "\(path) is longer than the fuzzer makes")
      target.run([UInt8](bytes))
    }
  }

  @Test func runsTheEmptyInputAndLoneBytes() throws {
    for target in FuzzTarget.all {
      target.run([])
      for byte: UInt8 in [0x00, 0x0A, 0x22, 0x3C, 0x7B, 0xE2, 0xFF] { target.run([byte]) }
    }
  }
}
