// Drives the edgecam view page in Debian's chromium, headless, with
// playwright-core, and prints what it saw as one JSON object on stdout.
// The Go test (e2e/view_test.go) decides pass or fail; this script only
// measures, and exits non-zero only when it could not measure.
//
//   node check.mjs PLAYWRIGHT_DIR URL KEY [--seek-back S] [--h265 KEY]
//                  [--screenshot FILE] [--viewers N] [--watch S]
//
// Every wait has a generous deadline that only catches a hang.
import { HANG, launch, report } from './run.mjs';

const [pwDir, url, key, ...rest] = process.argv.slice(2);
const opt = (name, def) => {
  const i = rest.indexOf('--' + name);
  return i >= 0 ? rest[i + 1] : def;
};
const seekBack = Number(opt('seek-back', '20'));
const h265 = opt('h265', '');
const shot = opt('screenshot', '');
const viewers = Number(opt('viewers', '0')); // > 0: only open N pages and watch
const watchS = Number(opt('watch', '20'));
const { browser, out } = await launch(pwDir);
await report(browser, out, () => (viewers > 0 ? manyViewers() : check()));

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 860, height: 440 } });
  page.on('pageerror', (e) => out.errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') out.console.push(m.text()); });
  await page.goto(url, { waitUntil: 'load', timeout: HANG });
  return page;
}

// state of the player of k: the video element's clock, its frame count,
// and the capture time of the frame shown.
async function state(page, k) {
  return page.evaluate((k) => {
    const p = window.edgecam.players[k];
    if (!p) return null;
    const q = p.video.getVideoPlaybackQuality();
    const d = p.date();
    return {
      t: p.video.currentTime, frames: q.totalVideoFrames, dropped: q.droppedVideoFrames,
      shown: d ? d.getTime() : null, now: Date.now(), mode: p.mode, errors: p.errors.slice(),
      paused: p.video.paused, readyState: p.video.readyState,
    };
  }, k);
}

async function until(page, what, cond) {
  const end = Date.now() + HANG;
  for (;;) {
    const s = await state(page, key);
    if (s && cond(s)) return s;
    if (Date.now() > end) throw new Error('waiting for ' + what + ': last state ' + JSON.stringify(s));
    await page.waitForTimeout(250);
  }
}

async function check() {
  const page = await openPage();
  out.hlsjs = await page.evaluate(() => typeof Hls !== 'undefined' && Hls.isSupported());
  out.hevcMSE = await page.evaluate(() => MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"'));
  out.h264MSE = await page.evaluate(() => MediaSource.isTypeSupported('video/mp4; codecs="avc1.42c01e"'));
  // Live: the clock must advance by 5 s and 100 frames be shown.
  const first = await until(page, 'the live player to start', (s) => s.t > 0 && s.frames > 0);
  const lat = [];
  const live = await until(page, 'live playback of 5 s and 100 frames', (s) => {
    if (s.shown) lat.push(s.now - s.shown);
    return s.t - first.t >= 5 && s.frames > 100;
  });
  out.live = { from: first, to: live };
  lat.sort((a, b) => a - b);
  out.latencyMs = { median: lat[lat.length >> 1], min: lat[0], max: lat[lat.length - 1], samples: lat.length };
  out.streams = await page.evaluate(() => window.edgecam.streams);
  if (shot) {
    await page.waitForTimeout(1500);
    await page.screenshot({ path: shot, type: 'png' });
  }
  // Recorded: seek back (20 s: the player's "−20 s" button, clicked),
  // play, and read the capture time of what is shown.
  if (seekBack === 20) {
    await page.click(`.player[data-key="${key}"] .back`, { timeout: HANG });
    await page.waitForFunction((k) => !!window.edgecam.players[k].lastSeek, key, { timeout: HANG });
    out.seek = await page.evaluate((k) => window.edgecam.players[k].lastSeek, key);
  } else {
    const target = live.shown - seekBack * 1000;
    const reply = await page.evaluate(([k, t]) => window.edgecam.seek(k, t), [key, target]);
    out.seek = { target, reply };
  }
  const rec0 = await until(page, 'the recorded playback to start', (s) => s.mode === 'rec' && s.t > 0 && s.shown);
  const rec1 = await until(page, 'recorded playback of 3 s', (s) => s.mode === 'rec' && s.t - rec0.t >= 3);
  out.seek.from = rec0;
  out.seek.to = rec1;
  // And back to live.
  await page.evaluate((k) => window.edgecam.goLive(k), key);
  const back0 = await until(page, 'live again', (s) => s.mode === 'live' && s.t > 0 && s.shown);
  const back1 = await until(page, 'live again for 2 s', (s) => s.mode === 'live' && s.t - back0.t >= 2);
  out.backLive = { from: back0, to: back1 };
  if (h265) {
    out.h265 = await page.evaluate((k) => {
      const st = window.edgecam.streams.find((s) => s.key === k);
      const node = document.querySelector(`.player[data-key="${k}"]`);
      return {
        listed: !!st, stream: st || null,
        // the gaps drawn on its timeline, and what its player says
        drawnGaps: node ? [...node.querySelectorAll('.timeline .gap')].map((g) => g.className) : [],
        message: node ? node.querySelector('.err').textContent : '',
      };
    }, h265);
  }
  await page.close();
}

// manyViewers opens N pages (each plays every stream of the grid) and
// keeps them playing for watchS seconds: the Go side measures the
// viewer's memory meanwhile.
async function manyViewers() {
  const pages = [];
  for (let i = 0; i < viewers; i++) pages.push(await openPage());
  await pages[0].waitForTimeout(watchS * 1000);
  out.viewers = [];
  for (const p of pages) {
    out.viewers.push(await p.evaluate(() => Object.values(window.edgecam.players).map((pl) => ({
      key: pl.key, t: pl.video.currentTime, frames: pl.video.getVideoPlaybackQuality().totalVideoFrames,
      lat: pl.date() ? Date.now() - pl.date().getTime() : null, errors: pl.errors,
    }))));
  }
}
