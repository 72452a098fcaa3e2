import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct CompleterTests {
  let folder: String = {
    let path = NSTemporaryDirectory() + "crosscheck-completion-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path + "/samples/riverton-flood", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path + "/samples/notes.txt", contents: Data())
    return path
  }()

  func complete(_ prefix: String) -> Completer.Completions {
    Completer(registry: CommandRegistry(), documentIDs: ["coastwire", "kvrt-news", "metro-herald"], currentFolder: folder).complete(prefix)
  }

  @Test func completesCommandNames() {
    #expect(complete("sou") == .init(start: 0, candidates: ["sources"]))
    #expect(complete("help ru") == .init(start: 5, candidates: ["run"]))
    #expect(complete("").candidates.contains("help"))
  }

  @Test func completesOptionsAndTheirValues() {
    #expect(complete("show 1 --r") == .init(start: 7, candidates: ["--raw"]))
    #expect(complete("sources --format j") == .init(start: 17, candidates: ["json"]))
  }

  @Test func completesSpeakersOnlyWhereASpeakerIsExpected() {
    let completer = Completer(
      registry: CommandRegistry(), documentIDs: ["coastwire"], speakers: { ["S1", "Okonkwo", "S2", "Dufresne"] }, currentFolder: folder)
    #expect(completer.complete("quotes --by Ok").candidates == ["Okonkwo"])
    #expect(completer.complete("quotes --by S").candidates == ["S1", "S2"])
    #expect(completer.complete("quotes --source c").candidates == ["coastwire"])
  }

  @Test func completesDocumentIDs() {
    #expect(complete("show k") == .init(start: 5, candidates: ["kvrt-news"]))
    #expect(complete("unload coastwire m").candidates == ["metro-herald"])
    #expect(complete("show --raw c").candidates == ["coastwire"])
  }

  @Test func completesSettingsAndTheirValues() {
    #expect(complete("set on").candidates == ["on-error"])
    #expect(complete("set color ").candidates == ["auto", "off", "on"])
  }

  @Test func completesPaths() {
    #expect(complete("load sam").candidates == ["samples/"])
    #expect(complete("load samples/").candidates == ["samples/notes.txt", "samples/riverton-flood/"])
    #expect(complete("run samples/r").candidates == ["samples/riverton-flood/"])
  }

  @Test func completesNothingForFreeText() {
    #expect(complete("echo hel").candidates.isEmpty)
    #expect(complete("nosuchcommand x").candidates.isEmpty)
  }
}
