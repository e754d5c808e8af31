// What the page scripts (check.mjs, audio.mjs) share: Debian's chromium
// through playwright-core, headless, and one JSON object on stdout.
import { createRequire } from 'node:module';
import path from 'node:path';

// HANG bounds every wait: it catches a hang, it is not a timing requirement.
export const HANG = 120000; // ms

// launch starts chromium from the playwright-core in pwDir (autoplay
// allowed, sound muted) and returns it with the object the script fills.
export async function launch(pwDir) {
  const require = createRequire(path.join(pwDir, 'package.json'));
  const { chromium } = require(path.join(pwDir, 'index.js'));
  const out = { errors: [], console: [] };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
  });
  return { browser, out };
}

// report runs work, records what it threw as out.fatal, closes the
// browser and prints out as one line of JSON.
export async function report(browser, out, work) {
  try {
    await work();
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
