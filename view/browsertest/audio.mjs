// Plays a stream with sound on the edgecam view page in Debian's chromium
// (headless, playwright-core), live and then recorded, and prints as one
// JSON object what the page's media element says of its audio: the bytes
// of audio and video it decoded (Chromium's webkitAudioDecodedByteCount /
// webkitVideoDecodedByteCount, which count decoded media whether or not
// it is muted), and the audio tracks hls.js found with their codecs. The
// Go test (e2e TestViewAudio) decides pass or fail; this script exits
// non-zero only when it could not measure.
//
//   node audio.mjs PLAYWRIGHT_DIR URL KEY
//
// Every wait has a generous deadline that only catches a hang.
import { HANG, launch, report } from './run.mjs';

const [pwDir, url, key] = process.argv.slice(2);
const { browser, out } = await launch(pwDir);
await report(browser, out, check);

async function state(page) {
  return page.evaluate((k) => {
    const p = window.edgecam.players[k];
    if (!p) return null;
    const v = p.video;
    const h = p.hls;
    const d = p.date();
    return {
      mode: p.mode, t: v.currentTime, shown: d ? d.getTime() : null,
      audioBytes: v.webkitAudioDecodedByteCount, videoBytes: v.webkitVideoDecodedByteCount,
      audioTracks: h ? h.audioTracks.length : null,
      codecs: h && h.levels && h.levels[0] ? [h.levels[0].videoCodec, h.levels[0].audioCodec] : null,
      soundButton: !p.node.querySelector('.sound').hidden, errors: p.errors.slice(),
    };
  }, key);
}

async function until(page, what, cond) {
  const end = Date.now() + HANG;
  for (;;) {
    const s = await state(page);
    if (s && cond(s)) return s;
    if (Date.now() > end) throw new Error('waiting for ' + what + ': last state ' + JSON.stringify(s));
    await page.waitForTimeout(250);
  }
}

async function check() {
  const page = await browser.newPage({ viewport: { width: 860, height: 440 } });
  page.on('pageerror', (e) => out.errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') out.console.push(m.text()); });
  await page.goto(url, { waitUntil: 'load', timeout: HANG });
  out.aacMSE = await page.evaluate(() => MediaSource.isTypeSupported('audio/mp4; codecs="mp4a.40.2"'));
  out.opusMSE = await page.evaluate(() => MediaSource.isTypeSupported('audio/mp4; codecs="opus"'));
  const l0 = await until(page, 'live playback', (s) => s.mode === 'live' && s.t > 0);
  out.live = { from: l0, to: await until(page, 'live playback of 4 s', (s) => s.mode === 'live' && s.t - l0.t >= 4) };
  const target = out.live.to.shown - 10000;
  out.seek = await page.evaluate(([k, t]) => window.edgecam.seek(k, t), [key, target]);
  const r0 = await until(page, 'recorded playback', (s) => s.mode === 'rec' && s.t > 0);
  out.rec = { from: r0, to: await until(page, 'recorded playback of 3 s', (s) => s.mode === 'rec' && s.t - r0.t >= 3) };
}
