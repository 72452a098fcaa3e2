#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read for a word diff.
package struct WordDiffReadError: Error, Sendable, Equatable {
  /// The path as given.
  package var path: String
  /// What went wrong, for the user.
  package var reason: String

  /// A failure to read `path`, for this reason.
  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

extension WordDiff {
  /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
  /// U+10FFFF), checked eight ASCII bytes at a time and without a copy.
  package static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      var index = 0
      while index < count {
        if index + 8 <= count,
          // The buffer holds the eight bytes from `index`.
          UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
          continue
        }
        if bytes[index] < 0x80 {
          index += 1
          continue
        }
        let length = sequenceLength(bytes, at: index)
        guard length > 0 else { return false }
        index += length
      }
      return true
    }
  }

  /// The length of the well-formed UTF-8 sequence that starts at `index` with a byte of
  /// at least 0x80 (2 to 4), or 0 when it is malformed: a stray continuation byte, an
  /// overlong form, a surrogate, a value past U+10FFFF or a sequence cut by the end.
  @inline(__always)
  package static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    switch bytes[index] {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; second = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; second = 0x80...0x9F
    case 0xF0: length = 4; second = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; second = 0x80...0x8F
    default: return 0
    }
    guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
      return 0
    }
    return length
  }

  /// The bytes of a file, read with one system call per chunk.
  ///
  /// - Throws: `WordDiffReadError` when the file cannot be opened or read, or is a folder.
  package static func contents(ofFile path: String) throws(WordDiffReadError) -> [UInt8] {
    try withOpenFile(path) { descriptor, size throws(WordDiffReadError) in try readToEnd(descriptor, size: size, path: path) }
  }

  /// The bytes of a file: a non-empty regular file mapped into memory (see `TextBytes`),
  /// anything else (a pipe, a device, an empty file) read.
  ///
  /// - Throws: `WordDiffReadError` when the file cannot be opened or read, or is a folder.
  package static func mappedContents(ofFile path: String) throws(WordDiffReadError) -> TextBytes {
    try withOpenFile(path) { descriptor, size throws(WordDiffReadError) in
      if let size, let mapped = TextBytes(mapping: descriptor, count: size) { return mapped }
      return TextBytes(try readToEnd(descriptor, size: size, path: path))
    }
  }

  /// Opens a file for reading and calls `body` with its descriptor and, for a regular file,
  /// its size; closes it afterwards.
  private static func withOpenFile<Result>(
    _ path: String, _ body: (Int32, Int?) throws(WordDiffReadError) -> Result
  ) throws(WordDiffReadError) -> Result {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw WordDiffReadError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw WordDiffReadError(path: path, reason: String(cString: strerror(errno))) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw WordDiffReadError(path: path, reason: "is a folder") }
    let isRegular = (status.st_mode & S_IFMT) == S_IFREG
    return try body(descriptor, isRegular ? max(Int(status.st_size), 0) : nil)
  }

  /// Reads an open file to its end; `size` is what it is expected to hold.
  private static func readToEnd(_ descriptor: Int32, size: Int?, path: String) throws(WordDiffReadError) -> [UInt8] {
    // The size is a hint: a file can grow while it is read, and some report no size. A
    // regular file is read with one call into an array of its size (and one more that
    // finds the end); the array is not zeroed first.
    var bytes: [UInt8] = []
    var capacity = (size ?? 0) + 1
    while true {
      var failure: Int32 = 0
      var ended = false
      let earlier = bytes
      bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        // The capacity exceeds what was read so far, so the buffer has a base address.
        let base = buffer.baseAddress!
        HugePages.advise(UnsafeMutableRawPointer(base), byteCount: capacity)
        earlier.withUnsafeBufferPointer { earlier in
          if let start = earlier.baseAddress { base.initialize(from: start, count: earlier.count) }
        }
        count = earlier.count
        while count < capacity {
          let got = read(descriptor, base + count, capacity - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          if got == 0 {
            ended = true
            return
          }
          count += got
        }
      }
      guard failure == 0 else { throw WordDiffReadError(path: path, reason: String(cString: strerror(failure))) }
      if ended { return bytes }
      capacity *= 2
    }
  }
}

/// Converts increasing byte offsets of a UTF-8 text into code point offsets, counting only
/// the bytes between one offset and the next: O(*n*) for a whole pass over the text.
package struct ScalarOffsets {
  private var byte = 0
  private var scalar = 0

  /// Starts at the beginning of a text.
  package init() {}

  /// The code point offset of a byte offset at or after the last one asked for; the
  /// offset must fall on a character boundary of valid UTF-8.
  package mutating func offset(ofByte target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    precondition(target >= byte, "byte offsets must increase")
    var count = 0
    for index in byte..<target where bytes[index] & 0xC0 != 0x80 {
      count += 1
    }
    scalar += count
    byte = target
    return scalar
  }
}
