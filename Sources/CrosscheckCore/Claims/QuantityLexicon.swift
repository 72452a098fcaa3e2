/// The words of quantities in English news writing: numerals, multipliers, currencies,
/// units, ordinals, months and weekdays, and the words that qualify an amount.
enum QuantityLexicon {
  static let cardinals: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000,
  ]
  static let ordinals: [String: Double] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
  ]
  /// Fractions written as words ("two-thirds", "a quarter", "half").
  static let fractions: [String: Double] = [
    "half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
  ]
  static let multipliers: [String: Double] = [
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
  ]
  /// Vague plural amounts: "hundreds of residents".
  static let vagueAmounts: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"]
  static let currencySymbols: [String: String] = [
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY",
  ]
  static let currencyCodes: Set<String> = [
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "UAH", "CHF", "CAD", "AUD", "NZD", "KRW", "TRY", "SEK", "NOK", "DKK", "PLN", "ZAR", "BRL", "MXN",
  ]
  /// Prefixes before `$`: "US$", "C$", "A$".
  static let dollarPrefixes: [String: String] = ["us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD", "s": "SGD"]
  static let currencyNames: [String: String] = [
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias’": "UAH", "franc": "CHF", "francs": "CHF",
    "won": "KRW", "lira": "TRY", "krona": "SEK", "kronor": "SEK", "zloty": "PLN", "rand": "ZAR", "reais": "BRL", "pesos": "MXN",
  ]
  /// Currencies named with the country's adjective ("Swedish crowns", "Swiss francs").
  static let nationalCurrencies: [String: String] = [
    "swedish crowns": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK", "norwegian crowns": "NOK",
    "norwegian kroner": "NOK", "norwegian krone": "NOK", "danish crowns": "DKK", "danish kroner": "DKK",
    "danish krone": "DKK", "czech crowns": "CZK", "czech korunas": "CZK", "swiss francs": "CHF",
    "canadian dollars": "CAD", "australian dollars": "AUD", "japanese yen": "JPY", "chinese yuan": "CNY",
    "indian rupees": "INR", "russian roubles": "RUB", "russian rubles": "RUB", "ukrainian hryvnias": "UAH",
    "polish zlotys": "PLN", "polish zloty": "PLN", "turkish lira": "TRY", "mexican pesos": "MXN", "brazilian reais": "BRL",
    "hungarian forints": "HUF", "icelandic kronur": "ISK",
  ]
  /// Temperature units glued to a figure ("34C", "93F", "-5°C").
  static let temperatureUnits: [String: String] = ["c": "C", "f": "F", "°c": "C", "°f": "F", "°": "C"]
  static let distanceUnits: [String: String] = [
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "kms": "km",
    "mile": "mi", "miles": "mi", "mi": "mi", "foot": "ft", "feet": "ft", "ft": "ft", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "block": "blocks",
    "blocks": "blocks", "centimetres": "cm", "centimeters": "cm", "cm": "cm", "millimetres": "mm", "millimeters": "mm", "mm": "mm",
  ]
  /// Time units with their length in seconds, for comparing "15 minutes" with "a quarter of an hour".
  static let durationUnits: [String: (unit: String, seconds: Double)] = [
    "second": ("seconds", 1), "seconds": ("seconds", 1), "minute": ("minutes", 60), "minutes": ("minutes", 60), "mins": ("minutes", 60),
    "hour": ("hours", 3600), "hours": ("hours", 3600), "hrs": ("hours", 3600), "day": ("days", 86400), "days": ("days", 86400),
    "week": ("weeks", 604_800), "weeks": ("weeks", 604_800), "month": ("months", 2_629_746), "months": ("months", 2_629_746),
    "year": ("years", 31_556_952), "years": ("years", 31_556_952), "decade": ("decades", 315_569_520), "decades": ("decades", 315_569_520),
    "century": ("centuries", 3_155_695_200), "centuries": ("centuries", 3_155_695_200),
  ]
  /// Nouns that count people, normalized to `people`.
  static let peopleNouns: Set<String> = [
    "people", "persons", "person", "residents", "civilians", "victims", "evacuees", "patients", "individuals", "inhabitants",
    "adults", "passengers", "migrants", "refugees", "citizens", "villagers", "survivors", "others", "workers", "employees",
    "staff", "soldiers", "troops", "firefighters", "officers", "miners", "children", "students", "volunteers", "tourists",
    "protesters", "doctors", "nurses", "teachers", "pilgrims", "prisoners", "hostages", "civilians", "men", "women",
    "demonstrators", "marchers", "protestors", "fans", "spectators", "participants",
  ]
  /// Nouns for jobs, normalized to `jobs` ("1,500 positions", "1,200 jobs").
  static let jobNouns: Set<String> = ["jobs", "positions", "posts", "roles", "redundancies", "layoffs", "vacancies"]
  /// Counted events that stand for people ("44 arrests", "12 deaths").
  static let peopleEvents: Set<String> = ["arrests", "deaths", "fatalities", "casualties", "injuries", "evacuations", "rescues"]
  /// Participles that say what happened to people counted without a noun ("nine were hurt").
  static let casualtyWords: Set<String> = [
    "hurt", "injured", "wounded", "killed", "dead", "died", "missing", "rescued", "arrested", "evacuated", "hospitalized",
    "hospitalised", "detained", "displaced", "treated",
  ]
  /// Unit-like nouns that follow a numeral in a hyphenated adjective ("five-story", "32-member").
  static let hyphenCountNouns: [String: String] = [
    "story": "storeys", "storey": "storeys", "stories": "storeys", "floor": "floors", "member": "members", "nation": "nations",
    "country": "countries", "point": "points", "seat": "seats", "bed": "beds", "room": "rooms", "car": "cars", "game": "games",
    "page": "pages", "lane": "lanes", "person": "people", "man": "people", "strong": "people", "magnitude": "magnitude",
  ]
  static let months: [String: Int] = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
    "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]
  static let weekdays: [String: Int] = [
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
  ]
  static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "overnight"]
  /// Multi-word qualifiers before an amount, longest first.
  static let prefixQualifiers: [([String], Qualifier)] = [
    (["as", "many", "as"], .atMost), (["as", "much", "as"], .atMost), (["no", "fewer", "than"], .atLeast),
    (["no", "less", "than"], .atLeast), (["more", "than"], .moreThan), (["at", "least"], .atLeast), (["at", "most"], .atMost),
    (["up", "to"], .atMost), (["fewer", "than"], .lessThan), (["less", "than"], .lessThan), (["shortly", "before"], .nearly), (["shortly", "after"], .approx), (["below"], .lessThan), (["above"], .moreThan),
    (["just", "under"], .nearly), (["just", "over"], .moreThan), (["an", "estimated"], .approx), (["nearly"], .nearly),
    (["almost"], .nearly), (["about"], .approx), (["around"], .approx), (["roughly"], .approx), (["approximately"], .approx),
    (["some"], .approx), (["over"], .moreThan), (["under"], .lessThan), (["upwards", "of"], .moreThan), (["circa"], .approx),
    (["since"], .since), (["within"], .within), (["per"], .per),
  ]
  /// Words after which a following amount reads as a duration frame ("in 24 hours").
  static let speechVerbs: Set<String> = ["said", "says", "told", "announced", "reported", "stated", "added", "confirmed", "wrote", "tweeted"]
  static let futureCues: Set<String> = [
    "will", "expected", "expects", "scheduled", "upcoming", "due", "plans", "planned", "next", "forecast",
    "shall", "ahead", "tomorrow", "expect", "would", "begin", "begins", "start", "starts", "resume", "resumes",
    "reopen", "reopens",
  ]
  static let determiners: Set<String> = [
    "the", "his", "her", "its", "their", "our", "my", "your", "this", "a", "an", "that", "whose",
  ]
  /// Words that end a counted noun phrase ("14 people were treated").
  static let stopWords: Set<String> = [
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "than", "that",
    "which", "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "had", "has", "have", "will", "would",
    "could", "can", "may", "might", "should", "must", "did", "do", "does", "it", "its", "they", "them", "their", "he", "she",
    "his", "her", "we", "our", "you", "i", "this", "these", "those", "there", "here", "into", "onto", "over", "under", "after",
    "before", "since", "until", "during", "about", "around", "per", "each", "every", "all", "some", "also", "still", "more",
    "most", "less", "least", "not", "no", "so", "if", "when", "while", "where", "because", "across", "through", "off", "out",
    "up", "down", "away", "back", "ago", "later", "earlier", "again", "just", "only", "even", "now", "then", "already", "yet",
    "said", "says", "say", "told", "according", "including", "against", "between", "among", "amongst", "within", "without",
    "like", "near", "toward", "towards", "above", "below", "behind", "beyond", "apart", "too", "very",
    "other", "another", "such", "both", "either", "neither", "own", "same", "last", "next", "first", "second",
  ]
  /// Common verbs that end a counted noun phrase ("400,000 took part") but say what a
  /// figure is about, so they stay in its topic.
  static let phraseEndingVerbs: Set<String> = [
    "took", "made", "came", "went", "gave", "got", "left", "fell", "rose", "saw", "met", "held", "ran", "won", "lost", "paid",
    "put", "set", "began", "became", "remain", "remained", "remains", "take", "make", "hit", "struck", "cut", "led", "fled",
    "followed",
  ]
  /// Nouns that make a bare four-digit number a year ("a 2021 inspection" is a year; "2021 people" is a count).
  static let yearPrepositions: Set<String> = ["in", "since", "until", "by", "from", "of", "during", "before", "after", "to", "and", "through", "til", "till"]
}
