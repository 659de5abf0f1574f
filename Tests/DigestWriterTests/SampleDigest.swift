import Foundation
import FeedModel
@testable import DigestWriter

/// A realistic day: categories, multi-outlet stories with copies and their own wordings, long titles, summaries,
/// updates, an untitled item and failed feeds. Text is invented here (never taken from shared test data).
enum SampleDigest {
    static let outlets: [(String, String?)] = [
        ("Northern Courier", "World"), ("The Morning Ledger", "World"), ("Global Wire Service", "World"),
        ("Harbour Evening Post", "World"), ("Circuit Weekly", "Technology"), ("Byte & Bolt", "Technology"),
        ("Open Source Digest", "Technology"), ("Market Watchtower", "Business"), ("The Fiscal Times", "Business"),
        ("Lab Notes Quarterly", "Science"), ("Orbit Magazine", "Science"), ("a-personal-weblog.example.net", nil),
        ("Neighbourhood Notes", nil), ("Stadium Sports Desk", "Sport"),
    ]

    static let topics: [(String, [String], String)] = [
        ("Coastal cities prepare for the strongest storm in a decade as evacuation orders widen",
         ["Storm evacuation orders widen along the coast", "Officials urge residents to leave before landfall",
          "What we know about the storm's path"],
         "Authorities extended evacuation orders to three more districts on Saturday as forecasters upgraded the storm, warning of surges up to four metres and prolonged power cuts across the region."),
        ("Parliament passes landmark data protection law after marathon overnight session",
         ["Data protection bill clears final vote", "New privacy rules: what changes for you"],
         "The law gives people the right to see and delete the data companies hold about them and sets fines of up to four per cent of global turnover."),
        ("Open-source maintainers warn of burnout as critical projects lose volunteers",
         ["Maintainer burnout threatens key libraries"],
         "A survey of more than two thousand maintainers found that most work unpaid and a third have considered quitting in the past year."),
        ("Chipmaker unveils low-power processor aimed at laptops",
         ["New laptop chip promises all-day battery", "Benchmarks: the new chip against its rivals"],
         "The company says the processor doubles battery life compared with its previous generation while matching its performance."),
        ("Central bank holds rates steady but signals cuts next year",
         ["Rates unchanged, cuts hinted for spring"],
         "Policy makers voted seven to two to keep the benchmark rate unchanged, citing easing inflation and a cooling labour market."),
        ("Astronomers detect water vapour in the atmosphere of a nearby exoplanet",
         ["Water found around distant world"],
         "Observations over forty orbits revealed the signature of water vapour, making the planet a prime target for follow-up study."),
        ("City council approves new cycle lanes on the ring road", [],
         "The lanes will be built over eighteen months and separated from traffic by kerbs."),
        ("Underdogs reach the cup final after penalty shoot-out", ["Cup semi-final decided on penalties"],
         "The second-division side held on for a goalless draw before winning five-four on penalties."),
        ("Local bakery celebrates fifty years on the high street", [], ""),
        ("Why the old railway bridge matters more than you think: a long look at a century of engineering, politics and the people who crossed it every day", [],
         "An essay on infrastructure, memory and the small decisions that shape a town for generations."),
    ]

    /// Items are dated within `day` (entry ids repeat across days: each day is its own store snapshot).
    static func input(day: DayStamp = Fixture.day) -> DigestInput {
        let shift = Int(day.interval(in: Fixture.utc).start.timeIntervalSince(Fixture.dayStart) / 60)
        func entry(_ id: Int64, feed: Int64, _ title: String, minute: Int, summary: String = "") -> Entry {
            Fixture.entry(id, feed: feed, title, minute: minute + shift, summary: summary)
        }
        var feeds: [Feed] = []
        for (i, outlet) in outlets.enumerated() {
            feeds.append(Feed(id: Int64(i + 1), url: "https://outlet\(i + 1).example/feed.xml", title: outlet.0,
                              category: outlet.1))
        }
        var stories: [Story] = []
        var nextID: Int64 = 1
        for (t, topic) in topics.enumerated() {
            let (headline, alternatives, summary) = topic
            let category = t < 2 ? "World" : t < 4 ? "Technology" : t == 4 ? "Business" : t == 5 ? "Science"
                : t == 7 ? "Sport" : nil
            let home = feeds.filter { $0.category == category }
            let extra = feeds.filter { $0.category != category }
            var entries: [Entry] = []
            let copies = max(1, 5 - t / 2)
            for c in 0..<copies {
                let feed = c < home.count ? home[c] : extra[(c + t) % extra.count]
                let title = c == 1 ? headline + " - " + feed.title! : headline
                entries.append(entry(nextID, feed: feed.id, title, minute: 300 + t * 47 + c * 13,
                                             summary: c == 0 ? summary : ""))
                nextID += 1
            }
            for (a, alternative) in alternatives.enumerated() {
                let feed = extra[(a * 3 + t) % extra.count]
                entries.append(entry(nextID, feed: feed.id, alternative, minute: 420 + t * 31 + a * 7,
                                             summary: "Another outlet's take on the same events."))
                nextID += 1
            }
            stories.append(Story(id: entries[0].id, entries: entries))
        }
        // Many single-outlet stories, so the page is long.
        for n in 0..<18 {
            let feed = feeds[n % feeds.count]
            let e = entry(nextID, feed: feed.id, "Briefly: item number \(n + 1) from \(feed.title!)",
                                  minute: 60 + n * 50, summary: "A short report that only one outlet carried.")
            stories.append(Story(id: nextID, entries: [e]))
            nextID += 1
        }
        let untitled = entry(nextID, feed: 12, "", minute: 700,
                                     summary: "A post without a title, as some weblogs publish them.")
        stories.append(Story(id: nextID, entries: [untitled]))
        nextID += 1
        // A podcast episode: its audio file is offered beside the outlet's link.
        var episode = entry(nextID, feed: 12, "Episode 42: the harbour at night", minute: 720)
        episode.media = Enclosure(url: "https://cdn.example/ep42.mp3", type: "audio/mpeg", length: 54_321_000)
        stories.append(Story(id: nextID, entries: [episode]))
        nextID += 1
        // A story shown yesterday that two new outlets picked up today.
        let old1 = entry(nextID, feed: 1, "Ferry service suspended after engine fault", minute: -300)
        let new1 = entry(nextID + 1, feed: 3, "Ferry passengers stranded for a second day", minute: 500)
        let new2 = entry(nextID + 2, feed: 13, "Ferry still not running", minute: 640)
        stories.append(Story(id: old1.id, entries: [old1, new1, new2]))
        let failures = [
            FeedFailure(feedURL: "https://gone.example/rss", title: "Gone Gazette", reason: "HTTP 410 Gone: feed removed by publisher"),
            FeedFailure(feedURL: "https://slow.example/atom.xml", title: nil, reason: "timed out after 30 s"),
            FeedFailure(feedURL: "https://broken.example/feed", title: "Broken Bulletin", reason: "not a feed: the document is an HTML page (text/html)"),
        ]
        return DigestInput(day: day, timeZone: Fixture.utc, stories: stories,
                           feeds: Dictionary(uniqueKeysWithValues: feeds.map { ($0.id, $0) }),
                           shownBefore: [old1.id: [old1.id]], failures: failures)
    }
}

/// A 1000-feed day made from a seeded generator: ~600 stories, 1-20 outlets each, copies, own wordings,
/// twelve categories plus uncategorised feeds, long and short titles, failures.
enum LargeSampleDigest {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let categories = ["World", "Politics", "Business", "Technology", "Science", "Health", "Climate",
                             "Sport", "Culture", "Local", "Opinion", "Security"]
    static let subjects = ["Ministers", "Researchers", "Regulators", "Engineers", "Voters", "Doctors", "Investors",
                           "Farmers", "Teachers", "Astronomers", "Firefighters", "Developers", "Unions", "Courts"]
    static let verbs = ["approve", "reject", "question", "announce", "delay", "expand", "investigate", "celebrate",
                        "warn about", "debate", "fund", "block", "review", "unveil"]
    static let objects = ["a new budget plan", "the river crossing", "an experimental vaccine", "port upgrades",
                          "a tax on sugar", "the rail strike", "quantum computing grants", "the heatwave response",
                          "rules for delivery drones", "a museum extension", "stricter data laws",
                          "the coastal wind farm", "emergency housing", "school meal funding"]
    static let tails = ["", " after weeks of talks", " despite protests", " as costs rise",
                        " in a surprise move", ", sources say", " ahead of the winter season",
                        " following a long and difficult public consultation that drew thousands of responses"]

    static func input() -> DigestInput {
        var g = Generator(state: 42)
        var feeds: [Int64: Feed] = [:]
        for i in 1...1000 {
            let category: String? = i % 9 == 0 ? nil : categories[g.next(categories.count)]
            feeds[Int64(i)] = Feed(id: Int64(i), url: "https://news\(i).example/feed", title: "Newsroom \(i)",
                                   category: category)
        }
        var stories: [Story] = []
        var id: Int64 = 1
        for s in 0..<600 {
            let title = subjects[g.next(subjects.count)] + " " + verbs[g.next(verbs.count)] + " "
                + objects[g.next(objects.count)] + tails[g.next(tails.count)] + " (\(s))"
            let outlets = g.next(10) == 0 ? 5 + g.next(16) : 1 + g.next(3)
            var entries: [Entry] = []
            let base = 30 + g.next(1300)
            for o in 0..<outlets {
                let feed = Int64(1 + g.next(1000))
                let own = g.next(3) == 0
                let itemTitle = own ? "Analysis: what it means when " + title.lowercased() : title
                entries.append(Fixture.entry(id, feed: feed, itemTitle, minute: base + o * 7,
                                             summary: o == 0 ? "Report \(s): " + String(repeating: "Details of the day's events and reactions. ", count: 1 + g.next(8)) : ""))
                id += 1
            }
            stories.append(Story(id: entries[0].id, entries: entries))
        }
        let failures = (0..<25).map { i in
            FeedFailure(feedURL: "https://down\(i).example/rss", title: i % 2 == 0 ? "Down \(i)" : nil,
                        reason: ["HTTP 404 Not Found", "timed out after 30 s", "TLS certificate expired",
                                 "not a feed: HTML page"][i % 4])
        }
        return DigestInput(day: Fixture.day, timeZone: Fixture.utc, stories: stories, feeds: feeds,
                           failures: failures)
    }
}
