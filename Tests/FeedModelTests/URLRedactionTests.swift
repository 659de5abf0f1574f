import FeedModel
import Testing

/// What of a feed address may be shown in logs and digests: credentials masked, everything else as written.
@Suite struct URLRedactionTests {
    @Test(arguments: [
        ("https://reader:s3cret@feeds.example/private.xml", "https://***@feeds.example/private.xml"),
        ("https://0123abcd@feeds.example/rss", "https://***@feeds.example/rss"),
        ("https://github.example/me.private.atom?token=AB12", "https://github.example/me.private.atom?token=***"),
        ("https://x.example/f?page=2&Access_Token=t&key=k&keyword=news#top",
         "https://x.example/f?page=2&Access_Token=***&key=***&keyword=news#top"),
        ("https://x.example/f?api_key=&client_secret=zz", "https://x.example/f?api_key=&client_secret=***"),
        ("http://user:p%40ss@host.example:8080/a?sig=abc", "http://***@host.example:8080/a?sig=***"),
        // Characters a URL must escape, left raw: the parse fails, the credentials are masked all the same.
        ("https://reader:p#ss w@feeds.example/private.xml", "https://***@feeds.example/private.xml"),
        ("https://a@b:c@feeds.example/x", "https://***@feeds.example/x"),
    ])
    func credentialsAreMasked(_ url: String, _ shown: String) {
        #expect(URLRedaction.redacted(url) == shown)
        // Masking what is masked already changes nothing (a log line may be redacted twice).
        #expect(URLRedaction.redacted(shown) == shown)
    }

    @Test(arguments: [
        "https://news.example/feed.xml",
        "https://news.example/rss?format=xml&page=2&sort=new&keyword=a%20b",
        "https://news.example/@handle/feed",
        "https://news.example?follow=@handle",
        "file:///var/lib/feeds/local.xml",
        "not a url at all?token=x",
        "",
    ])
    func addressesWithoutCredentialsAreKeptVerbatim(_ url: String) {
        #expect(URLRedaction.redacted(url) == url)
    }
}
