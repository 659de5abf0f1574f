/// The Atom feed: one entry per day. Mustache's HTML escaping (`& < > " '`) is also valid XML escaping, and feed
/// text reaching it has had XML-illegal control characters removed by the builder.
enum AtomTemplate {
    static let name = "digest.atom"
    static let text = #"""
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{{title}}</title>
<id>{{id}}</id>
<updated>{{updated}}</updated>
<link rel="alternate" type="text/html" href="{{indexLink}}"/>
<link rel="self" type="application/atom+xml" href="{{selfLink}}"/>
<generator>feedd</generator>
{{#entries}}
<entry>
<title>{{title}}</title>
<id>{{id}}</id>
<updated>{{updated}}</updated>
<published>{{published}}</published>
<link rel="alternate" type="text/html" href="{{link}}"/>
<author><name>feedd</name></author>
<summary>{{summary}}</summary>
<content type="html">{{content}}</content>
</entry>
{{/entries}}
</feed>

"""#
}
