// Browser test of the page `annals serve` shows, in Debian's Chromium driven
// by playwright-core (docs/serve.md). Builds a store from examples/, starts
// `annals serve --port 0`, loads the page, checks the counts against the
// API, applies a filter, opens an event with the keyboard, checks its
// highlighted sentence against the API, checks that no request leaves
// loopback, and saves screenshots to $ANNALS_SCREENSHOTS (default
// build/screenshots). Exit 77 (skipped) when playwright-core or Chromium is
// missing. Usage: ANNALS_BIN=build/annals node web/test/browser_test.mjs
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = process.env.ANNALS_BIN || path.join(root, 'build', 'annals');
const chromiumPath = process.env.ANNALS_CHROMIUM || '/usr/bin/chromium';
const shots = process.env.ANNALS_SCREENSHOTS || path.join(root, 'build', 'screenshots');

function skip(why) {
  console.log('SKIPPED: ' + why);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('npm package playwright-core not installed (cd web && npm ci)');
}
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) skip('web/dist not built (cd web && npm run build)');

let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'annals-browser-'));
const db = path.join(tmp, 'examples.db');
execFileSync(bin, ['ingest', '-q', '--db', db, 'examples/news.jsonl'], { cwd: root });
execFileSync(bin, ['ingest', '-q', '--db', db, '--date', '2025-08-19', 'examples/summit.txt'], { cwd: root });
const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web', path.join(root, 'web', 'dist')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (d) => {
    err += d;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.on('exit', () => reject(new Error('annals serve exited: ' + err)));
});
const api = async (p) => (await fetch(base + '/api/' + p)).json();

const profile = mkdtempSync(path.join(tmpdir(), 'annals-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 1000 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const outside = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== '127.0.0.1') { outside.push(u.href); return route.abort(); }
    return route.continue();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  mkdirSync(shots, { recursive: true });

  const t0 = Date.now();
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  console.log(`first render ${Date.now() - t0} ms`);
  const all = await api('count');
  check(await page.textContent('#count') === `(${all.events})`, `count shown = API count (${all.events})`);
  const rows = await page.$$eval('#table tbody tr', (trs) => trs.length);
  check(rows === Math.min(50, all.events), `table rows ${rows} = min(50, API count)`);
  check(await page.$$eval('#timeline rect', (r) => r.length) > 0, 'timeline drawn');
  check(await page.$$eval('#map path.country', (p) => p.length) > 100, 'offline world map drawn');
  check(await page.$$eval('#map circle', (c) => c.length) > 0, 'located events on the map');
  await page.screenshot({ path: path.join(shots, '1-loaded.png'), fullPage: true });

  // A filter: events with Russia on either side.
  await page.fill('input[name=actor]', 'RUS');
  await page.click('button[type=submit]');
  await page.waitForFunction((n) => document.querySelector('#count').textContent !== n, `(${all.events})`);
  await page.waitForSelector('body[data-ready="true"]');
  const rus = await api('count?actor=RUS');
  const page1 = await api('events?actor=RUS&limit=50');
  check(await page.textContent('#count') === `(${rus.events})`, `filtered count shown = API count (${rus.events})`);
  const ids = await page.$$eval('#table tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check(JSON.stringify(ids) === JSON.stringify(page1.events.map((e) => e.id)), 'filtered table = API page, in order');
  check(rus.events > 0 && rus.events < all.events, 'the filter narrowed the events');

  // Open the first event with the keyboard.
  await page.focus('#table tbody tr');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sentence mark.trigger');
  const detail = await api('events/' + ids[0]);
  check(await page.textContent('#sentence') === detail.sentence.text, 'sentence shown = stored sentence');
  const trigger = detail.sentence.marks.find((m) => m.kind === 'trigger');
  check(await page.textContent('#sentence mark.trigger') === trigger.text, `trigger highlighted: '${trigger.text}'`);
  for (const kind of ['source', 'target', 'place', 'time']) {
    const want = detail.sentence.marks.find((m) => m.kind === kind);
    if (want) check(await page.textContent(`#sentence mark.${kind}`) === want.text, `${kind} highlighted: '${want.text}'`);
  }
  check(await page.$$eval('#mentions li', (l) => l.length) === detail.mentions.length, 'folded mentions listed');
  check(await page.evaluate(() => document.activeElement.id) === 'detail-h', 'focus moved to the event');
  await page.screenshot({ path: path.join(shots, '2-event.png'), fullPage: true });
  if (await page.$('#story-btn')) {
    await page.click('#story-btn');
    await page.waitForSelector('#story .story-row');
    await page.screenshot({ path: path.join(shots, '3-story.png'), fullPage: true });
  }

  // Every control has a label.
  const unlabelled = await page.$$eval('input, select', (els) => els.filter((e) => !e.labels || !e.labels.length).map((e) => e.name || e.id));
  check(unlabelled.length === 0, 'every input and select is labelled ' + unlabelled.join(','));
  check(outside.length === 0, 'no request left loopback ' + outside.join(' '));
  check(errors.length === 0, 'no script errors ' + errors.join(' | '));
} finally {
  await context.close();
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
