/// Why a line of a page is not article text.
///
/// The raw values are stable identifiers; `description` is the sentence shown to users.
package enum BoilerplateKind: String, Sendable, CaseIterable {
  case navigation
  case advertisement
  case teaser
  case repeatedHeadline = "repeated-headline"
  case repeatedLine = "repeated-line"
  case link
  case share
  case comments
  case authorBox = "author-box"
  case authorBio = "author-bio"
  case copyright
  case sourceCredit = "source-credit"
  case caption
  case newsletter
  case byline
  case media
  case contact
  case notice
  case outletRepeated = "outlet-repeated"

  /// A short human-readable explanation.
  package var description: String {
    switch self {
    case .navigation: return "navigation (breadcrumb, menu or tags)"
    case .advertisement: return "advertisement marker"
    case .teaser: return "teaser repeated at the start of a later paragraph"
    case .repeatedHeadline: return "headline repeated in the text (caption or alt text)"
    case .repeatedLine: return "short line repeated in the text"
    case .link: return "link to another article (\"Also Read\", \"Related\")"
    case .share: return "share or follow buttons"
    case .comments: return "comment widget"
    case .authorBox: return "author box heading"
    case .authorBio: return "author biography"
    case .copyright: return "copyright notice"
    case .sourceCredit: return "source or reporting credit"
    case .caption: return "photo caption or credit"
    case .newsletter: return "newsletter or subscription prompt"
    case .byline: return "byline or date line"
    case .media: return "video or audio prompt"
    case .contact: return "contact or news-tip prompt"
    case .notice: return "disclaimer or site notice"
    case .outletRepeated: return "repeated in other articles from the same outlet"
    }
  }
}
