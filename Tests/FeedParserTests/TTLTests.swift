import FeedParser
import Foundation
import Testing

@Suite struct TTLTests {
    @Test func rssTTLIsRead() throws {
        let rss = "<rss version=\"2.0\"><channel><title>t</title><ttl> 180 </ttl><item><title>a</title></item></channel></rss>"
        #expect(try FeedParser.parse(Data(rss.utf8)).ttlMinutes == 180)
        let bad = "<rss version=\"2.0\"><channel><title>t</title><ttl>soon</ttl></channel></rss>"
        #expect(try FeedParser.parse(Data(bad.utf8)).ttlMinutes == nil)
    }
}
