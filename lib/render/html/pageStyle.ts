/**
 * @internal The dashboard's one stylesheet, written into its `<style>`
 * element: no inline styles, so that a Content-Security-Policy allowing only
 * that element keeps the page working. Light and dark (`prefers-color-scheme`).
 */
export const pageStyle = `
:root{color-scheme:light dark;--bg:#f3f5f7;--fg:#1c2128;--muted:#59636e;--card:#fff;--line:#d1d9e0;
--pass:#1a7f37;--pass-bg:#dcf5e3;--warn:#8a5a00;--warn-bg:#fff3c4;--fail:#c4212c;--fail-bg:#ffe7e5;--blocked:#6e4bb5;--blocked-bg:#efe9fb;--link:#0b5cad}
@media (prefers-color-scheme:dark){:root{--bg:#0e1116;--fg:#e6edf3;--muted:#9ba5b0;--card:#171c23;--line:#2f3741;
--pass:#4ac26b;--pass-bg:#10291a;--warn:#e3b341;--warn-bg:#2c230c;--fail:#ff7b72;--fail-bg:#3b1519;--blocked:#b69cf0;--blocked-bg:#241c38;--link:#6cb6ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
.wrap{max-width:75rem;margin:0 auto;padding-left:1rem;padding-right:1rem}
.pass{--c:var(--pass);--c-bg:var(--pass-bg)}.warn{--c:var(--warn);--c-bg:var(--warn-bg)}.fail{--c:var(--fail);--c-bg:var(--fail-bg)}.blocked{--c:var(--blocked);--c-bg:var(--blocked-bg)}
.banner{background:var(--c-bg);border-bottom:4px solid var(--c);padding:1.25rem 0 1rem}
h1{margin:0;font-size:1rem;font-weight:600;color:var(--muted);overflow-wrap:anywhere}
.overall{margin:.2rem 0 .35rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .75rem}
.overall strong{font-size:2.1rem;line-height:1.15;color:var(--c)}
.code{font-weight:600;font-variant-numeric:tabular-nums;padding:.05rem .5rem;border:1px solid var(--c);border-radius:999px;color:var(--fg);background:var(--card)}
.meta{margin:0;color:var(--muted)}
main{padding-bottom:.5rem}
h2{font-size:1.05rem;margin:1.5rem 0 .6rem;display:flex;align-items:center;gap:.45rem}
h2 .icon{color:var(--c)}
.count{color:var(--muted);font-weight:500}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,21rem),1fr))}
.tile{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;padding:.75rem .9rem;overflow-wrap:anywhere;min-width:0;scroll-margin-top:1rem}
.tile.blocked{border-left-style:dashed}
.tile:target{outline:3px solid var(--c);outline-offset:2px}
.tile h3{margin:0;font-size:1rem;line-height:1.3}
.desc{margin:.3rem 0 0;color:var(--muted);font-size:.88rem}
.state{margin:.2rem 0 0;display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .4rem;font-weight:600;color:var(--c)}
.since{margin:.3rem 0 0;font-weight:600;font-variant-numeric:tabular-nums}
.cause{margin:.3rem 0 0;font-size:.9rem}
.badge{font-size:.72rem;font-weight:600;padding:.05rem .45rem;border-radius:999px;border:1px solid var(--line);color:var(--muted);background:var(--bg)}
.errors{margin:.6rem 0 0;padding:.45rem .65rem;list-style:none;background:var(--c-bg);border-radius:6px;font:.82rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
.errors li+li{margin-top:.3rem}
.kind{font-weight:700}
dl{margin:.6rem 0 0;font-size:.85rem}
dt{color:var(--muted)}dd{margin:0;font-variant-numeric:tabular-nums}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem}
.obs{border-top:1px dashed var(--line);padding-top:.4rem}
.obs div{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;padding:.1rem 0}
.obs dd{text-align:right}
.tags{list-style:none;margin:.6rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}
.tags li{font-size:.75rem;padding:0 .45rem;border-radius:4px;border:1px solid var(--line);color:var(--muted)}
.empty{margin:1.5rem 0;color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;padding-top:1rem;padding-bottom:1.5rem}
.history{margin:.6rem 0 0;border-top:1px dashed var(--line);padding-top:.45rem;font-size:.85rem}
.uptime{margin:0 0 .3rem;color:var(--muted)}
.uptime strong{color:var(--fg);font-variant-numeric:tabular-nums}
.strip{display:block;width:100%;height:1.1rem;background:var(--bg);border-radius:2px}
.strip rect{fill:var(--pass)}.strip rect.warn{fill:var(--warn)}.strip rect.fail{fill:var(--fail)}.strip rect.none{fill:var(--line)}
.spark{display:block;width:100%;height:2rem;margin-top:.35rem;color:var(--muted)}
.spark polyline{fill:none;stroke:currentColor;stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}
.axis,.range{margin:.1rem 0 0;display:flex;justify-content:space-between;flex-wrap:wrap;gap:0 1rem;color:var(--muted);font-size:.78rem;font-variant-numeric:tabular-nums}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
`.trim();
