// edgecam view: the stream list, a grid of live players and their
// timelines. The page talks only to this viewer (api/, hls/); it never sees
// anything of the Kafka configuration.
'use strict';

const players = {}; // by stream key
// window.edgecam is what the browser test looks at.
window.edgecam = { players, seek, goLive, streams: [] };

const fmtTime = (d) => d.toLocaleTimeString([], { hour12: false });

function hlsjs() { return typeof Hls !== 'undefined' && Hls.isSupported(); }

function makePlayer(st) {
  const node = document.getElementById('player').content.firstElementChild.cloneNode(true);
  node.dataset.key = st.key;
  node.querySelector('.key').textContent = st.key;
  document.getElementById('grid').appendChild(node);
  const p = {
    key: st.key, id: st.id, node, video: node.querySelector('video'), hls: null,
    mode: 'live', errors: [], info: st, recStart: null,
    // date: the capture time of the frame shown (EXT-X-PROGRAM-DATE-TIME)
    date() {
      if (this.hls) return this.hls.playingDate;
      const d = this.video.getStartDate && this.video.getStartDate();
      return d && !isNaN(d) ? new Date(d.getTime() + this.video.currentTime * 1000) : null;
    },
  };
  players[st.key] = p;
  node.querySelector('.timeline').addEventListener('click', (ev) => {
    const r = ev.currentTarget.getBoundingClientRect();
    const [t0, t1] = span(p.info);
    seek(p.key, t0 + (t1 - t0) * (ev.clientX - r.left) / r.width);
  });
  node.querySelector('.back').addEventListener('click', () => {
    const d = p.date();
    seek(p.key, (d ? d.getTime() : Date.now()) - 20000);
  });
  node.querySelector('.golive').addEventListener('click', () => goLive(p.key));
  // Sound: the video starts muted (browsers autoplay only muted media);
  // a stream with an audio track gets a button to hear it.
  const snd = node.querySelector('.sound');
  snd.hidden = !st.audio;
  snd.addEventListener('click', () => {
    p.video.muted = !p.video.muted;
    snd.textContent = p.video.muted ? 'sound' : 'mute';
  });
  if (st.live) attach(p, 'hls/live/' + st.id + '/index.m3u8', true);
  else idle(p);
  return p;
}

// canDecode: whether this browser decodes the stream's codec (headless
// and many desktop Chromium builds have no HEVC decoder).
function canDecode(codec) {
  const type = codec === 'h265' ? 'video/mp4; codecs="hvc1.1.6.L93.B0"' : 'video/mp4; codecs="avc1.42c01e"';
  if (window.MediaSource && MediaSource.isTypeSupported(type)) return true;
  return document.createElement('video').canPlayType(type) !== '';
}

function attach(p, url, live) {
  if (p.hls) { p.hls.destroy(); p.hls = null; }
  if (!canDecode(p.info.codec)) {
    const e = p.node.querySelector('.err');
    e.textContent = 'this browser cannot decode ' + p.info.codec.toUpperCase();
    e.title = 'its HLS: ' + new URL(url, location.href);
    return;
  }
  p.mode = live ? 'live' : 'rec';
  const mode = p.node.querySelector('.mode');
  mode.textContent = live ? 'live' : 'recorded';
  mode.classList.toggle('rec', !live);
  p.node.querySelector('.err').textContent = '';
  const v = p.video;
  if (hlsjs()) {
    const h = new Hls({
      lowLatencyMode: live,
      // a recording starts where it was asked for, not at its live edge
      startPosition: live ? -1 : 0,
      // live: stay 1 s behind the newest part (hls.js would take three
      // target durations, 3 s, here; LL-HLS parts of 200 ms allow less,
      // a busy machine's player stalls below ~1 s)
      ...(live ? { liveSyncDuration: 1 } : { liveSyncDurationCount: 4 }),
      // catch up with the live edge (playing up to 1.5× for a moment)
      // after a stall or a slow start, instead of staying behind
      maxLiveSyncPlaybackRate: live ? 1.5 : 1,
      // hls.js adds this to its target latency after every stall (1 s by
      // default): a slow start on a busy machine would keep the player
      // seconds behind for good
      liveSyncOnStallIncrease: 0.25,
      backBufferLength: 30, // bounded memory in the browser too
    });
    h.on(Hls.Events.ERROR, (_, d) => {
      if (!d.fatal) return;
      p.errors.push(d.type + ': ' + d.details);
      p.node.querySelector('.err').textContent = d.details;
      if (d.type === Hls.ErrorTypes.MEDIA_ERROR) h.recoverMediaError();
      else setTimeout(() => attach(p, url, live), 2000);
    });
    h.loadSource(url);
    h.attachMedia(v);
    p.hls = h;
  } else if (v.canPlayType('application/vnd.apple.mpegurl')) {
    v.src = url; // Safari's own HLS
  } else {
    p.node.querySelector('.err').textContent = 'this browser cannot play HLS';
    return;
  }
  v.play().catch(() => {});
}

async function seek(key, ms) {
  const p = players[key];
  const replace = p.recID ? '&replace=' + p.recID : '';
  const r = await fetch('api/play?key=' + encodeURIComponent(key) + '&t=' + Math.round(ms) + replace, { method: 'POST' });
  const j = await r.json();
  if (!r.ok) {
    p.node.querySelector('.err').textContent = j.error;
    throw new Error(j.error);
  }
  p.recStart = new Date(j.start);
  p.recID = j.id;
  p.lastSeek = { target: ms, reply: j };
  attach(p, j.url, false);
  return j;
}

// idle: a stream that is not live waits for a click on its timeline.
function idle(p) {
  if (p.hls) { p.hls.destroy(); p.hls = null; }
  p.mode = 'idle';
  const mode = p.node.querySelector('.mode');
  mode.textContent = 'not live';
  mode.classList.add('rec');
  p.node.querySelector('.err').textContent = 'last seen ' + new Date(p.info.last_seen).toLocaleString() + ': click the timeline to play';
}

function goLive(key) {
  const p = players[key];
  if (!p.info.live) { idle(p); return; }
  p.recStart = null;
  attach(p, 'hls/live/' + p.id + '/index.m3u8', true);
}

// span is the timeline's range: from the oldest frame Kafka holds (or
// where this viewer started reading) to now.
function span(st) {
  const now = window.edgecam.now || Date.now();
  let t0 = Date.parse(st.oldest);
  if (!(t0 > 0)) t0 = Date.parse(st.scanned_from);
  if (!(t0 > 0) || t0 >= now) t0 = now - 60000;
  return [t0, now];
}

function drawTimeline(p) {
  const st = p.info, tl = p.node.querySelector('.timeline');
  const [t0, t1] = span(st);
  const pct = (t) => Math.max(0, Math.min(100, (t - t0) / (t1 - t0) * 100));
  // held: what Kafka keeps (of the partition); scanned: where this viewer
  // read every frame, so knows the gaps
  const last = pct(Date.parse(st.last_seen));
  const held = tl.querySelector('.held');
  held.style.left = '0%';
  held.style.width = last + '%';
  const known = Math.max(t0, Date.parse(st.scanned_from) || t0);
  const scanned = tl.querySelector('.scanned');
  scanned.style.left = pct(known) + '%';
  scanned.style.width = (last - pct(known)) + '%';
  tl.querySelectorAll('.gap').forEach((g) => g.remove());
  for (const g of st.gaps || []) {
    const e = document.createElement('div');
    e.className = 'gap ' + g.why;
    e.title = g.why + (g.frames ? ' (' + g.frames + ' frames)' : '') + ' ' + fmtTime(new Date(g.from)) + '–' + fmtTime(new Date(g.to));
    e.style.left = pct(Date.parse(g.from)) + '%';
    e.style.width = (pct(Date.parse(g.to)) - pct(Date.parse(g.from))) + '%';
    tl.appendChild(e);
  }
  const d = p.date();
  const pos = tl.querySelector('.pos');
  pos.style.display = d ? '' : 'none';
  if (d) pos.style.left = pct(d.getTime()) + '%';
  p.node.querySelector('.at').textContent = d ? fmtTime(d) : '';
  p.node.querySelector('.t0').textContent = fmtTime(new Date(t0));
  p.node.querySelector('.t1').textContent = fmtTime(new Date(t1));
}

function row(st) {
  const tr = document.createElement('tr');
  const cells = [
    st.key,
    (st.live ? 'live' : 'last seen ' + new Date(st.last_seen).toLocaleString()) +
      (st.clock_unsynced ? ' · clock unsynced' : ''),
    st.codec + (st.audio ? ' + ' + st.audio : ''),
    st.width ? st.width + '×' + st.height : '?',
    st.fps ? st.fps.toFixed(1) : '',
    st.bitrate_kbps ? Math.round(st.bitrate_kbps) + ' kbit/s' : '',
    '',
  ];
  cells.forEach((c, i) => {
    const td = document.createElement('td');
    td.textContent = c;
    if (i === 1) {
      td.className = st.live ? 'live' : 'off';
      if (st.clock_unsynced) td.title = "the camera's clock was not synchronised (edgecam-clock): its capture times are its guess";
    }
    tr.appendChild(td);
  });
  // Live streams get a player in the grid; the others one on demand.
  const last = tr.lastChild;
  if (!st.playable) last.textContent = 'not playable';
  else if (!players[st.key]) {
    const b = document.createElement('button');
    b.textContent = 'open';
    b.addEventListener('click', () => { makePlayer(st); refresh(); });
    last.appendChild(b);
  }
  return tr;
}

async function refresh() {
  try {
    const r = await fetch('api/streams', { cache: 'no-store' });
    const j = await r.json();
    window.edgecam.streams = j.streams;
    window.edgecam.now = Date.parse(j.now);
    document.getElementById('topic').textContent = 'topic ' + j.topic;
    document.getElementById('warn').textContent = j.hlsjs ? '' : 'built without hls.js (make view-assets): only browsers with their own HLS can play';
    const body = document.querySelector('#streams tbody');
    // live streams first
    const list = [...j.streams].sort((a, b) => (b.live - a.live) || a.key.localeCompare(b.key));
    body.replaceChildren(...list.map(row));
    for (const st of j.streams) {
      if (!st.playable || (!players[st.key] && !st.live)) continue;
      const p = players[st.key] || makePlayer(st);
      p.info = st;
      p.node.querySelector('.sound').hidden = !st.audio;
      if (p.mode === 'idle' && st.live) goLive(st.key);
      if (p.mode === 'live' && !st.live) idle(p);
      drawTimeline(p);
    }
  } catch (e) {
    document.getElementById('warn').textContent = 'viewer unreachable: ' + e.message;
  }
}

refresh();
setInterval(refresh, 1000);
