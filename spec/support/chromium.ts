/**
 * Headless Chromium for the browser spec and `npm run screenshots`, with no
 * dependency: `--dump-dom` to measure a page (a measuring script is added to
 * a copy of it; the dashboard itself has none), `--screenshot` to capture it.
 * Each call has a fresh profile directory, removed afterwards, and the flags
 * that keep Chromium off the network (without them it waits on refused
 * connections).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Chromium is: `$CHROMIUM`, else the Debian package's `/usr/bin/chromium` (or Google Chrome's), else undefined. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path));
}

export interface PageOptions {
  readonly width: number;
  readonly height?: number;
  /** Render with `prefers-color-scheme: dark`. */
  readonly dark?: boolean;
}

const quietFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--mute-audio',
];

async function withPage<T>(html: string, fn: (file: string, profile: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pulsecheck-chromium-'));
  try {
    const file = join(dir, 'page.html');
    await writeFile(file, html);
    return await fn(file, join(dir, 'profile'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function flags(profile: string, { width, height = 900, dark = false }: PageOptions): string[] {
  // blink's PreferredColorScheme: 0 is dark, 1 is light
  return [...quietFlags, `--user-data-dir=${profile}`, `--window-size=${width},${height}`, `--blink-settings=preferredColorScheme=${dark ? 0 : 1}`];
}

/** What the measuring script reports about a page. */
export interface PageMeasures {
  readonly viewportWidth: number;
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly darkScheme: boolean;
  readonly bodyBackground: string;
  /** Per `.strip`: how many cells (bars), the narrowest one's width, whether they all fit in the strip. */
  readonly strips: readonly { readonly cells: number; readonly minCellWidth: number; readonly fits: boolean }[];
  /** Per sparkline: its rendered width and height. */
  readonly sparklines: readonly { readonly width: number; readonly height: number }[];
  /** Elements whose right edge is beyond the viewport (tag.class), if any. */
  readonly overflowing: readonly string[];
}

/**
 * The page goes into an iframe of exactly the width asked for (headless
 * Chromium's window is at least 500 px wide in --dump-dom mode), and a script
 * of the wrapper measures it: the dashboard itself runs no script.
 */
function measuringWrapper(html: string, { width, height = 900 }: PageOptions): string {
  const script = `
(() => {
  const frame = document.getElementById('page');
  const doc = frame.contentDocument;
  const root = doc.documentElement;
  const out = {
    viewportWidth: root.clientWidth,
    scrollWidth: root.scrollWidth,
    scrollHeight: root.scrollHeight,
    darkScheme: frame.contentWindow.matchMedia('(prefers-color-scheme: dark)').matches,
    bodyBackground: frame.contentWindow.getComputedStyle(doc.body).backgroundColor,
    strips: [...doc.querySelectorAll('.strip')].map((strip) => {
      const cells = [...strip.children].filter((cell) => !cell.classList.contains('none')).map((cell) => cell.getBoundingClientRect());
      const box = strip.getBoundingClientRect();
      return { cells: cells.length, minCellWidth: Math.min(...cells.map((cell) => cell.width)), fits: cells.every((cell) => cell.right <= box.right + 0.5 && cell.left >= box.left - 0.5) };
    }),
    sparklines: [...doc.querySelectorAll('svg.spark')].map((svg) => { const box = svg.getBoundingClientRect(); return { width: box.width, height: box.height }; }),
    overflowing: [...doc.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !el.classList.contains('vh')).map((el) => el.tagName.toLowerCase() + '.' + el.getAttribute('class')).slice(0, 10),
  };
  const pre = document.createElement('pre');
  pre.id = 'pulsecheck-measures';
  pre.textContent = JSON.stringify(out);
  document.body.append(pre);
})();`;
  const srcdoc = html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<!doctype html><html><body style="margin:0"><iframe id="page" style="border:0;display:block" width="${width}" height="${height}" srcdoc="${srcdoc}" onload="measure()"></iframe><script>function measure() {${script}}</script></body></html>`;
}

/** Loads `html` at the given width and color scheme and measures its layout. */
export async function measurePage(chromium: string, html: string, options: PageOptions): Promise<PageMeasures> {
  return withPage(measuringWrapper(html, options), async (file, profile) => {
    const { stdout } = await run(chromium, [...flags(profile, { ...options, width: Math.max(options.width, 500) }), '--virtual-time-budget=5000', '--dump-dom', `file://${file}`], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const match = /<pre id="pulsecheck-measures">([^<]*)<\/pre>/.exec(stdout);
    if (match?.[1] === undefined) throw new Error(`chromium: no measures in the dumped DOM (${stdout.length} characters)`);
    return JSON.parse(match[1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')) as PageMeasures;
  });
}

/** Captures `html` as a PNG at `file`, the full page's height (measured first). */
export async function screenshot(chromium: string, html: string, file: string, options: PageOptions): Promise<void> {
  const { scrollHeight } = await measurePage(chromium, html, options);
  await withPage(html, async (page, profile) => {
    await run(chromium, [...flags(profile, { ...options, height: Math.ceil(scrollHeight) }), `--screenshot=${file}`, `file://${page}`], { timeout: 60_000 });
  });
}

/** One axe-core violation, as {@link axeViolations} reports it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (its `axe.min.js`, given as `axeSource`) on `html` in
 * Chromium, at the width and colour scheme given, and returns its
 * violations. The scripts are added to a copy of the page; the dashboard
 * itself has none.
 */
export async function axeViolations(chromium: string, html: string, axeSource: string, options: PageOptions): Promise<AxeViolation[]> {
  const runner =
    `<script>${axeSource}</script><script>axe.run(document, { resultTypes: ['violations'] }).then((result) => {` +
    `const pre = document.createElement('pre'); pre.id = 'pulsecheck-axe'; pre.hidden = true;` +
    `pre.textContent = JSON.stringify(result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })));` +
    `document.body.append(pre); });</script>`;
  const page = html.replace('</body>', `${runner}</body>`);
  return withPage(page, async (file, profile) => {
    const { stdout } = await run(chromium, [...flags(profile, { ...options, width: Math.max(options.width, 500) }), '--virtual-time-budget=10000', '--dump-dom', `file://${file}`], {
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const match = /<pre id="pulsecheck-axe" hidden="">([^<]*)<\/pre>/.exec(stdout);
    if (match?.[1] === undefined) throw new Error(`chromium: no axe result in the dumped DOM (${stdout.length} characters)`);
    return JSON.parse(match[1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')) as AxeViolation[];
  });
}
