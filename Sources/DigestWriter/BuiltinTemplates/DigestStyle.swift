/// The stylesheet every built-in page shares, inlined so pages need nothing from outside.
/// Type: a book serif for what is read (headlines, summaries), the system sans for what is scanned (times,
/// outlet names, counts); a ~40em measure; colours tuned for both schemes with the same hierarchy.
enum DigestStyle {
    static let css = """
    :root{color-scheme:light dark;--bg:#fbfaf6;--fg:#1c1c1e;--muted:#62666d;--faint:#8a8e95;--rule:#e3dfd5;\
    --accent:#9b2f1e;--link:#1d4f91;--panel:#f3efe6}
    @media (prefers-color-scheme:dark){:root{--bg:#141619;--fg:#e6e4df;--muted:#a3a7ad;--faint:#7b8087;\
    --rule:#2b2f35;--accent:#f0a27e;--link:#93b9f5;--panel:#1c1f23}}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--fg);\
    font:1.0625rem/1.6 "Iowan Old Style","Palatino Linotype",Palatino,Charter,"Bitstream Charter",\
    "Source Serif 4","Source Serif Pro",Georgia,"DejaVu Serif",serif;\
    font-kerning:normal;text-rendering:optimizeLegibility;overflow-wrap:break-word}
    .wrap{max-width:42rem;margin:0 auto;padding:2.75rem 1.25rem 4rem}
    .sans,.kicker,.stats,.toc,.meta,.outlets,h2,.updates .note,.problems,footer{\
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans",Arial,sans-serif}
    a{color:var(--link);text-decoration-thickness:.06em;text-underline-offset:.15em}
    a:hover{text-decoration-thickness:.12em}
    .kicker{margin:0;font-size:.78rem;font-weight:600;letter-spacing:.14em;text-transform:uppercase;color:var(--accent)}
    h1{margin:.25rem 0 .5rem;font-size:clamp(1.8rem,6vw,2.3rem);line-height:1.12;font-weight:700;letter-spacing:-.015em}
    .stats{margin:0;font-size:.86rem;color:var(--muted)}
    .toc{margin:1.4rem 0 0;padding:.7rem 0 0;border-top:1px solid var(--rule);font-size:.86rem;line-height:1.9}
    .toc a{display:inline-block;margin-right:1.1rem;text-decoration:none;color:var(--fg);white-space:nowrap}
    .toc a:hover{color:var(--link)}
    .toc .n{color:var(--faint);font-variant-numeric:tabular-nums;margin-left:.25rem}
    h2{margin:3rem 0 0;padding-top:.55rem;border-top:2px solid var(--fg);font-size:.8rem;font-weight:700;\
    letter-spacing:.12em;text-transform:uppercase;color:var(--accent);display:flex;justify-content:space-between}
    h2 .n{color:var(--faint);font-weight:500;letter-spacing:.04em}
    .story{padding:1.15rem 0 1.2rem;border-bottom:1px solid var(--rule)}
    .story:last-child{border-bottom:0}
    h3{margin:0;font-size:1.28rem;line-height:1.28;font-weight:650;letter-spacing:-.005em}
    .lead h3{font-size:1.55rem;line-height:1.2}
    h3 a{color:inherit;text-decoration:none}
    h3 a:hover{text-decoration:underline;text-decoration-thickness:.06em}
    .meta{margin:.3rem 0 0;font-size:.8rem;color:var(--muted);font-variant-numeric:tabular-nums}
    .meta a{color:var(--muted)}
    .summary{margin:.45rem 0 0;color:var(--fg);hyphens:auto}
    .outlets{margin:.6rem 0 0;padding:0;list-style:none;font-size:.85rem;line-height:1.5;color:var(--muted)}
    .outlets li{margin:.25rem 0;padding-left:.9rem;position:relative}
    .outlets li::before{content:"";position:absolute;left:0;top:.62em;width:.35rem;height:1px;background:var(--faint)}
    .outlets .alt{display:block;color:var(--fg);font-style:italic}
    .outlets a{color:var(--link);text-decoration:none;white-space:nowrap}
    a.media{white-space:nowrap;font-size:.85em}
    .outlets a:hover{text-decoration:underline}
    .outlets .sep{color:var(--faint);padding:0 .2rem}
    .more{margin:.6rem 0 0;font-size:.85rem;color:var(--muted)}
    .more>summary{cursor:pointer;list-style-position:outside;margin-left:.9rem;\
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
    .more>summary::marker{color:var(--faint)}
    .more[open]>summary{color:var(--fg)}
    .more .outlets{margin-top:.3rem}
    .updates .story{padding:.8rem 0}
    .updates h3{font-size:1.08rem}
    .updates .note{margin:.5rem 0 0;font-size:.86rem;color:var(--muted)}
    .empty{margin:2.5rem 0;color:var(--muted);font-style:italic}
    .problems{font-size:.85rem;color:var(--muted)}
    .problems ul{margin:.7rem 0 0;padding:0;list-style:none}
    .problems li{margin:0 0 .6rem}
    .problems strong{color:var(--fg);font-weight:600}
    .problems .url{display:block;font:.78rem/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;\
    color:var(--faint);overflow-wrap:anywhere}
    footer{margin-top:3.5rem;padding-top:.8rem;border-top:1px solid var(--rule);font-size:.82rem;color:var(--muted)}
    footer a{margin-right:1rem}
    .days{list-style:none;margin:.6rem 0 0;padding:0}
    .days li{display:flex;gap:1rem;align-items:baseline;padding:.55rem 0;border-bottom:1px solid var(--rule)}
    .days .d{flex:0 0 auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;\
    font-variant-numeric:tabular-nums;font-size:.9rem}
    .days .c{flex:0 0 5.5rem;color:var(--faint);font-size:.8rem;font-variant-numeric:tabular-nums;\
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
    .days .top{color:var(--fg);font-size:.98rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
    @media (max-width:30rem){body{font-size:1rem}.wrap{padding:1.6rem 1.05rem 3rem}h3{font-size:1.17rem}\
    .lead h3{font-size:1.33rem}.toc a{margin-right:.8rem}.days li{flex-wrap:wrap;gap:.1rem .8rem}.days .c{flex:1 0 auto}.days .top{flex:1 0 100%}\
    .days .top{white-space:normal}}
    @media print{:root{--bg:#fff;--fg:#000}.toc,footer{display:none}a{color:inherit}}
    """
}
