import Testing

@testable import CrosscheckCore
@testable import CrosscheckWordDiff

/// The output buffer hands on exactly what was appended, in order, whatever the sizes of
/// the pieces against the size of its chunks.
@Suite struct ChunkedOutputTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func handsOnWhatWasAppended(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    var received: [UInt8] = []
    var chunks = 0
    var expected: [UInt8] = []
    var output = ChunkedOutput { chunk in
      received += chunk
      chunks += 1
    }
    let size = ChunkedOutput.chunkSize
    for _ in 0..<400 {
      // Mostly short pieces, some a chunk long, a little over or under, and a few longer.
      let length: Int
      switch generator.below(10) {
      case 0: length = size + generator.inRange(-2...2)
      case 1: length = 2 * size + generator.below(100)
      default: length = generator.below(300)
      }
      let piece = (0..<length).map { _ in UInt8(generator.below(256)) }
      switch generator.below(4) {
      case 0:
        piece.withUnsafeBufferPointer { output.append($0) }
        expected += piece
      case 1:
        piece.withUnsafeBufferPointer { output.append($0, between: "[-", and: "-]") }
        expected += Array("[-".utf8) + piece + Array("-]".utf8)
      case 2:
        for byte in piece.prefix(50) { output.appendByte(byte) }
        expected += piece.prefix(50)
      default:
        output.append(piece)
        expected += piece
      }
    }
    output.flush()
    #expect(received == expected)
    #expect(chunks > 1)
    output.flush()
    #expect(received == expected)
  }
}
