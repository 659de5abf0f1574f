import Foundation
import StoryClustering

/// A synthetic but news-shaped stream: events (each with its own names, place and figures, on one of a few dozen
/// topics of 300 words each) reported by 1-12 outlets over the hours after they happen, in headlines and ~50-word
/// summaries that mix the event's names, its topic's words and common words (Zipf-distributed over 20,000). A
/// quarter of follow-up reports reuse the wire text under their own headline. Deterministic per seed.
struct NewsGenerator {
    struct Generated { var item: StoryItem; var event: Int }

    private var rng: SplitMix64
    let days: Double
    private(set) var eventCount = 0
    private let common: [String]
    private let topics: [[String]]
    private let names: [String]

    init(seed: UInt64, days: Double) {
        rng = SplitMix64(seed: seed)
        self.days = days
        // Every word distinct by construction: a class syllable, then the index spelled in syllables.
        let parts = ["ka", "lo", "mer", "tin", "sa", "ro", "vel", "dan", "pi", "tor", "an", "es", "ul", "gra", "mon",
                     "ter", "li", "fa", "ber", "cho", "dre", "ix", "nu", "ost", "pra", "qui", "sel", "ta", "vo", "zen"]
        func word(_ index: Int, _ kind: String) -> String {
            var n = index, out = kind
            repeat { out += parts[n % parts.count]; n /= parts.count } while n > 0
            return out
        }
        common = (0..<20_000).map { word($0, "") }
        topics = (0..<60).map { t in (0..<300).map { word(t * 300 + $0, "b") } }
        names = (0..<200_000).map { word($0, "z").capitalized }
    }

    private mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
    private mutating func zipf(_ a: [String]) -> String {
        // Rank ~ 1/u: a few very frequent words, a long tail.
        let u = Double(rng.next() % 1_000_000 + 1) / 1_000_000
        return a[min(a.count - 1, Int(pow(Double(a.count), u)) - 1)]
    }

    mutating func stream(count: Int) -> [Generated] {
        var out: [Generated] = []
        out.reserveCapacity(count + 16)
        let base = Date(timeIntervalSince1970: 1_763_000_000)
        var nextID: Int64 = 1
        while out.count < count {
            let event = eventCount
            eventCount += 1
            let start = Double(rng.next() % UInt64(days * 86_400))
            let topic = pick(topics)
            let eventNames = (0..<4).map { _ in pick(names) }
            let figure = String(rng.next() % 10_000)
            let outlets = 1 + Int(rng.next() % 12 == 0 ? rng.next() % 12 : rng.next() % 5)
            let wireText = summary(eventNames, topic, figure)
            for k in 0..<outlets {
                // Some outlets run the wire copy under their own headline; the rest write their own.
                let text = k > 0 && rng.next() % 4 == 0 ? wireText : summary(eventNames, topic, figure)
                let delay = -log(Double(rng.next() % 1_000_000 + 1) / 1_000_000) * 6 * 3600
                out.append(Generated(item: StoryItem(
                    id: nextID, feedID: Int64(rng.next() % 500), title: headline(eventNames, topic, figure),
                    text: text, canonicalURL: "news\(rng.next() % 500).example/\(nextID)",
                    published: base.addingTimeInterval(start + delay)), event: event))
                nextID += 1
            }
        }
        out.sort { ($0.item.published, $0.item.id) < ($1.item.published, $1.item.id) }
        return Array(out.prefix(count))
    }

    private mutating func headline(_ names: [String], _ topic: [String], _ figure: String) -> String {
        var words = [pick(names), pick(topic), zipf(common), pick(names), pick(topic), zipf(common)]
        if rng.next() % 3 == 0 { words.append(figure) }
        words.shuffle(using: &rng)
        return words.joined(separator: " ")
    }

    private mutating func summary(_ names: [String], _ topic: [String], _ figure: String) -> String {
        var words: [String] = []
        for i in 0..<50 {
            switch rng.next() % 10 {
            case 0, 1: words.append(pick(names))
            case 2, 3: words.append(pick(topic))
            default: words.append(zipf(common))
            }
            if i == 20 { words.append(figure) }
        }
        return words.joined(separator: " ") + "."
    }
}

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
