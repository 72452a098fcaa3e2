import Foundation
import Testing
@testable import CrosscheckCore

/// A load holds each text once: finding duplicate texts shares the documents' bytes rather
/// than copying them, and a duplicate is still found.
@Suite struct DocumentLoaderMemoryTests {
  let folder = TemporaryFolder()

  @Test func theDuplicateCheckSharesEachDocumentsBytes() {
    let document = Document(id: "a", origin: "a.txt", text: "Headline\n\nA paragraph of the article.", format: .text)
    let key = TextKey(document)
    let shared = key.bytes.withUnsafeBufferPointer { $0.baseAddress }
    #expect(shared == document.buffer.bytes.withUnsafeBufferPointer { $0.baseAddress })
    let same = Document(id: "b", origin: "b.txt", text: "Headline\n\nA paragraph of the article.", format: .text)
    let other = Document(id: "c", origin: "c.txt", text: "Headline\n\nA paragraph of the article!", format: .text)
    #expect(TextKey(same) == key && TextKey(same).hashValue == key.hashValue)
    #expect(TextKey(other) != key)
  }

  @Test func aTextLoadedTwiceIsADuplicate() {
    let text = "Headline\n\nThe council voted on Tuesday to close the bridge, officials said."
    folder.write("one.txt", text)
    let second = folder.write("two.txt", text)
    let report = DocumentLoader(workers: 2).load([folder.path], existing: Corpus())
    #expect(report.loaded.map(\.id) == ["one"])
    #expect(report.duplicates.map(\.duplicateOf) == ["one"])
    let again = DocumentLoader(workers: 1).load([second], existing: Corpus(report.loaded))
    #expect(again.loaded.isEmpty && again.duplicates.map(\.duplicateOf) == ["one"])
  }
}
