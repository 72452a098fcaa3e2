#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output gathered in a buffer and handed to a sink in large chunks, so that a long diff is
/// written with few system calls and never held whole in memory.
package struct ChunkedOutput {
  /// Bytes gathered before they go to the sink.
  package private(set) var buffer: [UInt8] = []
  /// Where full chunks go.
  private let sink: ([UInt8]) -> Void
  /// The size of the chunks handed to the sink: large enough that the calls cost nothing
  /// next to the diff, small enough to stay in the cache.
  package static let chunkSize = 1 << 16

  /// Output that hands its bytes to `sink` in chunks.
  package init(sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.chunkSize * 2)
  }

  /// Output written to a file descriptor (standard output, for instance).
  package init(descriptor: Int32) {
    self.init { Self.writeAll($0, to: descriptor) }
  }

  /// Hands what is gathered to the sink.
  package mutating func flush() {
    if !buffer.isEmpty { sink(buffer) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Adds bytes, handing a chunk to the sink once enough are gathered.
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunkSize { flush() }
  }

  /// Adds bytes, handing a chunk to the sink once enough are gathered.
  package mutating func append(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunkSize { flush() }
  }

  /// Adds a string's UTF-8 bytes.
  package mutating func append(_ text: String) {
    append(text.utf8)
  }

  /// Adds one byte without handing a chunk to the sink (callers that add a few bytes at a
  /// time call `flushIfFull` after them).
  package mutating func appendByte(_ byte: UInt8) {
    buffer.append(byte)
  }

  /// Hands a chunk to the sink if enough is gathered.
  package mutating func flushIfFull() {
    if buffer.count >= Self.chunkSize { flush() }
  }

  /// Writes all of `bytes` to a file descriptor, however many calls it takes; stops at the
  /// first error other than an interruption (a closed pipe, a full disk).
  package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        // The buffer is not empty here, so it has a base address.
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }
}
