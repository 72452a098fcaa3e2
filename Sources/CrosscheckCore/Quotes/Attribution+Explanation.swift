extension Attribution {
  /// Why the quotation is credited to `speaker`, as a sentence a student can follow: the
  /// rule that fired, the words it read, and how a pronoun or description was resolved.
  /// - Parameter speaker: the canonical name of the person credited.
  package func sentence(crediting speaker: String) -> String {
    let words = "“" + evidence + "”"
    var text = "Credited to \(speaker) because "
    switch rule {
    case .speakerAfter: text += "the words right after the quote say \(words)."
    case .speakerBefore: text += "the words before the quote say \(words)."
    case .accordingTo: text += "the quote is introduced by \(words)."
    case .clauseSubject: text += "the quote hangs off a clause about \(speaker): \(words)."
    case .sameParagraph: text += "the quote has no attribution of its own, and earlier in the same paragraph \(words) introduces the speaker."
    case .previousParagraph: text += "the quote opens a paragraph that names no one, so it goes on from the previous paragraph, where \(words) introduces the speaker."
    case .nested: text += "the quote sits inside a longer quote by \(speaker) (\(words))."
    case .sentenceSubject: text += "no reporting verb is near it, and the sentence around it is about \(speaker) (\(words))."
    case .interviewee: text += "it is in an answer (“A:”) of a question-and-answer interview, and the interview is with \(speaker) (\(words))."
    }
    if let resolution, !resolution.isEmpty {
      text += " " + resolution.prefix(1).uppercased() + resolution.dropFirst() + "."
    }
    return text
  }
}
