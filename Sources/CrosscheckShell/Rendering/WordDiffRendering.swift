import CrosscheckCore

/// The forms of a whole-text word diff (`diff --words`): the output blocks and JSON value
/// the command returns, and the same text and JSON written as they are produced, for
/// `crosscheck diff FILE FILE`, without holding the output in memory.
///
/// The streamed form is byte for byte what the renderers make of the returned output (a
/// test holds them to it): the JSON value of each operation is the one the command builds,
/// and the text takes a byte-copying path only where the terminal escaping would change
/// nothing.
enum WordDiffRendering {
  /// `a`, `b`, `algorithm`, `minimal`, `ignore` and `stats`: the JSON fields before `ops`.
  static func head(_ diff: WordDiff, names: (String?, String?), ignoring: [String]) -> [(String, JSONValue)] {
    [
      ("a", .string(names.0)), ("b", .string(names.1)),
      ("algorithm", .string(diff.algorithm.method == .myers ? "myers" : "patience")),
      ("minimal", .bool(diff.isMinimal)),
      ("ignore", .array(ignoring.map(JSONValue.string))),
      ("stats", statistics(diff)),
    ]
  }

  /// The counts: words changed, deleted and inserted.
  static func statistics(_ diff: WordDiff) -> JSONValue {
    .object([
      ("words_changed", .int(diff.wordsChanged)), ("words_deleted", .int(diff.wordsDeleted)),
      ("words_inserted", .int(diff.wordsInserted)),
    ])
  }

  /// The `--stat` view.
  static func statisticsFields(_ diff: WordDiff) -> [Field] {
    [
      Field("words changed", StyledText("\(diff.wordsChanged.grouped) (\(diff.wordsDeleted.grouped) deleted, \(diff.wordsInserted.grouped) inserted)")),
      Field("script", StyledText(diff.isMinimal ? "minimal (Myers)" : "patience anchors, Myers between them (not always minimal)")),
    ]
  }

  /// The whole JSON value.
  static func value(_ diff: WordDiff, names: (String?, String?), ignoring: [String]) -> JSONValue {
    var ops: [JSONValue] = []
    var offsets = OperationOffsets()
    diff.forEachOperation { ops.append(operation($0, of: diff, offsets: &offsets)) }
    return .object(head(diff, names: names, ignoring: ignoring) + [("ops", .array(ops))])
  }

  /// Code point offsets into both texts, converted as the operations go by.
  struct OperationOffsets {
    var source = ScalarOffsets()
    var target = ScalarOffsets()
  }

  /// One operation: its kind, code point offsets into both texts, and both texts.
  static func operation(_ op: DocumentDiff.Operation, of diff: WordDiff, offsets: inout OperationOffsets) -> JSONValue {
    let (a, b) = diff.source.bytes.withUnsafeBufferPointer { source in
      diff.target.bytes.withUnsafeBufferPointer { target in
        (
          offsets.source.offset(ofByte: op.sourceBytes.lowerBound, in: source)..<offsets.source.offset(ofByte: op.sourceBytes.upperBound, in: source),
          offsets.target.offset(ofByte: op.targetBytes.lowerBound, in: target)..<offsets.target.offset(ofByte: op.targetBytes.upperBound, in: target)
        )
      }
    }
    return .object([
      ("op", .string(DiffJSON.name(op.kind))),
      ("a_start", .int(a.lowerBound)), ("a_end", .int(a.upperBound)),
      ("b_start", .int(b.lowerBound)), ("b_end", .int(b.upperBound)),
      ("a_text", .string(String(decoding: diff.source.bytes[op.sourceBytes], as: UTF8.self))),
      ("b_text", .string(String(decoding: diff.target.bytes[op.targetBytes], as: UTF8.self))),
    ])
  }

  /// The text with its changes, as styled runs.
  static func text(_ diff: WordDiff) -> StyledText {
    var runs: [StyledRun] = []
    diff.forEachRun { runs.append(StyledRun(string(of: $0, in: diff), style(of: $0.kind))) }
    return StyledText(runs)
  }

  static func style(of kind: DiffRunKind) -> TextStyle {
    switch kind {
    case .same: return .plain
    case .deleted: return .deleted
    case .inserted: return .inserted
    }
  }

  static func string(of run: WordDiff.Run, in diff: WordDiff) -> String {
    String(decoding: (run.isTarget ? diff.target : diff.source).bytes[run.bytes], as: UTF8.self)
  }
}

/// Writes a word diff's text or JSON through a sink in chunks as it is produced.
package struct WordDiffWriter {
  private var output: ChunkedOutput

  /// A writer that hands its output to `sink` in chunks.
  package init(sink: @escaping ([UInt8]) -> Void) {
    output = ChunkedOutput(sink: sink)
  }

  /// A writer that writes its output to a file descriptor (standard output, say) in
  /// chunks, straight from its buffer.
  package init(descriptor: Int32) {
    output = ChunkedOutput(descriptor: descriptor)
  }

  /// Writes the text with its changes marked as `[-deleted-]{+inserted+}`, or in color;
  /// what the table and text renderers make of `diff --words`'s output.
  package mutating func writeText(_ diff: WordDiff, color: Bool) {
    let colors = color
      ? DiffColors(deleted: ANSI.code(for: .deleted) ?? "", inserted: ANSI.code(for: .inserted) ?? "", reset: ANSI.reset)
      : nil
    diff.writeMarkedText(to: &output, colors: colors) { kind, bytes, output in
      let run = StyledRun(String(decoding: bytes, as: UTF8.self), WordDiffRendering.style(of: kind))
      output.append(StyledText([run]).rendered(color: color))
    }
  }

  /// Writes the JSON value of `diff --words --format json`, operation by operation.
  package mutating func writeJSON(_ diff: WordDiff, names: (String?, String?), ignoring: [String]) {
    // The head with an empty `ops`, then the operations spliced in where it ends: an
    // operation serialized on its own is indented four more spaces inside the array.
    var head = JSONValue.object(WordDiffRendering.head(diff, names: names, ignoring: ignoring) + [("ops", .array([]))])
      .serialized()
    let emptyEnd = "[]\n}"
    precondition(head.hasSuffix(emptyEnd), "the JSON head ends with the empty operations")
    head.removeLast(emptyEnd.utf8.count)
    output.append(head)
    var offsets = WordDiffRendering.OperationOffsets()
    var first = true
    diff.forEachOperation { op in
      output.append(first ? "[\n    " : ",\n    ")
      first = false
      let value = WordDiffRendering.operation(op, of: diff, offsets: &offsets).serialized()
      for byte in value.utf8 {
        output.appendByte(byte)
        // Strings are escaped, so every line break is the layout's.
        if byte == 0x0A { output.append("    " as StaticString) }
      }
    }
    output.append(first ? "[]\n}" : "\n  ]\n}")
    output.flush()
  }
}
