// First render of the page `annals serve` shows, in headless Chromium
// (playwright-core from web/node_modules): from navigation to every view
// drawn and the event table filled; median of 3 fresh page loads. Used by
// bench/serve_bench.py. Usage: node bench/serve_render.mjs URL
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'package.json'));
const { chromium } = require('playwright-core');
const url = process.argv[2];
const profile = mkdtempSync(path.join(tmpdir(), 'annals-render-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
for (let i = 0; i < 3; i++) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  times.push(Date.now() - t0);
  await page.close();
}
await context.close();
rmSync(profile, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(`render: first render in headless Chromium median ${times[1]} ms (${times.join(', ')} ms)`);
