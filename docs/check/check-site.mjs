// Opens every page of the built course site in headless Chromium and fails on anything a reader
// would trip over: a broken link or image, a request to another host, a console error, an empty
// code listing, or Java/JavaScript code that is not in the repository's sources.
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

const types = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.css': 'text/css' };

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
// listing on a page can be found in it whatever its indentation. The folder of this script is left
// out by its path inside the repository, never by an absolute path: a clone may itself sit in a
// folder named "check".
const squeeze = (text) => text.replace(/^.*(tag|end)::[\w-]+\[\].*$/gm, '').replace(/\s+/g, '');
const sources = await Promise.all(
  (await filesUnder(repository, (path) => /\.(java|js|mjs)$/.test(path)
    && !relative(repository, path).startsWith(join('docs', 'check') + sep)))
    .map(async (path) => squeeze(await readFile(path, 'utf8'))));
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
const pages = (await filesUnder(site, (path) => path.endsWith('.html'))).map((path) => relative(site, path)).sort();
let listingsChecked = 0;
try {
  const context = await browser.newContext();
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

    const images = await page.$$eval('img', (all) => all.map((image) => ({ src: image.src, ok: image.complete && image.naturalWidth > 0 })));
    images.filter((image) => !image.ok).forEach((image) => report(`broken image ${image.src}`));

    const links = await page.$$eval('a[href]', (all) => all.map((link) => link.href));
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin) {
        if (url.protocol === 'http:' || url.protocol === 'https:') report(`link to another host: ${link}`);
        continue;
      }
      const target = decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
      if (!pages.includes(target)) { report(`broken link ${link}`); continue; }
      if (url.hash) {
        const other = await context.newPage();
        await other.goto(`${origin}/${target}`);
        if (await other.$(`[id="${decodeURIComponent(url.hash.slice(1))}"]`) === null) report(`broken anchor ${link}`);
        await other.close();
      }
    }

    const listings = await page.$$eval('pre code', (all) => all.map((code) => ({ language: code.dataset.lang ?? '', text: code.textContent })));
    for (const listing of listings) {
      if (listing.text.trim() === '') { report('an empty code listing'); continue; }
      if (listing.language === 'java' || listing.language === 'javascript') {
        listingsChecked++;
        const squeezed = squeeze(listing.text);
        if (!sources.some((source) => source.includes(squeezed))) {
          report(`a ${listing.language} listing that is not in the sources: ${listing.text.trim().split('\n')[0]} ...`);
        }
      }
    }
    if (name === 'index.html' || /^lesson05/.test(name)) {
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, name.replace(/\.html$/, '.png')), fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`checked ${pages.length} pages and ${listingsChecked} code listings in Chromium; screenshots in ${screenshots}`);
if (problems.length > 0) {
  problems.forEach((problem) => console.error(`PROBLEM ${problem}`));
  process.exit(1);
}
