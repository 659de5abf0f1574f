/// The built-in day page. Every `{{value}}` is HTML-escaped by swift-mustache; the only unescaped content is the
/// built-in stylesheet partial. The Content-Security-Policy forbids scripts, frames, plugins, forms and remote
/// loads outright, a second wall behind the escaping.
enum DigestHTMLTemplate {
    static let name = "digest.html"
    /// An outlet's audio or video link (the `media` partial), wherever an outlet is listed.
    static let mediaPartial = (name: "media.html", text: #"{{#media}} <a class="media" href="{{link}}">▶ {{kind}}{{#sizeText}}, {{.}}{{/sizeText}}</a>{{/media}}"#)
    static let text = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src {{#allowImages}}https: http:{{/allowImages}}{{^allowImages}}'none'{{/allowImages}}; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>{{title}} · {{dateText}}</title>
<link rel="alternate" type="application/atom+xml" title="{{title}}" href="digest.atom">
<style>
{{> style}}
</style>
</head>
<body>
<div class="wrap">
<header>
<p class="kicker">{{title}}</p>
<h1><time datetime="{{date}}">{{dateText}}</time></h1>
<p class="stats">{{statsText}}</p>
{{^isEmpty}}
<nav class="toc" aria-label="Sections">
{{#sections}}
<a href="#{{anchor}}">{{name}}<span class="n">{{count(stories)}}</span></a>
{{/sections}}
{{^empty(updates)}}
<a href="#updates">Updates<span class="n">{{count(updates)}}</span></a>
{{/empty(updates)}}
{{^empty(failures)}}
<a href="#problems">Feed problems<span class="n">{{count(failures)}}</span></a>
{{/empty(failures)}}
</nav>
{{/isEmpty}}
</header>
<main>
{{#isEmpty}}
<p class="empty">Nothing new was reported on this day.</p>
{{/isEmpty}}
{{#sections}}
<section id="{{anchor}}">
<h2><span>{{name}}</span><span class="n">{{count(stories)}}</span></h2>
{{#stories}}
<article class="story{{#first()}} lead{{/first()}}" id="story-{{anchor}}">
<h3>{{#link}}<a href="{{.}}">{{headline}}</a>{{/link}}{{^link}}{{headline}}{{/link}}</h3>
<p class="meta"><time datetime="{{firstReported}}">{{timeText}}</time>{{#hasCoverage}} · {{outletsText}}{{/hasCoverage}}{{^hasCoverage}}{{#articles}}{{#outlets}} · {{#link}}<a href="{{.}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}{{> media.html}}{{/outlets}}{{/articles}}{{/hasCoverage}}</p>
{{#summary}}
<p class="summary">{{.}}</p>
{{/summary}}
{{#hasCoverage}}
{{#collapseCoverage}}
<details class="more"><summary>{{coveragePreview}}</summary>
{{/collapseCoverage}}
<ul class="outlets">
{{#articles}}
<li>{{^isHeadline}}<span class="alt">{{title}}</span>{{/isHeadline}}{{#outlets}}{{#link}}<a href="{{.}}" title="{{timeText}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}{{> media.html}}{{^last()}}<span class="sep">·</span>{{/last()}}{{/outlets}}</li>
{{/articles}}
</ul>
{{#collapseCoverage}}
</details>
{{/collapseCoverage}}
{{/hasCoverage}}
</article>
{{/stories}}
</section>
{{/sections}}
{{^empty(updates)}}
<section id="updates" class="updates">
<h2><span>Updates</span><span class="n">{{count(updates)}}</span></h2>
<p class="note">Stories from earlier digests with new reports since. Only the new coverage is listed.</p>
{{#updates}}
<article class="story" id="update-{{anchor}}">
<h3>{{#link}}<a href="{{.}}">{{headline}}</a>{{/link}}{{^link}}{{headline}}{{/link}}</h3>
<p class="meta"><time datetime="{{lastReported}}">{{timeText}}</time> · {{outletsText}}</p>
<ul class="outlets">
{{#articles}}
<li>{{^isHeadline}}<span class="alt">{{title}}</span>{{/isHeadline}}{{#outlets}}{{#link}}<a href="{{.}}" title="{{timeText}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}{{> media.html}}{{^last()}}<span class="sep">·</span>{{/last()}}{{/outlets}}</li>
{{/articles}}
</ul>
</article>
{{/updates}}
</section>
{{/empty(updates)}}
{{^empty(failures)}}
<section id="problems" class="problems">
<h2><span>Feed problems</span><span class="n">{{count(failures)}}</span></h2>
<ul>
{{#failures}}
<li><strong>{{name}}</strong>: {{reason}}<span class="url">{{url}}</span></li>
{{/failures}}
</ul>
</section>
{{/empty(failures)}}
</main>
<footer>
{{#previousDay}}<a href="{{.}}.html" rel="prev">← {{.}}</a>{{/previousDay}}
<a href="index.html">All days</a>
<a href="{{date}}.md">Markdown</a>
<a href="{{date}}.json">JSON</a>
<a href="digest.atom">Atom feed</a>
</footer>
</div>
</body>
</html>

"""#
}
