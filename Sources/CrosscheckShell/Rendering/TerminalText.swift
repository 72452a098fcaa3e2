/// Making untrusted text safe and measurable on a terminal.
package enum TerminalText {
  /// Bidirectional embedding, override and isolate controls, which can make text on the
  /// screen read differently from what it is.
  package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    default: return false
    }
  }

  /// `text` with every control character shown as a visible escape: C0 and DEL as `\x1B`,
  /// C1 as `\u{9B}`, bidirectional controls as `<U+202E>`. Line feeds and tabs are kept
  /// when `keepLayout` is true, else shown as `⏎` and a space.
  package static func escape(_ text: String, keepLayout: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: result += keepLayout ? "\n" : "⏎"
      case 0x09: result += keepLayout ? "\t" : " "
      case 0x00..<0x20, 0x7F: result += "\\x" + hex(scalar.value, digits: 2)
      case 0x80...0x9F: result += "\\u{" + hex(scalar.value, digits: 2) + "}"
      default:
        if isBidiControl(scalar) {
          result += "<U+" + hex(scalar.value, digits: 4) + ">"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Whether `text` holds a character that `escape` would change (a line feed and a tab too).
  package static func needsEscaping(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: needsEscape)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) || isBidiControl(scalar)
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// The number of terminal columns `text` takes (after escaping): wide East Asian
  /// characters take two, combining marks and zero-width characters none.
  package static func width(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += columns(scalar) }
    return width
  }

  /// Columns one scalar takes.
  package static func columns(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// `text` cut to at most `limit` columns, ending in `…` when it was cut.
  package static func truncate(_ text: String, to limit: Int) -> String {
    guard width(text) > limit else { return text }
    guard limit > 1 else { return limit == 1 ? "…" : "" }
    var result = ""
    var used = 0
    for scalar in text.unicodeScalars {
      let columns = columns(scalar)
      if used + columns > limit - 1 { break }
      result.unicodeScalars.append(scalar)
      used += columns
    }
    return result + "…"
  }

  /// `text` padded with spaces to `width` columns, on the left when `right` is true.
  package static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - Self.width(text)))
    return right ? padding + text : text + padding
  }
}
