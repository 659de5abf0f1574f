import Foundation
import Testing
import TestSupport
import FeedModel
@testable import FeedParser

/// The 227 real-world feeds of ../shared/corpus (read at run time, never copied into the repository).
@Suite struct CorpusTests {
    struct Row {
        var file: String
        var format: String
        var wellFormed: Bool
    }

    static var corpus: URL { TestPaths.shared.appendingPathComponent("corpus") }
    static var corpusPresent: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.tsv").path)
    }

    static func manifest() throws -> [Row] {
        let text = try String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(file: f[0], format: f[2], wellFormed: f[7] == "yes")
        }
    }

    /// `<item>`/`<entry>` start tags (any prefix) outside CDATA sections and comments: what MANIFEST's
    /// items_approx counts, recomputed here from the bytes.
    static func elementCount(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var count = 0
        var i = 0
        func at(_ s: String, _ k: Int) -> Bool {
            let u = Array(s.utf8)
            return k + u.count <= bytes.count && Array(bytes[k..<k + u.count]) == u
        }
        while i < bytes.count {
            if at("<![CDATA[", i) {
                i += 9
                while i < bytes.count, !at("]]>", i) { i += 1 }
            } else if at("<!--", i) {
                i += 4
                while i < bytes.count, !at("-->", i) { i += 1 }
            } else if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                var nameStart = j
                while j < bytes.count, bytes[j] != 0x20, bytes[j] != 0x09, bytes[j] != 0x0A, bytes[j] != 0x0D,
                      bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") {
                    if bytes[j] == UInt8(ascii: ":") { nameStart = j + 1 }
                    j += 1
                }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
                if name == "item" || name == "entry" { count += 1 }
                i = j
                continue
            }
            i += 1
        }
        return count
    }

    @Test(.enabled(if: CorpusTests.corpusPresent, "shared/corpus not found")) func everyCorpusFeedParses() async throws {
        let rows = try Self.manifest()
        #expect(rows.count == 227)
        var checkedCounts = 0
        for row in rows {
            await Task.yield()  // seconds of work: other suites' async tests get the pool's threads between files
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent("feeds").appendingPathComponent(row.file))
            let feed: ParsedFeed
            do {
                feed = try FeedParser.parse(data)
            } catch {
                Issue.record("\(row.file): \(error.reason)")
                continue
            }
            #expect(!feed.entries.isEmpty, "\(row.file): no entries")
            let expectedFormat: [String: Set<FeedFormat>] = [
                "atom": [.atom10, .atom03], "rss1": [.rss1, .rss09], "rss2": [.rss2, .rss09], "rss0.92": [.rss09],
            ]
            if let formats = expectedFormat[row.format] { #expect(formats.contains(feed.format), "\(row.file): \(feed.format)") }
            if row.wellFormed {
                #expect(feed.entries.count == Self.elementCount(data), "\(row.file)")
                checkedCounts += 1
            }
            // Whatever the damage, the JSON of every feed is valid JSON.
            let json = ParsedFeedJSON.encode(feed)
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(row.file): invalid JSON")
        }
        #expect(checkedCounts == 197)
    }

    @Test(.enabled(if: CorpusTests.corpusPresent, "shared/corpus not found")) func damagedFeedsKeepWhatPrecedesTheDamage() throws {
        // Truncated inside an unfinished CDATA section in the 8th item.
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("feeds/fastfeedpars__osm-pl.xml"))
        #expect(Self.elementCount(data) == 8)
        #expect(try FeedParser.parse(data).entries.count == 7)
    }

    /// First entries checked against the source documents by hand.
    @Test(.enabled(if: CorpusTests.corpusPresent, "shared/corpus not found"), arguments: [
        ("fastfeedpars__davidbau.xml", nil, "The Right Kind of Openness for AI",
         "http://davidbau.com/archives/2024/03/28/the_right_kind_of_openness_for_ai.html"),
        ("feeder__rss_theguardian.xml", nil, "Saudi foreign minister defends role in securing Ukraine prisoner swaps",
         "https://www.theguardian.com/world/2022/sep/23/saudi-foreign-minister-defends-role-in-ukraine-prisoner-swaps-khashoggi"),
        ("feedjira__SamRuby.xml", "http://intertwingly.net/blog/index.atom", "Plex",
         "http://intertwingly.net/blog/2013/01/30/Plex"),
        ("feedjira__SamRuby.xml", nil, "Plex", "http://intertwingly.net/blog/2013/01/30/Plex"),
        ("feeder__rdf_slashdot.xml", nil, "Ransomware Attack Hampers Prescription Drug Sales at 90% of US Pharmacies",
         "https://yro.slashdot.org/story/24/03/02/071229/ransomware-attack-hampers-prescription-drug-sales-at-90-of-us-pharmacies?utm_source=rss1.0mainlinkanon&utm_medium=feed"),
        ("picofeed__cercle.psy.xml", nil, "Stéphane Gumpper : Qu'est-ce que la psychologie des religions ?",
         "http://le-cercle-psy.scienceshumaines.com/stephane-gumpper-qu-est-ce-que-la-psychologie-des-religions_sh_30765"),
        ("feedkit__Ampersand.xml", nil, "OB er uskarpe - Esbjerg er effektive",
         "https://www.bold.dk/fodbold/nyheder/ob-er-uskarpe--esbjerg-er-effektive/"),
        ("feeder__atom_youtube.xml", nil, "Can You Observe a Typical Universe?", "https://www.youtube.com/watch?v=q-6oU3jXAho"),
        ("rssparser__uolNoticias.rss.xml", nil, "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
         "https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm"),
    ] as [(String, String?, String, String)])
    func sample(_ file: String, _ documentURL: String?, _ title: String, _ link: String) throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("feeds").appendingPathComponent(file))
        let feed = try FeedParser.parse(data, options: .init(documentURL: documentURL.flatMap(URL.init(string:))))
        let first = try #require(feed.entries.first)
        #expect(first.title == title)
        #expect(first.link == link)
    }
}
