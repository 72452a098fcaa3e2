import CrosscheckCore
import Testing

/// Tests of the token interner.
@Suite struct TokenInternerTests {
  /// Ids are dense, in order of first appearance, and equal tokens get equal ids.
  @Test func idsAreDenseInOrderOfFirstAppearance() {
    var interner = TokenInterner<Substring>()
    let ids = interner.intern(contentsOf: "to be or not to be".split(separator: " "))
    #expect(ids == [0, 1, 2, 3, 0, 1])
    #expect(interner.count == 4)
    #expect(interner.tokens == ["to", "be", "or", "not"])
  }

  /// Lookups go both ways and do not intern.
  @Test func lookups() {
    var interner = TokenInterner<String>()
    #expect(interner.intern("alpha") == 0)
    #expect(interner.intern("beta") == 1)
    #expect(interner.intern("alpha") == 0)
    #expect(interner.id(of: "beta") == 1)
    #expect(interner.id(of: "gamma") == nil)
    #expect(interner.count == 2)
    #expect(interner[1] == "beta")
  }
}
