/// The built-in Markdown day. Rendered as text: the writer hands it a copy of the digest whose feed text is
/// already Markdown-escaped, so a title cannot become a link, an image or raw HTML.
enum DigestMarkdownTemplate {
    static let name = "digest.md"
    /// An outlet's audio or video link (the `media` partial), wherever an outlet is listed.
    static let mediaPartial = (name: "media.md", text: #"{{#media}} ([▶ {{kind}}{{#sizeText}}, {{.}}{{/sizeText}}](<{{link}}>)){{/media}}"#)
    static let text = #"""
{{% CONTENT_TYPE: TEXT}}
# {{title}}: {{dateText}}

{{statsText}}
{{#isEmpty}}

Nothing new was reported on this day.
{{/isEmpty}}
{{#sections}}

## {{name}}
{{#stories}}

### {{#link}}[{{headline}}](<{{.}}>){{/link}}{{^link}}{{headline}}{{/link}}

{{timeText}} · {{outletsText}}
{{#summary}}

{{.}}
{{/summary}}

{{#articles}}
- {{^isHeadline}}*{{title}}*: {{/isHeadline}}{{#outlets}}{{#link}}[{{name}}](<{{.}}>){{/link}}{{^link}}{{name}}{{/link}}{{> media.md}}{{^last()}}, {{/last()}}{{/outlets}}
{{/articles}}
{{/stories}}
{{/sections}}
{{^empty(updates)}}

## Updates

Stories from earlier digests with new reports since.
{{#updates}}

### {{#link}}[{{headline}}](<{{.}}>){{/link}}{{^link}}{{headline}}{{/link}}

{{timeText}} · {{outletsText}}

{{#articles}}
- {{^isHeadline}}*{{title}}*: {{/isHeadline}}{{#outlets}}{{#link}}[{{name}}](<{{.}}>){{/link}}{{^link}}{{name}}{{/link}}{{> media.md}}{{^last()}}, {{/last()}}{{/outlets}}
{{/articles}}
{{/updates}}
{{/empty(updates)}}
{{^empty(failures)}}

## Feed problems

{{#failures}}
- **{{name}}**: {{reason}} ({{url}})
{{/failures}}
{{/empty(failures)}}

"""#
}
