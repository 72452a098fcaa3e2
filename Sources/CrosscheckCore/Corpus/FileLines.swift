import Foundation

/// The lines of a text file, read a block at a time so that memory holds one block and the
/// lines asked for, never the whole file.
///
/// Lines end at LF, CRLF or a lone CR, as `TextDecoder` reads line endings; a UTF-8 byte
/// order mark is dropped. A file that starts with a UTF-16 byte order mark, or whose first
/// visible character opens a JSON array, is not read this way (the initializer fails), since
/// it must be decoded or parsed whole.
struct FileLines {
  /// One line's bytes (without its line ending) and its 1-based number.
  struct Line: Sendable {
    var number: Int
    var bytes: [UInt8]
    /// Whether the line was longer than `DocumentLoader.maximumFileSize` and its bytes dropped.
    var oversized = false
  }

  /// Bytes read from the file at once.
  static let blockSize = 4 * 1024 * 1024

  private let handle: FileHandle
  private var block: [UInt8] = []
  private var position = 0
  private var current: [UInt8] = []
  private var currentOversized = false
  private var previousWasCR = false
  private var number = 0
  private var atEnd = false
  /// Bytes passed over before the first line (a byte order mark), counted with the first lines.
  private var passedOver = 0
  /// Why the file is not text (binary content), decided from its first block.
  private(set) var unreadableReason: String?
  /// A read error that ended the file early.
  private(set) var error: String?

  /// Opens `path`, or returns nil when it cannot be opened or must be read whole.
  init?(path: String) {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    self.handle = handle
    refill()
    if block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF]) { return nil }
    if block.starts(with: [0xEF, 0xBB, 0xBF]) {
      position = 3
      passedOver = 3
    }
    if block[position...].first(where: { !Self.isSpaceByte($0) }) == UInt8(ascii: "[") { return nil }
    if let reason = TextDecoder.binaryReason(Array(block[position...].prefix(TextDecoder.sniffLength))) {
      unreadableReason = TextDecodingFailure.binary(reason: reason).description
    }
  }

  /// Whether a byte is ASCII white space.
  static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
  }

  /// The next lines, at least one and about `bytes` bytes of them, or none at the end.
  /// - Returns: the lines and the number of file bytes they took.
  mutating func next(bytes limit: Int) -> (lines: [Line], bytes: Int) {
    var lines: [Line] = []
    var taken = passedOver
    passedOver = 0
    while taken < limit {
      if position == block.count {
        if atEnd { break }
        refill()
        continue
      }
      if previousWasCR {
        previousWasCR = false
        // The LF of a CRLF split across blocks.
        if block[position] == 0x0A {
          position += 1
          taken += 1
          continue
        }
      }
      let start = position
      let end = block[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? block.count
      if current.count + (end - start) <= DocumentLoader.maximumFileSize {
        current.append(contentsOf: block[start..<end])
      } else {
        currentOversized = true
      }
      position = end
      taken += end - start
      guard end < block.count else { continue }
      // A line ending: LF, CR, or CRLF.
      previousWasCR = block[end] == 0x0D
      position += 1
      taken += 1
      if previousWasCR, position < block.count, block[position] == 0x0A {
        previousWasCR = false
        position += 1
        taken += 1
      }
      lines.append(finishLine())
    }
    if atEnd, position == block.count, !current.isEmpty || currentOversized { lines.append(finishLine()) }
    return (lines, taken)
  }

  private mutating func finishLine() -> Line {
    number += 1
    defer {
      current.removeAll(keepingCapacity: true)
      currentOversized = false
    }
    return currentOversized ? Line(number: number, bytes: [], oversized: true) : Line(number: number, bytes: current)
  }

  private mutating func refill() {
    do {
      let data = try handle.read(upToCount: Self.blockSize) ?? Data()
      block = [UInt8](data)
    } catch {
      self.error = error.localizedDescription
      block = []
    }
    position = 0
    if block.isEmpty {
      atEnd = true
      try? handle.close()
    }
  }
}
