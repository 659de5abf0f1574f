import Foundation
import Testing
@testable import StoryClustering

/// The year an item is published in (and the years on either side) is no word of its event: every item of its
/// weeks that writes a year writes one of those.
@Suite struct PublicationYearTests {
    @Test func civilYearAgreesWithTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Every 13th day from 1900 to 2100 (leap days and year ends among them), and the days around New Year.
        var days = Array(stride(from: -25_567, through: 47_482, by: 13))
        for year in [1969, 1970, 1999, 2000, 2014, 2024, 2099] {
            let newYear = Int(calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))!
                .timeIntervalSince1970 / 86_400)
            days += [newYear - 1, newYear, newYear + 1]
        }
        for day in days {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200)
            #expect(PublicationYear.civilYear(daysSince1970: day) == calendar.component(.year, from: date), "\(day)")
        }
    }

    @Test func theProfileDropsTheYearsAroundItsDateAndKeepsOtherFigures() {
        func terms(_ title: String, publishedIn year: Int) -> Set<UInt64> {
            let seconds = Double(PublicationYearTests.midYear(year))
            var tokenizer = EventTokenizer()
            let profile = ItemProfile(title: title, text: "", year: PublicationYear(secondsSince1970: seconds),
                                      fingerprintMinWords: 1000, tokenizer: &tokenizer)
            return Set(profile.terms)
        }
        let title = "Budget 2015 sets 2014 deficit at 37,000 after the 2012 review"
        let in2014 = terms(title, publishedIn: 2014)
        for figure in ["2015", "2014"] { #expect(!in2014.contains(EventTokenizer.termHash(of: figure)), "\(figure)") }
        for kept in ["2012", "37000", "budget", "deficit"] {
            #expect(in2014.contains(EventTokenizer.termHash(of: kept)), "\(kept)")
        }
        // Years ago, the same years are figures of a story like any other (a look back, an anniversary).
        let in2024 = terms(title, publishedIn: 2024)
        for figure in ["2015", "2014", "2012"] {
            #expect(in2024.contains(EventTokenizer.termHash(of: figure)), "\(figure)")
        }
    }

    @Test func twoYearEndReviewsShareNoEventForTheirYear() {
        // December: a search engine's review of the year and a podcast's game-of-the-year show share "year" and
        // the year. Without the rule the year (a figure, boosted) carries them over the threshold together.
        let published = Double(PublicationYearTests.midYear(2014)) + 170 * 86_400
        // Other news of those days; "year" is a common word of news (this year, a year ago).
        let headlines = [
            "Rail unions call off strike after pay deal this year", "Central bank holds rates for a third year",
            "Storm closes mountain pass and cuts power to villages", "Harbour cranes idle as dock talks stall",
            "Library reopens after year of repairs", "Hospital waiting lists grow for second year",
            "Wildfire season ends with record acreage burned", "Airline orders forty jets for regional routes",
            "Teachers vote on new contract offer", "Orchestra names conductor for next season",
            "Copper prices fall as factory orders slow", "Police arrest two after bank robbery in Leeds",
        ]
        let history = headlines.enumerated().map { k, title in
            StoryItem(id: Int64(100 + k), feedID: Int64(3 + k % 5), title: title, text: "",
                      published: Date(timeIntervalSince1970: published - Double(k) * 3_600))
        }
        let reviews = [
            StoryItem(id: 1, feedID: 1, title: "Year in Search 2014: what the world looked for", text: "",
                      published: Date(timeIntervalSince1970: published)),
            StoryItem(id: 2, feedID: 2, title: "Game of the Year 2014: Day One of the awards show", text: "",
                      published: Date(timeIntervalSince1970: published + 86_400)),
        ]
        let clusterer = StoryClusterer()
        _ = clusterer.assign(batch: history)
        let result = clusterer.assign(batch: reviews)
        let explanation = clusterer.explain(reviews[0], reviews[1])
        #expect(result[1].storyID != result[0].storyID, "\(explanation)")
        // `explain` names the year it left out, which both titles show.
        #expect(explanation.datedYears == ["2014"])
        #expect(!explanation.sharedTerms.contains { $0.term == "2014" })
        #expect(explanation.description.contains("not counted: 2014"))
    }

    /// Seconds since 1970 at 1 July of `year`, UTC.
    static func midYear(_ year: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: DateComponents(year: year, month: 7, day: 1))!.timeIntervalSince1970)
    }
}
