/// The built-in list of every day in the digest folder, newest first.
enum IndexHTMLTemplate {
    static let name = "index.html"
    static let text = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>{{title}}</title>
<link rel="alternate" type="application/atom+xml" title="{{title}}" href="digest.atom">
<style>
{{> style}}
</style>
</head>
<body>
<div class="wrap">
<header>
<p class="kicker">Archive</p>
<h1>{{title}}</h1>
<p class="stats">{{daysText}}</p>
</header>
<main>
{{#months}}
<section>
<h2><span>{{name}}</span><span class="n">{{count(days)}}</span></h2>
<ul class="days">
{{#days}}
<li><a class="d" href="{{date}}.html">{{label}}</a>{{#stories}}<span class="c">{{.}}</span>{{/stories}}{{#headline}}<span class="top">{{.}}</span>{{/headline}}</li>
{{/days}}
</ul>
</section>
{{/months}}
</main>
<footer><a href="digest.atom">Atom feed</a></footer>
</div>
</body>
</html>

"""#
}
