/// The years an item's own date makes it mention without saying anything about its event: its publication year,
/// and the years on either side (the year-end reviews and the coming year's outlooks of December and January). A
/// window of a few weeks spans at most two calendar years, so every item in it that writes a year writes one of
/// these: "Year in Search 2014" and "Game of the Year 2014" share it as they share the word "year", and "World Cup
/// 2014" is no more the one World Cup of its weeks with the year than without. The tokenizer already drops written
/// dates for the same reason (`EventTokenizer.numericDateEnd`); `ItemProfile` drops these years as words.
struct PublicationYear {
    /// The term hashes of the three years' four-digit words (`EventTokenizer.termHash(of:)` of "2013"…).
    let hashes: (UInt64, UInt64, UInt64)

    init(secondsSince1970 seconds: Double) {
        let year = Self.civilYear(daysSince1970: Int((seconds / 86_400).rounded(.down)))
        func hash(_ year: Int) -> UInt64 { TermHash.of(String(year).utf8) }
        hashes = (hash(year - 1), hash(year), hash(year + 1))
    }

    func contains(_ hash: UInt64) -> Bool { hash == hashes.0 || hash == hashes.1 || hash == hashes.2 }

    /// The proleptic Gregorian year (UTC) of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`),
    /// without a Calendar per item.
    static func civilYear(daysSince1970 days: Int) -> Int {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0)
    }
}
