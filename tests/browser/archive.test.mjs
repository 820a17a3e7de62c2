// End-to-end test of `minutebook serve` in headless Chromium, driven by
// Playwright: a search, a facet, a minute page, its citation, the PDF at its
// page, and screenshots of the search and meeting pages.
//
// Usage: node archive.test.mjs MINUTEBOOK_BINARY CORPUS_DIR ARTIFACTS_DIR
// (or the environment variables MINUTEBOOK_BINARY, MINUTEBOOK_CORPUS,
// BROWSER_ARTIFACTS). CHROMIUM overrides /usr/bin/chromium.
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium, or no `npm ci`
// in tests/browser yet).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const binary = resolve(process.argv[2] ?? process.env.MINUTEBOOK_BINARY ?? 'build/app/minutebook');
const corpus = resolve(process.argv[3] ?? process.env.MINUTEBOOK_CORPUS ?? 'corpus');
const artifacts = resolve(process.argv[4] ?? process.env.BROWSER_ARTIFACTS ?? 'browser-artifacts');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const QUERY = 'music education hub';

if (!existsSync(chromiumPath)) {
  console.log(`# skipped: no Chromium at ${chromiumPath} (Debian: apt-get install chromium)`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('# skipped: playwright-core is not installed (npm ci in tests/browser)');
  process.exit(77);
}

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'minutebook-browser-'));
let server;
let context;

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

function step(name) {
  console.log(`# ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// Starts the server on a free port; resolves with its base address.
function startServer(db) {
  return new Promise((resolveAddress, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 30 s: ${out}${err}`)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/\S+?:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolveAddress(m[1]);
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; process.stderr.write(chunk); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}${err}`));
    });
  });
}

async function main() {
  mkdirSync(artifacts, { recursive: true });

  step('index the bundled archive');
  const db = join(scratch, 'index');
  const indexed = spawnSync(binary, ['index', '--db', db, '--quiet', corpus], { encoding: 'utf8' });
  check(indexed.status === 0, `minutebook index ${corpus} exits with 0 (got ${indexed.status}: ${indexed.stderr.trim()})`);

  step('start the server');
  const base = await startServer(db);
  console.log(`# serving at ${base}`);

  step('start Chromium');
  context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: false,
  });
  context.setDefaultTimeout(15000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  // Failed loads are told by URL below; the browser's own favicon request is not the page's.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') consoleErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  step('search from the home page');
  await page.goto(`${base}/`);
  const box = page.locator('input[name="q"]').first();
  await box.fill(QUERY);
  await Promise.all([page.waitForURL(/\/search\?/), box.press('Enter')]);
  check(new URL(page.url()).searchParams.get('q') === QUERY, `the address holds the query: ${page.url()}`);
  const results = page.locator('article.result');
  const resultCount = await results.count();
  check(resultCount > 0, `the search finds results (${resultCount} on the first page)`);
  check((await page.locator('article.result mark').count()) > 0, 'snippets mark the matched words');
  await page.screenshot({ path: join(artifacts, 'search.png'), fullPage: true });

  step('click a committee facet');
  const facetLink = page.locator('aside.facets h2:text-is("Committee") + ul a').first();
  const committee = (await facetLink.innerText()).trim();
  check(committee.length > 0, `a committee facet is offered: ${committee}`);
  await Promise.all([page.waitForURL(/committee=/), facetLink.click()]);
  const chip = page.locator('ul.chips li.chip');
  check((await chip.count()) === 1, 'one filter chip is shown');
  const chipText = (await chip.innerText()).replace(/\s*×\s*$/, '').trim();
  check(chipText.startsWith(`Committee: ${committee}`), `the chip names the facet: "${chipText}"`);
  check((await page.locator('aside.facets li.chosen').count()) >= 1, 'the chosen facet value is marked in the sidebar');
  check(new URL(page.url()).searchParams.get('q') === QUERY, 'the query is kept with the filter');
  await page.screenshot({ path: join(artifacts, 'search-filtered.png'), fullPage: true });

  step('open a minute page from a result');
  const minuteResult = page.locator('article.result')
    .filter({ has: page.locator('h3 a[href^="/minutes/"]') })
    .filter({ has: page.locator('a[href^="/meetings/"]') }).first();
  check((await minuteResult.count()) === 1, 'a result is a minute item of a meeting');
  const minuteLink = minuteResult.locator('h3 a');
  const minuteTitle = (await minuteLink.innerText()).trim();
  const meetingHref = await minuteResult.locator('a[href^="/meetings/"]').first().getAttribute('href');
  await Promise.all([page.waitForURL(/\/minutes\//), minuteLink.click()]);
  const [, , minuteNumber] = decodeURIComponent(new URL(page.url()).pathname).split('/').slice(2);
  check((await page.locator('h1').innerText()).includes(minuteTitle.slice(0, 20)), `the minute page is "${minuteTitle}"`);
  await page.screenshot({ path: join(artifacts, 'minute.png'), fullPage: true });

  step('copy the citation');
  const cite = page.locator('p.cite');
  const citeText = (await cite.innerText()).trim();
  check(citeText.includes(committee.replace(/ Committee$/, '')), `the citation names the committee: ${citeText}`);
  check(new RegExp(`minute ${minuteNumber}\\b`).test(citeText), `the citation gives minute ${minuteNumber}`);
  check(/\bp\. \d+/.test(citeText), 'the citation gives a page');
  await cite.click({ clickCount: 3 });
  await page.keyboard.press('Control+C');
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trim();
  check(copied === citeText, `the copied citation is the one shown: ${copied}`);

  step('open the PDF at its page');
  const pdfLink = page.locator('a', { hasText: /^Open PDF at page \d+$/ }).first();
  const pdfPage = (await pdfLink.innerText()).match(/page (\d+)/)[1];
  const pdfHref = await pdfLink.evaluate((a) => a.href);
  check(pdfHref.endsWith(`#page=${pdfPage}`), `the link ends with #page=${pdfPage}: ${pdfHref}`);
  const [pdfResponse] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/files/')),
    pdfLink.click().catch(() => {}),  // a PDF may open in the viewer or as a download
  ]);
  check(pdfResponse.status() === 200, `GET ${new URL(pdfResponse.url()).pathname} answers 200`);
  check(pdfResponse.headers()['content-type'] === 'application/pdf',
        `it is application/pdf (${pdfResponse.headers()['content-type']})`);
  await page.waitForURL(/\/files\//).catch(() => {});
  check(page.url().endsWith(`#page=${pdfPage}`), `the browser is at ${page.url()}`);
  const bytes = await (await context.request.get(pdfHref)).body();
  check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', `the body is a PDF (${bytes.length} bytes)`);

  step('open the meeting page');
  await page.goto(`${base}${meetingHref}`);
  check((await page.locator('h1').innerText()).includes('Meeting of'), `the meeting page ${meetingHref} has its heading`);
  const items = await page.locator('article.item').count();
  check(items > 0, `the meeting lists its passages (${items})`);
  check((await page.locator(`article.item a[href*="/${encodeURIComponent(minuteNumber)}"]`).count()) >= 1,
        `the meeting lists minute ${minuteNumber}`);
  await page.screenshot({ path: join(artifacts, 'meeting.png'), fullPage: true });

  check(consoleErrors.length === 0, `no errors in the browser console and no failed loads${consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''}`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`not ok - ${e.stack ?? e}`);
  const page = context?.pages()[0];
  if (page) await page.screenshot({ path: join(artifacts, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`# ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
process.exit(failed ? 1 : 0);
