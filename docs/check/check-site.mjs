// Opens every page of the built course site in headless Chromium, at a desktop's width (1280 px)
// and a phone's (390 px), in the light theme and the dark one, and fails on anything a reader
// would trip over:
// - a broken link, anchor or image, a request to another host, a console or script error;
// - an empty code listing, Java/JavaScript code that is not in the repository's sources, a code
//   block that wraps its lines, raw Javadoc markup ({@code}, <p>, <pre>) in a page's text;
// - a page wider than the screen at 390 px (naming what sticks out);
// - any text, code included, under 4.5:1 contrast against what is behind it (WCAG AA);
// - a copy button that copies nothing, or not its block's text;
// - a search for "half-close" that finds no lesson;
// - an image without meaningful alt text.
// It saves a screenshot of every page at both widths, in both themes, under SCREENSHOT_FOLDER.
//
// Usage: node check-site.mjs SITE_FOLDER [SCREENSHOT_FOLDER]
// The site is served on 127.0.0.1 at a port the system chooses; nothing leaves the machine.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, stat } from 'node:fs/promises';
import { join, extname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = resolve(process.argv[2] ?? '../target/site');
const screenshots = resolve(process.argv[3] ?? join(site, '..', 'screenshots'));
// The course's sources: this script lives in docs/check/.
const repository = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PHONE = 390;
const DESKTOP = 1280;
const MINIMUM_CONTRAST = 4.5;

const types = {
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.css': 'text/css',
  '.js': 'text/javascript; charset=utf-8',
};

async function filesUnder(folder, keep) {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'target', '.git'].includes(entry.name)) found.push(...await filesUnder(path, keep));
    } else if (entry.isFile() && keep(path)) { // links left out: the hostile suite's point at classmates
      found.push(path);
    }
  }
  return found;
}

// Every Java and JavaScript source of the course, squeezed to non-blank characters, so that a
// listing on a page can be found in it whatever its indentation: as it is, with its Javadoc's
// leading asterisks gone (an exercise card's example comes from a stub's Javadoc), and with its
// Javadoc gone (a card's stub code is shown without it). Callout markers (// <1>) are not code.
// The folder of this script is left out by its path inside the repository, never by an absolute
// path: a clone may itself sit in a folder named "check".
const squeeze = (text) => text.replace(/^.*(tag|end)::[\w-]+\[\].*$/gm, '').replace(/\s*\/\/ <\d+>$/gm, '')
  .replace(/\s+/g, '');
const withoutAsterisks = (text) => text.replace(/^\s*\*(?!\/)/gm, '');
const withoutJavadoc = (text) => text.replace(/\/\*\*[\s\S]*?\*\//g, '');
const sources = (await Promise.all(
  (await filesUnder(repository, (path) => /\.(java|js|mjs)$/.test(path)
    && !relative(repository, path).startsWith(join('docs', 'check') + sep)))
    .map(async (path) => {
      const text = await readFile(path, 'utf8');
      return [squeeze(text), squeeze(withoutAsterisks(text)), squeeze(withoutJavadoc(text))];
    }))).flat();
if (sources.length === 0) {
  console.error(`found no Java or JavaScript sources under ${repository}`);
  process.exit(1);
}

const server = createServer(async (request, response) => {
  const path = join(site, decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  if (!path.startsWith(site)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile((await stat(path)).isDirectory() ? join(path, 'index.html') : path);
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const problems = [];
const files = (await filesUnder(site, () => true)).map((path) => relative(site, path).split(sep).join('/'));
const pages = files.filter((name) => name.endsWith('.html')).sort();
const anchors = new Map();
let listingsChecked = 0;
let copyButtonsChecked = 0;
let textsMeasured = 0;

// Runs in the page: every element with text of its own, its colour against what is behind it.
function measureContrast(minimum) {
  const parse = (color) => {
    const match = color.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const parts = match[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (value) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const color = parse(getComputedStyle(at).backgroundColor);
      if (color && color.a > 0) layers.push(color);
      if (color && color.a >= 1) break;
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    if (layers.length === 0 || layers[layers.length - 1].a < 1) {
      const canvas = parse(getComputedStyle(document.documentElement).backgroundColor);
      if (canvas && canvas.a >= 1) result = canvas;
    }
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  };
  const failures = [];
  let measured = 0;
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('svg, script, style, noscript')) continue;
    const own = Array.from(element.childNodes).filter((node) => node.nodeType === 3 && node.textContent.trim() !== '');
    if (own.length === 0) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const behind = background(element);
    const text = over(parse(style.color), behind);
    const [light, dark] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    measured++;
    if (ratio < minimum) {
      failures.push(`${ratio.toFixed(2)}:1 for "${own[0].textContent.trim().slice(0, 40)}" (${element.tagName.toLowerCase()}`
        + `${element.className ? '.' + String(element.className).split(' ')[0] : ''}, ${style.color} on rgb(${behind.r.toFixed(0)}, ${behind.g.toFixed(0)}, ${behind.b.toFixed(0)}))`);
    }
  }
  return { measured, failures };
}

try {
  const context = await browser.newContext({ viewport: { width: DESKTOP, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  for (const name of pages) {
    const page = await context.newPage();
    const report = (what) => problems.push(`${name}: ${what}`);
    // Any request that is not for this site is refused and reported.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      report(`request to another host: ${url}`);
      return route.abort();
    });
    page.on('console', (message) => { if (message.type() === 'error') report(`console error: ${message.text()}`); });
    page.on('pageerror', (error) => report(`script error: ${error.message}`));
    page.on('response', (response) => { if (response.status() >= 400) report(`${response.status()} for ${response.url()}`); });
    await page.goto(`${origin}/${name}`, { waitUntil: 'load' });

    // Images: loaded, and described.
    const images = await page.$$eval('img', (all) => all.map((image) => ({
      src: image.getAttribute('src'), ok: image.complete && image.naturalWidth > 0, alt: (image.getAttribute('alt') ?? '').trim(),
    })));
    for (const image of images) {
      if (!image.ok) report(`broken image ${image.src}`);
      const base = image.src.split('/').pop().replace(/\.\w+$/, '');
      if (image.alt.split(/\s+/).length < 4 || image.alt === base || /\.(svg|png|jpe?g|gif)$/i.test(image.alt)
          || image.alt.replace(/[-_]/g, ' ') === base.replace(/[-_]/g, ' ')) {
        report(`image ${image.src} without meaningful alt text (alt="${image.alt}")`);
      }
    }

    // Links: to pages and files of the site only, and to anchors that exist.
    const links = await page.$$eval('a[href]', (all) => all.map((link) => link.href));
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin) {
        if (url.protocol === 'http:' || url.protocol === 'https:') report(`link to another host: ${link}`);
        continue;
      }
      const target = decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
      if (!files.includes(target)) { report(`broken link ${link}`); continue; }
      if (url.hash && target.endsWith('.html')) {
        if (!anchors.has(target)) {
          const other = await context.newPage();
          await other.goto(`${origin}/${target}`);
          anchors.set(target, new Set(await other.$$eval('[id]', (all) => all.map((element) => element.id))));
          await other.close();
        }
        if (!anchors.get(target).has(decodeURIComponent(url.hash.slice(1)))) report(`broken anchor ${link}`);
      }
    }

    // Code: not empty, from the sources, never wrapped.
    const listings = await page.$$eval('pre', (all) => all.map((pre) => {
      const code = pre.querySelector('code') ?? pre;
      const copy = code.cloneNode(true);
      copy.querySelectorAll('.conum').forEach((callout) => {
        const before = callout.previousSibling;
        if (before && before.nodeType === 3) before.textContent = before.textContent.replace(/\s*\/\/\s*$/, '');
        callout.remove();
      });
      return { language: code.dataset.lang ?? '', text: copy.textContent, whiteSpace: getComputedStyle(pre).whiteSpace };
    }));
    for (const listing of listings) {
      if (listing.text.trim() === '') { report('an empty code listing'); continue; }
      if (listing.whiteSpace !== 'pre') report(`a code block that wraps its lines (white-space: ${listing.whiteSpace}): ${listing.text.trim().split('\n')[0]}`);
      if (listing.language === 'java' || listing.language === 'javascript') {
        listingsChecked++;
        const squeezed = squeeze(listing.text);
        if (!sources.some((source) => source.includes(squeezed))) {
          report(`a ${listing.language} listing that is not in the sources: ${listing.text.trim().split('\n')[0]} ...`);
        }
      }
    }

    // Raw Javadoc markup in what a reader reads (Java code is Java code: a listing may hold Javadoc).
    const raw = await page.evaluate(() => {
      const body = (document.getElementById('content') ?? document.body).cloneNode(true);
      body.querySelectorAll('pre').forEach((pre) => pre.remove());
      const text = body.textContent;
      // A backtick left in the text is AsciiDoc markup that did not apply (say, inside a recorded attribute).
      return ['{@code', '{@link', '<p>', '<pre>', '</pre>', '@return', '@throws', '@param', '`'].filter((markup) => text.includes(markup));
    });
    raw.forEach((markup) => report(`raw Javadoc markup "${markup}" in the page's text`));

    // Every copy button copies its own block's text.
    const blocks = await page.$$('.listingblock > .content, .literalblock > .content');
    for (const block of blocks) {
      const button = await block.$('button.copy-button');
      if (button === null) { report('a code block without a copy button'); continue; }
      const expected = await block.$eval('pre', (pre) => {
        const copy = pre.cloneNode(true);
        copy.querySelectorAll('.conum').forEach((callout) => {
          const before = callout.previousSibling;
          if (before && before.nodeType === 3) before.textContent = before.textContent.replace(/\s*\/\/\s*$/, '');
          callout.remove();
        });
        return copy.textContent;
      });
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.evaluate((element) => element.click());
      let copied = '';
      for (let attempt = 0; attempt < 50 && copied === ''; attempt++) {
        copied = await page.evaluate(() => navigator.clipboard.readText());
        if (copied === '') await page.waitForTimeout(20);
      }
      copyButtonsChecked++;
      const normal = (text) => text.replace(/[ \t]+$/gm, '').trim();
      if (copied.trim() === '') report(`a copy button that copies nothing: ${expected.trim().split('\n')[0]}`);
      else if (normal(copied) !== normal(expected)) report(`a copy button that copies something else than its block: ${expected.trim().split('\n')[0]}`);
    }

    // The search finds the lessons that teach the half-close.
    const found = await page.evaluate(async () => {
      const input = document.getElementById('site-search-input');
      if (!input) return null;
      input.value = 'half-close';
      input.dispatchEvent(new Event('input'));
      return Array.from(document.querySelectorAll('#site-search-results a')).map((link) => link.getAttribute('href'));
    });
    if (found === null) report('no search box');
    else if (!found.some((href) => /^lesson\d\d-[\w-]+\.html/.test(href))) report(`a search for "half-close" finds no lesson (found: ${found.join(', ') || 'nothing'})`);
    await page.evaluate(() => {
      const input = document.getElementById('site-search-input');
      input.value = '';
      input.dispatchEvent(new Event('input'));
    });

    // Contrast, in both themes, with every folded block open; and screenshots at both widths.
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: DESKTOP, height: 900 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
      const contrast = await page.evaluate(measureContrast, MINIMUM_CONTRAST);
      textsMeasured += contrast.measured;
      contrast.failures.slice(0, 10).forEach((failure) => report(`${scheme} theme: contrast ${failure}`));
      if (contrast.failures.length > 10) report(`${scheme} theme: ${contrast.failures.length - 10} more texts under ${MINIMUM_CONTRAST}:1`);
      await page.evaluate(() => document.querySelectorAll('details:not(.course-nav)').forEach((details) => { details.open = false; }));
      const shot = name.replace(/\.html$/, '.png');
      await mkdir(join(screenshots, `${DESKTOP}-${scheme}`), { recursive: true });
      await page.screenshot({ path: join(screenshots, `${DESKTOP}-${scheme}`, shot), fullPage: true });

      // A phone: nothing wider than the screen; what sticks out is named.
      await page.setViewportSize({ width: PHONE, height: 844 });
      await page.evaluate(() => { const nav = document.querySelector('details.course-nav'); if (nav) nav.open = false; });
      const width = await page.evaluate((screen) => {
        const page = document.documentElement.scrollWidth;
        const wide = [];
        if (page > screen) {
          for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.right > screen + 1 && box.width > 0) {
              let clipped = false;
              for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(at).overflowX)) { clipped = true; break; }
              }
              if (!clipped) wide.push(`${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${element.className ? '.' + String(element.className).split(' ')[0] : ''} (${Math.round(box.right)} px)`);
            }
          }
        }
        return { page, wide: wide.slice(0, 5) };
      }, PHONE);
      if (width.page > PHONE) report(`${scheme} theme: ${width.page} px wide at a ${PHONE} px screen: ${width.wide.join(', ')}`);
      await mkdir(join(screenshots, `${PHONE}-${scheme}`), { recursive: true });
      await page.screenshot({ path: join(screenshots, `${PHONE}-${scheme}`, shot), fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`checked ${pages.length} pages at ${DESKTOP} and ${PHONE} px in both themes: ${listingsChecked} code listings `
  + `found in the sources, ${copyButtonsChecked} copy buttons, ${textsMeasured} texts' contrast; screenshots in ${screenshots}`);
if (problems.length > 0) {
  problems.forEach((problem) => console.error(`PROBLEM ${problem}`));
  console.error(`${problems.length} problems`);
  process.exit(1);
}
