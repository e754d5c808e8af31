import datetime as dt
import fractions
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from confluent_kafka import Producer

import edgecam_consumer as ec

from conftest import LONG, TOPIC, kcat_records


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, ec.Frame)], [i for i in items if isinstance(i, ec.Event)]


def at(ns):
    """ns as an aware datetime, rounded up to the microsecond."""
    return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(microseconds=-(-ns // 1000))


# Kafka's default partitioner as franz-go (the agent's producer) computes
# it: kgo.StickyKeyPartitioner(nil), printed by a Go program. The first
# three are also the Java client's test vectors (1000 partitions).
@pytest.mark.parametrize("key,n,want", [
    ("", 1000, 681), ("a", 1000, 524), ("abc", 1000, 107), ("a", 3, 1), ("abc", 7, 4),
    ("demo/cam0", 3, 2), ("demo/cam0", 1000, 230), ("pi-garage-3/front", 1000, 748),
    ("e2e-x-123456/cam0", 7, 3), ("ünïcode/straße", 3, 1), ("ünïcode/straße", 1000, 684),
])
def test_partition_matches_the_producer(key, n, want):
    assert ec.partition_for(key, n) == want


def test_whole_stream_with_events(recorded):
    """Every record of the key decodes to one frame, in order; the two
    restarts and the eviction come as events exactly where the records say."""
    recs = recorded["records"]
    frames, events = split(ec.frames(recorded["brokers"], recorded["key"], topic=TOPIC, offset=0, stop_at_end=True))
    assert [f.seq for f in frames] == [r["seq"] for r in recs]
    assert [f.offset for f in frames] == [r["offset"] for r in recs]
    assert all(f.image.shape == (240, 320, 3) and f.image.dtype == np.uint8 for f in frames)
    assert frames[0].keyframe
    # The snow pattern is never one flat colour.
    assert all(f.image.std() > 10 for f in frames[::15])

    want = []
    for prev, r in zip(recs, recs[1:]):
        missing = r["seq"] - prev["seq"] - 1
        evicted = min(r["evicted"], missing)
        if r["session"] != prev["session"]:
            want.append(ec.SessionChange(prev["session"], r["session"], r["offset"], prev["seq"] + 1, r["seq"] - 1 - evicted))
        elif missing > evicted:
            want.append(ec.Gap(prev["seq"] + 1, r["seq"] - 1 - evicted, r["offset"]))
        if evicted:
            want.append(ec.Eviction(r["seq"] - evicted, r["seq"] - 1, evicted, r["offset"]))
    assert events == want
    kinds = [type(e).__name__ for e in events]
    assert kinds == ["SessionChange", "Eviction", "SessionChange"], events
    # B's restart reserved seq numbers ahead while Kafka was away: a
    # restart gap, not a loss; C resumed from the spool with none.
    assert events[0].skipped > 0 and events[2].skipped == 0
    assert events[1].count == next(r["evicted"] for r in recs if r["evicted"])


def expected_start(recs, t_ns):
    """tail --from's rule, on kcat's records: the last keyframe before the
    first record captured after t."""
    best = None
    for r in recs:
        if r["capture_ns"] > t_ns:
            break
        if r["keyframe"]:
            best = r
    return best


def test_start_at_a_time_in_the_drained_frames(recorded):
    """A moment inside B's run: its frames were spooled while Kafka was
    away and delivered by C seconds later. Reading starts at B's keyframe
    at or before the moment and stops before the first frame after until."""
    recs = recorded["records"]
    b = [r for r in recs if r["session"] == recorded["sessions"][1]]
    mid = next(r for r in b[len(b) // 2:] if not r["keyframe"])
    assert mid["timestamp_ms"] == mid["capture_ns"] // 1_000_000  # Kafka's time is the capture time
    t = mid["capture_ns"] - 500_000
    start = expected_start(recs, t)
    assert start is not None and start["offset"] < mid["offset"]
    stop = recs[-10]
    items = list(ec.frames(recorded["brokers"], recorded["key"], topic=TOPIC, start=at(t), until=at(stop["capture_ns"])))
    frames, events = split(items)
    assert frames[0].seq == start["seq"] and frames[0].keyframe
    assert frames[-1].seq == stop["seq"]
    want = [r["seq"] for r in recs if start["offset"] <= r["offset"] <= stop["offset"]]
    assert [f.seq for f in frames] == want
    assert [type(e).__name__ for e in events] == ["SessionChange"]  # B to C


def test_start_before_everything_and_by_offset(recorded):
    recs = recorded["records"]
    frames, _ = split(ec.frames(recorded["brokers"], recorded["key"], topic=TOPIC,
                                start=dt.timedelta(hours=1), max_frames=5))
    assert [f.seq for f in frames] == [r["seq"] for r in recs[:5]]
    mid = next(r for r in recs[len(recs) // 2:] if not r["keyframe"])
    frames, _ = split(ec.frames(recorded["brokers"], recorded["key"], topic=TOPIC, offset=mid["offset"], max_frames=3))
    kf = [r for r in recs if r["keyframe"] and r["offset"] <= mid["offset"]][-1]
    assert frames[0].seq == kf["seq"] and frames[0].keyframe


def test_naive_datetime_refused(recorded):
    with pytest.raises(ValueError, match="naive"):
        next(ec.frames(recorded["brokers"], recorded["key"], topic=TOPIC, start=dt.datetime(2026, 1, 1)))


def produce_h265(brokers, key, n, session):
    """H.265 records in edgecam's format, encoded by libx265 (PyAV's
    bundled FFmpeg) with the parameter sets repeated before every keyframe,
    as the agent's H.265 streams are. Returns the capture times."""
    enc = av.CodecContext.create("libx265", "w")
    enc.width, enc.height, enc.pix_fmt = 320, 240, "yuv420p"
    enc.time_base = fractions.Fraction(1, 30)
    enc.gop_size = 15
    enc.options = {"x265-params": "repeat-headers=1:keyint=15:min-keyint=15:scenecut=0:log-level=error"}
    p = Producer({"bootstrap.servers": brokers, "enable.idempotence": True, "partitioner": "murmur2_random"})
    t0 = 1_764_000_000_000_000_000
    seq = 0
    rng = np.random.default_rng(1)

    def send(pkt):
        nonlocal seq
        cap = t0 + seq * 33_333_333
        hdr = [("edgecam-seq", str(seq)), ("edgecam-pts", str(int(pkt.pts * 33_333_333))),
               ("edgecam-dts", str(int(pkt.dts * 33_333_333))), ("edgecam-capture-ns", str(cap)),
               ("edgecam-keyframe", "1" if pkt.is_keyframe else "0"), ("edgecam-codec", "h265"),
               ("edgecam-session", session)]
        p.produce(TOPIC, key=key, value=bytes(pkt), headers=hdr, timestamp=cap // 1_000_000)
        seq += 1

    for i in range(n):
        img = np.full((240, 320, 3), 40, np.uint8)
        img[:, (i * 7) % 300:(i * 7) % 300 + 20] = 220  # a moving bar
        img += rng.integers(0, 8, img.shape, dtype=np.uint8)
        f = av.VideoFrame.from_ndarray(img, format="rgb24").reformat(format="yuv420p")
        f.pts = i
        for pkt in enc.encode(f):
            send(pkt)
    for pkt in enc.encode(None):
        send(pkt)
    assert p.flush(LONG) == 0
    return seq


def test_h265(kafka):
    """A stream with edgecam-codec h265 (B-frames reordered by the
    decoder) decodes frame for frame, starting at a keyframe."""
    key = f"py-h265-{np.random.default_rng().integers(1 << 30)}/cam0"
    n = produce_h265(kafka["brokers"], key, 60, "s1")
    recs = kcat_records(kafka["brokers"], key)
    assert len(recs) == n == 60 and ec.partition_for(key, 3) == recs[0]["partition"]
    frames, events = split(ec.frames(kafka["brokers"], key, topic=TOPIC, offset=0, stop_at_end=True, pixel_format="rgb24"))
    assert events == []
    assert sorted(f.seq for f in frames) == list(range(60))
    assert all(f.codec == "h265" and f.image.shape == (240, 320, 3) for f in frames)
    # The bar is where the encoder was given it (a real decode, not noise).
    f = min(frames, key=lambda f: f.pts_ns)
    assert f.image[:, 0:20].mean() > 150 > f.image[:, 100:300].mean()
    mid = next(r for r in recs[20:] if not r["keyframe"])
    t = mid["capture_ns"]
    start = expected_start(recs, t)
    frames, _ = split(ec.frames(kafka["brokers"], key, topic=TOPIC, start=at(t), max_frames=1))
    assert frames[0].seq == start["seq"] and frames[0].keyframe


def test_motion_example(recorded):
    """examples/motion.py: one line per second of video with a score, the
    events as comments where they happen."""
    ex = Path(__file__).parent.parent / "examples" / "motion.py"
    out = subprocess.run([sys.executable, str(ex), "--brokers", recorded["brokers"], "--topic", TOPIC,
                          "--key", recorded["key"], "--offset", "0", "--to-end"],
                         check=True, capture_output=True, text=True, timeout=LONG).stdout
    lines = out.splitlines()
    comments = [l for l in lines if l.startswith("# ")]
    rows = [l.split("\t") for l in lines if not l.startswith("#")]
    assert [c.split("(")[0] for c in comments] == ["# SessionChange", "# Eviction", "# SessionChange"]
    recs = recorded["records"]
    seconds = {r["capture_ns"] // 10**9 for r in recs}
    assert len(rows) <= len(seconds) and len(rows) >= len(seconds) - 3
    assert all(0 < float(score) <= 255 for _, _, score in rows)
    assert sum(int(n) for _, n, _ in rows) > len(recs) // 2


def adts_frames(seconds, freq=440):
    """AAC frames of a tone, encoded by GStreamer's avenc_aac into ADTS (one
    of the agent's AAC encoders, the agent's parser and caps) and split at
    the ADTS headers: what the agent's audio records hold. 1024 samples a
    frame at 48 kHz, mono."""
    n = seconds * 48000 // 1024
    out = subprocess.run(
        ["gst-launch-1.0", "-q", "audiotestsrc", f"num-buffers={n}", "samplesperbuffer=1024", "wave=sine", f"freq={freq}",
         "!", "audio/x-raw,rate=48000,channels=1", "!", "avenc_aac", "!", "aacparse", "!",
         "audio/mpeg,mpegversion=4,stream-format=adts", "!", "fdsink", "fd=1"],
        check=True, capture_output=True, timeout=LONG,
    ).stdout
    frames = []
    while len(out) >= 7:
        assert out[0] == 0xFF and out[1] & 0xF0 == 0xF0, f"no ADTS sync word after {len(frames)} frames"
        size = (out[3] & 0x03) << 11 | out[4] << 3 | out[5] >> 5
        frames.append(out[:size])
        out = out[size:]
    assert len(frames) >= n
    return frames


def test_audio_track(kafka):
    """A stream with sound: H.264 (libx264) and AAC (avenc_aac, ADTS)
    records interleaved in capture order, the video half without
    edgecam-track as older agents wrote it; the audio loses seq 30 and has
    seq 40 twice. Without audio=True the reader yields the video alone, as
    before; with it, AudioFrames too, each once, decoded (the tone is
    there), the audio's seq gap as a Gap of track "audio", the video's
    continuity untouched."""
    key = f"py-av-{np.random.default_rng().integers(1 << 30)}/cam0"
    enc = av.CodecContext.create("libx264", "w")
    enc.width, enc.height, enc.pix_fmt = 320, 240, "yuv420p"
    enc.time_base = fractions.Fraction(1, 30)
    enc.options = {"x264-params": "keyint=15:min-keyint=15:scenecut=0:bframes=0:repeat-headers=1:log-level=error"}
    video = []
    for i in range(60):
        img = np.full((240, 320, 3), 40, np.uint8)
        img[:, (i * 5) % 300:(i * 5) % 300 + 20] = 220
        f = av.VideoFrame.from_ndarray(img, format="rgb24").reformat(format="yuv420p")
        f.pts = i
        video += list(enc.encode(f))
    video += list(enc.encode(None))
    assert len(video) == 60
    t0 = 1_764_000_000_000_000_000
    recs = []  # (pts ns, headers, value)
    for i, pkt in enumerate(video):
        pts = int(pkt.pts * 1e9 / 30)
        hdr = [("edgecam-seq", str(i)), ("edgecam-pts", str(pts)), ("edgecam-dts", str(pts)),
               ("edgecam-capture-ns", str(t0 + pts)), ("edgecam-keyframe", "1" if pkt.is_keyframe else "0"),
               ("edgecam-codec", "h264"), ("edgecam-session", "s1")]
        if i >= 30:
            hdr.append(("edgecam-track", "video"))
        recs.append((pts, hdr, bytes(pkt)))
    aac = adts_frames(2)
    for i, a in enumerate(aac):
        if i == 30:
            continue
        pts = i * 1024 * 10**9 // 48000
        hdr = [("edgecam-seq", str(i)), ("edgecam-pts", str(pts)), ("edgecam-dts", str(pts)),
               ("edgecam-capture-ns", str(t0 + pts)), ("edgecam-keyframe", "1"), ("edgecam-codec", "aac"),
               ("edgecam-session", "s1"), ("edgecam-track", "audio")]
        recs += [(pts, hdr, a)] * (2 if i == 40 else 1)
    recs.sort(key=lambda r: r[0])
    p = Producer({"bootstrap.servers": kafka["brokers"], "enable.idempotence": True, "partitioner": "murmur2_random"})
    for pts, hdr, value in recs:
        p.produce(TOPIC, key=key, value=value, headers=hdr, timestamp=(t0 + pts) // 1_000_000)
    assert p.flush(LONG) == 0

    items = list(ec.frames(kafka["brokers"], key, topic=TOPIC, offset=0, stop_at_end=True))
    assert [i.seq for i in items if isinstance(i, ec.Frame)] == list(range(60))
    assert all(isinstance(i, ec.Frame) and i.track == "video" for i in items)

    items = list(ec.frames(kafka["brokers"], key, topic=TOPIC, offset=0, stop_at_end=True, audio=True))
    vframes = [i for i in items if isinstance(i, ec.Frame)]
    aframes = [i for i in items if isinstance(i, ec.AudioFrame)]
    events = [i for i in items if isinstance(i, ec.Event)]
    assert [f.seq for f in vframes] == list(range(60))
    assert [f.seq for f in aframes] == [i for i in range(len(aac)) if i != 30]
    assert [(e.first, e.last, e.track) for e in events] == [(30, 30, "audio")]
    assert all(f.track == "audio" and f.codec == "aac" and f.sample_rate == 48000 and f.samples.shape == (1, 1024) for f in aframes)
    assert [f.pts_ns for f in aframes] == sorted(f.pts_ns for f in aframes)
    # The tone: 440 Hz is the strongest frequency of a decoded second.
    sound = np.concatenate([f.samples[0] for f in aframes[5:52]])
    spectrum = np.abs(np.fft.rfft(sound))
    peak = np.argmax(spectrum) * 48000 / len(sound)
    assert abs(peak - 440) < 5, f"the strongest frequency is {peak:.1f} Hz, want 440"
    # From a time: the video keyframe at or before it, and the audio from there.
    start = [f for f in vframes if f.keyframe][2]
    items = list(ec.frames(kafka["brokers"], key, topic=TOPIC, start=at(start.capture_ns + 100_000_000), stop_at_end=True, audio=True))
    first_video = next(i for i in items if isinstance(i, ec.Frame))
    first_audio = next(i for i in items if isinstance(i, ec.AudioFrame))
    assert first_video.seq == start.seq
    assert 0 <= first_audio.pts_ns - start.pts_ns < 1024 * 10**9 // 48000


def test_audio_from_the_agent(kafka, tmp_path):
    """The real agent with a sound track (audiotestsrc, AAC) beside the
    video: audio=True yields both tracks, each with its seq from 0 and no
    gap or repeat (no Gap event of either track), every AudioFrame decoded,
    and the two tracks on one clock (their first pts within a video frame
    of each other's, as they were captured together)."""
    from conftest import Agent
    device = f"py-av-{np.random.default_rng().integers(1 << 30)}"
    cfg = tmp_path / "av.yaml"
    cfg.write_text(f"""device: {{id: {device}}}
kafka: {{brokers: ["{kafka['brokers']}"], topic: {TOPIC}}}
spool: {{dir: {tmp_path / 'spool'}}}
streams:
  - name: cam0
    source: {{type: test, pattern: ball}}
    width: 320
    height: 240
    fps: 30
    keyframe_interval: 1s
    audio: {{source: test, codec: aac}}
""")
    a = Agent(kafka["bin"], cfg, tmp_path / "agent.log")
    a.wait_log("stream started")
    import time
    time.sleep(4)
    a.stop()
    items = list(ec.frames(kafka["brokers"], f"{device}/cam0", topic=TOPIC, offset=0, stop_at_end=True, audio=True))
    vframes = [i for i in items if isinstance(i, ec.Frame)]
    aframes = [i for i in items if isinstance(i, ec.AudioFrame)]
    events = [i for i in items if isinstance(i, ec.Event)]
    assert events == []
    assert len(vframes) > 30 and len(aframes) > 60
    assert [f.seq for f in vframes] == list(range(len(vframes)))
    assert [f.seq for f in aframes] == list(range(len(aframes)))
    assert all(f.samples.shape == (1, 1024) and f.sample_rate == 48000 for f in aframes)
    assert abs(aframes[0].pts_ns - vframes[0].pts_ns) < 34_000_000
