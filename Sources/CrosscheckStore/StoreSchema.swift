/// The session tables as `sql` users see them: what `help sql`, the README and
/// docs/store.md describe. A test checks it against the tables the migrations build.
package enum StoreSchema {
  /// A table (or the full-text index) and its columns.
  package struct Table: Sendable {
    package var name: String
    package var summary: String
    /// Column names with what they hold.
    package var columns: [(name: String, meaning: String)]
  }

  /// Offsets are code point offsets into `documents.text` (`start` inclusive, `end`
  /// exclusive), so `substr(d.text, s.start + 1, s.end - s.start)` is the sentence.
  package static let tables: [Table] = [
    Table(name: "documents", summary: "one row per loaded document, in load order", columns: [
      ("key", "integer key, ascending in load order, that other tables refer to"),
      ("id", "the document id (file stem or JSONL id)"),
      ("path", "where it was loaded from"),
      ("format", "txt, md or jsonl"),
      ("text", "the whole text as decoded"),
      ("title, outlet, date, author, url", "metadata values, or NULL"),
      ("title_inferred, outlet_inferred, …", "1 when the value was inferred from the text"),
      ("title_evidence, outlet_evidence, …", "the text it was inferred from"),
      ("words", "word and number tokens in the body"),
      ("characters", "code points in the text"),
      ("notes", "remarks from loading, one per line"),
      ("credit, credit_inferred, credit_evidence", "the source the text credits (\"Source: …\"), as for the metadata above"),
      ("truncated", "1 when the text ends mid-sentence"),
      ("internal_truncations", "byte ranges (start-end, comma-separated) of paragraphs cut off mid-sentence"),
    ]),
    Table(name: "excluded_spans", summary: "parts of a text that analyses leave out", columns: [
      ("document", "documents.key"), ("number", "0-based position"), ("start, end", "code point offsets"),
      ("byte_start, byte_end", "UTF-8 byte offsets"), ("reason", "front matter, headline, or the kind of boilerplate (navigation, copyright, …)"),
    ]),
    Table(name: "paragraphs", summary: "body paragraphs", columns: [
      ("document", "documents.key"), ("number", "0-based position in the document"), ("start, end", "code point offsets"),
      ("byte_start, byte_end", "UTF-8 byte offsets"), ("token_start, token_end", "token indices (end exclusive)"),
      ("sentence_start, sentence_end", "sentences.number range (end exclusive)"),
    ]),
    Table(name: "sentences", summary: "body sentences, indexed by sentence_search", columns: [
      ("id", "integer key; the rowid of sentence_search"), ("document", "documents.key"),
      ("number", "0-based position in the document"), ("paragraph", "paragraphs.number"),
      ("start, end", "code point offsets"), ("byte_start, byte_end", "UTF-8 byte offsets"),
      ("token_start, token_end", "token indices (end exclusive)"), ("text", "the sentence"),
    ]),
    Table(name: "tokens", summary: "each document's tokens, as one compact blob", columns: [
      ("document", "documents.key"), ("count", "number of tokens"),
      ("data", "per token: kind byte (0 word, 1 number, 2 punctuation), then LEB128 gap and length in bytes"),
    ]),
    Table(name: "sentence_search", summary: "FTS5 index of sentences.text (unicode61, diacritics folded)", columns: [
      ("text", "match with: sentence_search MATCH 'levee'; rank with bm25(sentence_search)"),
    ]),
    Table(name: "quotes", summary: "each document's quotations, worked out from the document alone when it was loaded", columns: [
      ("document", "documents.key"), ("number", "0-based position in the document"),
      ("start, end", "code point offsets of the quoted words, without the quotation marks"), ("byte_start, byte_end", "UTF-8 byte offsets"),
      ("kind", "direct (words said or written) or scare (a term set off by marks)"),
      ("speaker", "speakers.number in the same document, or NULL when unattributed"),
      ("speaker_surface", "the words naming the speaker where the attribution was read"), ("cue", "the speech verb"),
      ("rule", "the attribution pattern (speaker-after, speaker-before, …)"), ("parent", "number of the quotation it is nested in"),
      ("text", "the quoted words"),
    ]),
    Table(name: "speakers", summary: "the people and organisations each document names", columns: [
      ("document", "documents.key"), ("number", "0-based position in the document's list of people"), ("name", "the fullest form of the name"),
      ("forms", "every form the document uses, one per line"), ("roles", "titles and appositions, one per line"),
      ("organization", "1 for an organisation"), ("quotes", "quotations the document attributes to them"),
    ]),
    Table(name: "claims", summary: "each document's numbers and dates, worked out from the document alone when it was loaded", columns: [
      ("document", "documents.key"), ("number", "0-based, in text order"), ("start, end", "code point offsets of the quantity"),
      ("byte_start, byte_end", "UTF-8 byte offsets"), ("sentence_start, sentence_end", "code point offsets of its sentence"),
      ("kind", "money, count, percent, distance, duration, age, ordinal or date"), ("value", "the value as a number, when it is one"),
      ("display", "the value as crosscheck shows it"), ("unit", "its unit, or empty"), ("topic", "the words saying what it measures"),
      ("asserter", "who states it: the outlet, or the person quoted"), ("text", "the quantity's words"),
    ]),
    Table(name: "analyses", summary: "which documents have their quotes, speakers and claims stored, and how many", columns: [
      ("document", "documents.key"), ("quotes, speakers, claims", "row counts in those tables"),
    ]),
    Table(name: "search_terms", summary: "term postings that rank searches of common words fast (see docs/store.md)", columns: [
      ("term", "a term as the full-text index folds it (lower case, no diacritics)"),
      ("first_sentence, last_sentence", "sentences.id range of one load's postings"),
      ("sentences", "how many sentences the postings list"),
      ("postings", "per sentence holding the term: LEB128 gap from the previous sentence id, then the term's count"),
    ]),
    Table(name: "document_sentences", summary: "each document's sentences in compact form, read when a session opens", columns: [
      ("document", "documents.key"), ("first_sentence", "sentences.id of its first sentence (a document's ids are consecutive)"),
      ("count", "number of sentences"),
      ("spans", "per sentence, LEB128: byte gap from the previous sentence, byte length, token gap, token count"),
      ("lengths", "per sentence, LEB128: its number of terms (its length for BM25)"),
    ]),
    Table(name: "results", summary: "cross-document results kept with the session (v6), each for the corpus it was computed from", columns: [
      ("id", "integer key that the result tables refer to"),
      ("kind", "quotes, claims, claim-groups or similarity"),
      ("variant", "the options it depends on: the exchange rates of claim groups, the method of similarity (auto, exact index, MinHash LSH)"),
      ("corpus", "fingerprint of the documents it was computed from (16 hex digits); a result of another corpus is never used"),
      ("version", "the analysis version that computed it; a newer crosscheck computes it again"),
      ("documents", "how many documents the corpus had"),
    ]),
    Table(name: "quote_occurrences", summary: "every quotation of the corpus with its attribution and quote group (a quotes result)", columns: [
      ("result", "results.id"), ("number", "0-based position in corpus order"), ("id", "q1, q2, … as `quotes --all` shows"),
      ("doc", "the document's number in `sources` (1-based load order)"),
      ("start, end", "code point offsets of the quoted words"), ("byte_start, byte_end", "UTF-8 byte offsets"),
      ("open_mark, close_mark, token_start, token_end, segment, parent, single", "the quotation's marks and tokens in its document"),
      ("kind", "direct or scare"), ("rule, cue, surface, surface_start, surface_end, surface_kind, framing, person, evidence, confidence, resolution", "the attribution (rule NULL when unattributed)"),
      ("unattributed", "why no speaker was found"), ("speaker", "quote_speakers.number"), ("quote_group", "quote_groups.number"),
      ("variant", "verbatim, punctuation, trimmed or reworded"), ("misattributed", "1 when its speaker differs from its group's"),
      ("nested_in", "number of the occurrence it is nested in"), ("text", "the quoted words"),
    ]),
    Table(name: "quote_groups", summary: "occurrences of one utterance across sources (Q1, Q2, …)", columns: [
      ("result", "results.id"), ("number", "0-based"), ("id", "Q1, Q2, …"),
      ("canonical", "quote_occurrences.number of the fullest rendering (its text is the canonical text)"),
      ("speaker", "quote_speakers.number of the speaker most occurrences credit"),
    ]),
    Table(name: "quote_speakers", summary: "the people quoted across the corpus (S1, S2, …)", columns: [
      ("result", "results.id"), ("number", "0-based"), ("id", "S1, S2, …"), ("name", "the canonical name"),
      ("aliases", "other forms of the name, one per line"), ("roles", "titles and appositions, one per line"),
    ]),
    Table(name: "quote_speaker_joins", summary: "why each document's name for a speaker is that speaker", columns: [
      ("result", "results.id"), ("speaker", "quote_speakers.number"), ("number", "0-based, in reading order"),
      ("doc", "the document's number in `sources`"), ("name", "the name as the document gives it"), ("reason", "the rule that joined it"),
    ]),
    Table(name: "corpus_claims", summary: "every claim of the corpus as `claims` uses it (a claims result)", columns: [
      ("result", "results.id"), ("number", "0-based, in corpus order; claim_groups.members refer to it"), ("id", "c1, c2, …"),
      ("doc", "the document's number in `sources`"), ("byte_start, byte_end", "UTF-8 byte offsets of the quantity"),
      ("kind", "money, count, percent, …"), ("value, value_high, value_text", "a number, a range (low and high) or a date's text; all NULL when vague"),
      ("unit", "its unit"), ("alternate_value, alternate_unit", "a conversion the text gives beside it"), ("qualifier", "nearly, at_least, …"),
      ("rule", "the recognizer rule"), ("text", "the quantity's words"), ("sentence_start, sentence_end, sentence_index", "its sentence (bytes, 0-based index)"),
      ("topic", "normalized topic words, one per line"), ("topic_text", "the topic as written"), ("asserter, asserter_rule", "who states it and how that was found"),
      ("frames", "qualifiers of frames in its sentence, comma-separated"), ("frame_of", "number of the claim it frames"),
      ("published", "its reference date, in days since 1970-01-01"), ("published_minute", "the time of day, in minutes"), ("measured", "the noun a measure describes"),
    ]),
    Table(name: "claim_groups", summary: "claims about one fact across sources, with the verdict (C1, C2, …)", columns: [
      ("result", "results.id (variant: the exchange rates)"), ("number", "0-based"), ("id", "C1, C2, …"),
      ("members", "corpus_claims.number of each member, space-separated"), ("topic", "what the claims measure"),
      ("agreement", "conflict, updated, consistent, rounded, converted or single"), ("reason", "the values compared and the rule that decided"),
    ]),
    Table(name: "similar_pairs", summary: "pairs of documents that share at least one shingle (a similarity result)", columns: [
      ("result", "results.id (variant: the candidate method)"), ("number", "0-based"), ("a, b", "the documents' numbers in `sources` (a < b)"),
      ("shared, count_a, count_b", "shingles in both, in a, in b (Jaccard = shared / (count_a + count_b - shared))"),
      ("judgement", "independent, shares quotes only, shares text"), ("derived, source", "which looks derived from which (document numbers)"),
      ("reason", "the derivation hint's evidence; NULL without a hint"),
    ]),
    Table(name: "shared_passages", summary: "the passages each similar pair shares", columns: [
      ("result", "results.id"), ("pair", "similar_pairs.number"), ("number", "0-based, in order of position in a"),
      ("a_start, a_end, b_start, b_end", "word positions in each document's shingled words"), ("matched", "words the alignment matched"),
      ("a_byte_start, a_byte_end, b_byte_start, b_byte_end", "UTF-8 byte offsets in each text"), ("quoted_a, quoted_b", "1 when mostly inside quotation marks"),
    ]),
    Table(name: "settings", summary: "the shell's settings saved with the session", columns: [
      ("name", "setting name"), ("value", "its value"),
    ]),
    Table(name: "meta", summary: "facts about the file", columns: [
      ("key", "schema_version; last_sentence_id (ids are never reused); writer_pid, writer_host, writer_since while a crosscheck has it open"),
      ("value", "the value"),
    ]),
  ]
}
