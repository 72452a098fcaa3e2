#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
  /// Whether `needle`'s UTF-8 bytes occur in the string: an exact byte search, much cheaper
  /// than Foundation's locale-aware `contains` on the hot path of line classification.
  package func includes(_ needle: String) -> Bool {
    var pattern = needle
    return pattern.withUTF8 { needleBytes -> Bool in
      guard !needleBytes.isEmpty else { return true }
      // Most needles are absent: look with memchr for the needle's least common byte (a space
      // or a vowel would stop the search at every word) before comparing the whole needle.
      let anchor = Self.anchorOffset(needleBytes)
      let anchorByte = Int32(needleBytes[anchor])
      let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Bool in
        guard let base = haystack.baseAddress, haystack.count >= needleBytes.count else { return false }
        // Candidate starts run from 0 to `last`; the anchor byte sits `anchor` bytes in.
        let last = haystack.count - needleBytes.count
        var start = 0
        while start <= last {
          guard let hit = memchr(base + start + anchor, anchorByte, last - start + 1) else { return false }
          let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
          if memcmp(base + offset, needleBytes.baseAddress!, needleBytes.count) == 0 { return true }
          start = offset + 1
        }
        return false
      }
      if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
      return Array(utf8).withUnsafeBufferPointer(search)
    }
  }

  /// The offset of the byte of `needle` least likely to occur in news text: a byte of a
  /// non-ASCII character, else punctuation or a digit, else an uncommon letter; never a space
  /// unless the needle is only spaces.
  private static func anchorOffset(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
    func rarity(_ byte: UInt8) -> Int {
      switch byte {
      case 0x20: return 0
      case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"),
        UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "h"), UInt8(ascii: "l"):
        return 1
      case UInt8(ascii: "a")...UInt8(ascii: "z"): return 2
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 3
      case 0x80...0xBF: return 5  // a continuation byte varies more than a lead byte
      default: return 4
      }
    }
    var best = 0
    var bestRarity = -1
    for (offset, byte) in needle.enumerated() where rarity(byte) > bestRarity {
      best = offset
      bestRarity = rarity(byte)
    }
    return best
  }

  /// The same substrings as `split(maxSplits:omittingEmptySubsequences:whereSeparator:)` with
  /// the separator any of `separators` (which must not be line breaks), found on the bytes
  /// when the text is ASCII up to the last split: there every character is one byte, apart
  /// from a CR LF pair that no such separator matches, and no non-ASCII separator can occur.
  /// Other text is split by comparing characters.
  /// - Complexity: O(n).
  package func split(atAny separators: [Character], maxSplits: Int = Int.max) -> [SubSequence] {
    let split = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
      // The ASCII separators as a set of bits, one per byte value below 128.
      var isSeparator = (UInt64(0), UInt64(0))
      for separator in separators {
        // One UTF-8 byte: an ASCII character (`asciiValue` would also compare with CR LF).
        guard separator.utf8.count == 1, let ascii = separator.utf8.first else { continue }
        if ascii < 64 { isSeparator.0 |= 1 << UInt64(ascii) } else { isSeparator.1 |= 1 << UInt64(ascii - 64) }
      }
      var ranges: [Range<Int>] = []
      var start = 0
      var index = 0
      if maxSplits > 0 {
        while index < bytes.count {
          let byte = bytes[index]
          if byte >= 0x80 { return nil }
          index += 1
          let separates = byte < 64 ? isSeparator.0 & (1 << UInt64(byte)) != 0 : isSeparator.1 & (1 << UInt64(byte - 64)) != 0
          guard separates else { continue }
          let appended = start != index - 1
          if appended { ranges.append(start..<(index - 1)) }
          start = index
          if appended && ranges.count == maxSplits { break }
        }
      }
      // The rest is one piece, whatever it holds, but the separator before it is a character
      // of its own only if an ASCII byte (or the end) follows it.
      if index < bytes.count, bytes[index] >= 0x80 { return nil }
      if start != bytes.count { ranges.append(start..<bytes.count) }
      return ranges
    }
    guard let ranges = split ?? nil else { return self.split(maxSplits: maxSplits, whereSeparator: { separators.contains($0) }) }
    let base = utf8.startIndex
    return ranges.map { range in
      self[utf8.index(base, offsetBy: range.lowerBound)..<utf8.index(base, offsetBy: range.upperBound)]
    }
  }

  /// The byte offset just past the last occurrence of `needle`, or nil.
  package func byteOffset(afterLast needle: String) -> Int? {
    lastByteOffset(of: needle, from: 0, last: true).map { $0 + needle.utf8.count }
  }

  private func lastByteOffset(of needle: String, from start: Int, last: Bool) -> Int? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty else { return 0 }
    let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Int? in
      guard haystack.count >= pattern.count else { return nil }
      var found: Int? = nil
      let first = pattern[0]
      var index = start
      let limit = haystack.count - pattern.count
      while index <= limit {
        if haystack[index] == first {
          var matched = true
          for offset in 1..<pattern.count where haystack[index + offset] != pattern[offset] {
            matched = false
            break
          }
          if matched {
            found = index
            if !last { return index }
          }
        }
        index += 1
      }
      return found
    }
    if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
    return Array(utf8).withUnsafeBufferPointer(search)
  }
}
