import FeedParser
import Foundation
import Testing

/// How often the publisher says to look: RSS `<ttl>`, else the syndication module's period and frequency.
@Suite struct TTLTests {
    @Test func rssTTLIsRead() throws {
        let rss = "<rss version=\"2.0\"><channel><title>t</title><ttl> 180 </ttl><item><title>a</title></item></channel></rss>"
        #expect(try FeedParser.parse(Data(rss.utf8)).ttlMinutes == 180)
        let bad = "<rss version=\"2.0\"><channel><title>t</title><ttl>soon</ttl></channel></rss>"
        #expect(try FeedParser.parse(Data(bad.utf8)).ttlMinutes == nil)
    }

    @Test(arguments: [
        ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>", 60),
        ("<sy:updatePeriod>\n\tdaily\t</sy:updatePeriod>\n<sy:updateFrequency>\n\t4\t</sy:updateFrequency>", 360),
        ("<sy:updatePeriod>Weekly</sy:updatePeriod>", 10_080),
        ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>120</sy:updateFrequency>", 1),
        ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>0</sy:updateFrequency>", 60),
        ("<sy:updatePeriod>fortnightly</sy:updatePeriod>", nil),
        ("<ttl>30</ttl><sy:updatePeriod>daily</sy:updatePeriod>", 30),
    ] as [(String, Int?)])
    func theSyndicationModuleStatesAnIntervalWhenThereIsNoTTL(_ channel: String, _ minutes: Int?) throws {
        let rss = #"<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>"#
            + channel + "<item><title>a</title></item></channel></rss>"
        #expect(try FeedParser.parse(Data(rss.utf8)).ttlMinutes == minutes)
    }

    @Test func rss1CarriesItInItsChannel() throws {
        let rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://a.example/"><title>t</title><link>https://a.example/</link>
            <sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
            <item rdf:about="https://a.example/1"><title>a</title><link>https://a.example/1</link></item></rdf:RDF>
            """
        #expect(try FeedParser.parse(Data(rdf.utf8)).ttlMinutes == 720)
    }
}
