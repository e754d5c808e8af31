"""Reading one edgecam stream from Kafka, decoded.

The record format is edgecam's consumer contract (README, "The Kafka
record"): key ``<device-id>/<stream>``, one Annex-B access unit per record,
parameter sets before every keyframe, and ``edgecam-*`` headers. Every
record of a key lies in one partition, chosen by Kafka's default
partitioner (murmur2 of the key, as the Java client and franz-go compute
it), so one partition is read and records of other keys are skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import av
import numpy as np
from confluent_kafka import Consumer, KafkaError, KafkaException, TopicPartition

__all__ = [
    "Frame",
    "AudioFrame",
    "Event",
    "Gap",
    "Eviction",
    "SessionChange",
    "frames",
    "partition_for",
    "EdgecamError",
]

CODECS = {"h264": "h264", "h265": "hevc"}
"""edgecam-codec values this reader decodes, and their FFmpeg decoder."""

AUDIO_CODECS = {"aac": "aac", "opus": "opus"}
"""edgecam-codec values of audio tracks, and their FFmpeg decoder (AAC
records carry their ADTS header; Opus records are one packet each)."""


class EdgecamError(Exception):
    """A record that is not in edgecam's format, or a stream that cannot be read."""


class _Captured:
    """What Frame and AudioFrame share: ``capture_time`` from ``capture_ns``."""

    capture_ns: int

    @property
    def capture_time(self) -> dt.datetime:
        """The capture time as an aware UTC datetime (microseconds, cut)."""
        return _EPOCH + dt.timedelta(microseconds=self.capture_ns // 1000)


@dataclasses.dataclass(frozen=True)
class Frame(_Captured):
    """One decoded video frame and the record it came from."""

    image: np.ndarray
    """The picture, height x width x 3 (``bgr24``, OpenCV's order, by
    default; see ``pixel_format``), or height x width for ``gray``."""
    seq: int
    """``edgecam-seq``: +1 per captured frame of the stream."""
    capture_ns: int
    """``edgecam-capture-ns``: wall-clock capture time, Unix nanoseconds
    (the box's guess while ``clock_unsynced``)."""
    pts_ns: int
    """``edgecam-pts``: presentation time on the stream clock, nanoseconds."""
    keyframe: bool
    codec: str
    session: str
    """``edgecam-session``: the agent run that captured the frame."""
    clock_unsynced: bool
    """``edgecam-clock: unsynced`` was set."""
    partition: int
    offset: int

    @property
    def track(self) -> str:
        """``"video"`` (``AudioFrame.track`` is ``"audio"``)."""
        return "video"


@dataclasses.dataclass(frozen=True)
class AudioFrame(_Captured):
    """One frame of the stream's sound track (``edgecam-track: audio``),
    yielded when ``frames(..., audio=True)``: the encoded frame as it is in
    Kafka and its samples decoded."""

    samples: np.ndarray
    """The decoded samples, float32, channels x samples (AAC: 1024 a
    frame; Opus: 20 ms)."""
    sample_rate: int
    data: bytes
    """The record's value: one AAC frame with its ADTS header, or one Opus
    packet."""
    seq: int
    """``edgecam-seq`` of the audio track: its own numbering, from 0."""
    capture_ns: int
    pts_ns: int
    """``edgecam-pts``: on the same stream clock as the video frames'."""
    codec: str
    session: str
    clock_unsynced: bool
    partition: int
    offset: int

    @property
    def track(self) -> str:
        return "audio"


class Event:
    """Something between two frames that a consumer should know about."""


@dataclasses.dataclass(frozen=True)
class Gap(Event):
    """Frames missing for no reason the records give: seq ``first..last``
    never reached Kafka (or retention deleted them while reading). Decoding
    resumes at the next keyframe (frames before it are not yielded). Should
    not happen with a healthy agent."""

    first: int
    last: int
    offset: int
    """Offset of the record after the gap."""
    track: str = "video"
    """Whose seq: ``"video"``, or ``"audio"`` (only with ``audio=True``):
    each track numbers its frames on its own."""

    @property
    def missing(self) -> int:
        return self.last - self.first + 1


@dataclasses.dataclass(frozen=True)
class Eviction(Event):
    """The box's spool was full or too old and dropped whole GOPs: seq
    ``first..last`` (``count`` frames), announced by ``edgecam-evicted`` on
    the record at ``offset``."""

    first: int
    last: int
    count: int
    offset: int
    track: str = "video"


@dataclasses.dataclass(frozen=True)
class SessionChange(Event):
    """A new agent run (``edgecam-session``) starts at ``offset``. A seq
    gap here (``skipped_first..skipped_last``, ``skipped`` numbers; none
    when ``skipped`` is 0) is the restart's reservation of sequence numbers,
    not lost frames (an eviction, if any, is reported on its own)."""

    old: str
    new: str
    offset: int
    skipped_first: int = 0
    skipped_last: int = -1

    @property
    def skipped(self) -> int:
        return self.skipped_last - self.skipped_first + 1


# -- the partition of a key -------------------------------------------------


def murmur2(data: bytes) -> int:
    """Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2), as a
    signed 32-bit int."""
    m, r = 0x5BD1E995, 24
    length = len(data)
    h = (0x9747B28C ^ length) & 0xFFFFFFFF
    for i in range(0, length - length % 4, 4):
        k = int.from_bytes(data[i : i + 4], "little")
        k = (k * m) & 0xFFFFFFFF
        k ^= k >> r
        k = (k * m) & 0xFFFFFFFF
        h = (h * m) & 0xFFFFFFFF
        h ^= k
    tail = length % 4
    base = length - tail
    if tail == 3:
        h ^= data[base + 2] << 16
    if tail >= 2:
        h ^= data[base + 1] << 8
    if tail >= 1:
        h ^= data[base]
        h = (h * m) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * m) & 0xFFFFFFFF
    h ^= h >> 15
    return h - (1 << 32) if h & 0x80000000 else h


def partition_for(key: str, partitions: int) -> int:
    """The partition Kafka's default partitioner (and edgecam's producer)
    puts ``key`` in, of a topic with ``partitions`` partitions."""
    return (murmur2(key.encode()) & 0x7FFFFFFF) % partitions


# -- records ----------------------------------------------------------------


@dataclasses.dataclass
class _Rec:
    seq: int
    pts: int
    capture_ns: int
    keyframe: bool
    codec: str
    session: str
    evicted: int
    unsynced: bool
    audio: bool
    partition: int
    offset: int
    value: bytes


_REQUIRED = ("edgecam-seq", "edgecam-pts", "edgecam-dts", "edgecam-capture-ns", "edgecam-keyframe", "edgecam-codec")


def _parse(msg: Any) -> _Rec:
    h: dict[str, bytes] = {}
    for k, v in msg.headers() or ():
        h[k] = v if v is not None else b""
    missing = [k for k in _REQUIRED if k not in h]
    if missing:
        raise EdgecamError(
            f"{msg.topic()}/{msg.partition()} offset {msg.offset()}: not an edgecam record (no {', '.join(missing)})"
        )
    try:
        return _Rec(
            seq=int(h["edgecam-seq"]),
            pts=int(h["edgecam-pts"]),
            capture_ns=int(h["edgecam-capture-ns"]),
            keyframe=h["edgecam-keyframe"] == b"1",
            codec=h["edgecam-codec"].decode(),
            session=h.get("edgecam-session", b"").decode(),
            evicted=int(h.get("edgecam-evicted", b"0")),
            unsynced=h.get("edgecam-clock") == b"unsynced",
            audio=h.get("edgecam-track", b"video") not in (b"video", b""),
            partition=msg.partition(),
            offset=msg.offset(),
            value=msg.value() or b"",
        )
    except ValueError as e:
        raise EdgecamError(f"{msg.topic()}/{msg.partition()} offset {msg.offset()}: bad edgecam header: {e}") from e


class _Partition:
    """Reads offset ranges of one partition with one consumer (assign, no
    consumer group, nothing committed)."""

    def __init__(self, consumer: Consumer, topic: str, partition: int, key: bytes, timeout: float):
        self.c, self.topic, self.part, self.key, self.timeout = consumer, topic, partition, key, timeout

    def watermarks(self) -> tuple[int, int]:
        return self.c.get_watermark_offsets(TopicPartition(self.topic, self.part), timeout=self.timeout, cached=False)

    def offset_after(self, ms: int, end: int) -> int:
        """Kafka's time index: the first offset whose timestamp is >= ms."""
        (tp,) = self.c.offsets_for_times([TopicPartition(self.topic, self.part, ms)], timeout=self.timeout)
        if tp.error:
            raise KafkaException(tp.error)
        return end if tp.offset < 0 else min(tp.offset, end)

    def read(self, lo: int, hi: int | None) -> Iterator[_Rec]:
        """Records of the key at offsets [lo, hi) (hi None: follow the
        partition forever). A range ends early at the partition's end
        (retention deleted records meanwhile)."""
        if hi is not None and lo >= hi:
            return
        self.c.assign([TopicPartition(self.topic, self.part, lo)])
        try:
            while True:
                msg = self.c.poll(self.timeout)
                if msg is None:
                    continue
                err = msg.error()
                if err is not None:
                    if err.code() == KafkaError._PARTITION_EOF:
                        # The partition's end (its high watermark, which was
                        # at or past hi when hi was taken): a range is done.
                        if hi is not None:
                            return
                        continue
                    raise KafkaException(err)
                if hi is not None and msg.offset() >= hi:
                    return
                if msg.key() == self.key:
                    yield _parse(msg)
                if hi is not None and msg.offset() >= hi - 1:
                    return
        finally:
            self.c.unassign()

    def keyframe_before(self, offset: int, start: int, capture_ns: int | None) -> int:
        """The last keyframe of the key below ``offset`` (captured at or
        before capture_ns, if given), read backwards in growing windows;
        ``start`` when there is none."""
        window = 64
        hi = offset
        while hi > start:
            lo = max(start, hi - window)
            found = -1
            for r in self.read(lo, hi):
                if r.keyframe and not r.audio and (capture_ns is None or r.capture_ns <= capture_ns):
                    found = r.offset
            if found >= 0:
                return found
            hi = lo
            window *= 4
        return start

    def keyframe_at(self, capture_ns: int, start: int, end: int) -> int:
        """As edgecam's ``tail --from``: the last keyframe of the key, in
        partition order, before its first record captured after
        capture_ns; the first keyframe when all were captured later; end
        when the key has no keyframe at all. Kafka's time index (the
        record timestamp is the capture time) is only the hint where to
        look: other streams of the partition and clamped timestamps make
        it inexact for one key."""
        hint = self.offset_after(capture_ns // 1_000_000, end)
        frm = self.keyframe_before(hint, start, capture_ns)
        best = first = -1
        for r in self.read(frm, end):
            if r.audio:
                continue
            if r.capture_ns > capture_ns:
                break
            if r.keyframe:
                first = r.offset if first < 0 else first
                best = r.offset
        if best >= 0:
            return best
        if first >= 0:
            return first
        return frm


# -- decoding ---------------------------------------------------------------


class _Decoder:
    def __init__(self, codec: str, pixel_format: str):
        if codec not in CODECS:
            raise EdgecamError(f"edgecam-codec {codec!r}: this reader decodes {', '.join(CODECS)}")
        self.codec = codec
        self.ctx = av.CodecContext.create(CODECS[codec], "r")
        self.fmt = pixel_format
        self.pending: dict[int, _Rec] = {}

    def decode(self, r: _Rec | None) -> Iterator[tuple[_Rec, np.ndarray]]:
        """Frames that come out after feeding r (None: flush). The packet's
        pts carries the record's seq through the decoder, which may hand
        frames out later and, with B-frames, in another order."""
        if r is None:
            packets = [None]
        else:
            pkt = av.Packet(r.value)
            pkt.pts = pkt.dts = r.seq
            self.pending[r.seq] = r
            packets = [pkt]
        for p in packets:
            for f in self.ctx.decode(p):
                rec = self.pending.pop(f.pts, None) if f.pts is not None else None
                if rec is None:
                    continue
                yield rec, f.to_ndarray(format=self.fmt)


class _AudioDecoder:
    def __init__(self, codec: str):
        if codec not in AUDIO_CODECS:
            raise EdgecamError(f"audio edgecam-codec {codec!r}: this reader decodes {', '.join(AUDIO_CODECS)}")
        self.codec = codec
        self.ctx = av.CodecContext.create(AUDIO_CODECS[codec], "r")
        if codec == "opus":
            # Opus always decodes at 48 kHz; without a header the channel
            # count comes from each packet's TOC.
            self.ctx.sample_rate = 48000

    def decode(self, r: _Rec) -> AudioFrame:
        chunks, rate = [], 0
        for f in self.ctx.decode(av.Packet(r.value)):
            a = f.to_ndarray()
            if f.format.is_planar is False:  # interleaved: samples x channels in one row
                a = a.reshape(-1, len(f.layout.channels)).T
            chunks.append(a.astype(np.float32, copy=False))
            rate = f.sample_rate
        samples = np.concatenate(chunks, axis=1) if chunks else np.zeros((0, 0), np.float32)
        return AudioFrame(
            samples=samples, sample_rate=rate, data=r.value, seq=r.seq, capture_ns=r.capture_ns, pts_ns=r.pts,
            codec=r.codec, session=r.session, clock_unsynced=r.unsynced, partition=r.partition, offset=r.offset,
        )


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _ns(t: dt.datetime | dt.timedelta | None, now_ns: int, what: str) -> int | None:
    if t is None:
        return None
    if isinstance(t, dt.timedelta):
        return now_ns - int(t.total_seconds() * 1e9)
    if isinstance(t, dt.datetime):
        if t.tzinfo is None:
            raise ValueError(f"{what}: a naive datetime is ambiguous; give a zone (datetime.timezone.utc)")
        return (t - _EPOCH) // dt.timedelta(microseconds=1) * 1000
    raise TypeError(f"{what}: want a datetime or a timedelta (that long ago), not {type(t).__name__}")


def frames(
    brokers: str,
    key: str,
    *,
    topic: str = "edgecam.video",
    start: dt.datetime | dt.timedelta | None = None,
    offset: int | None = None,
    until: dt.datetime | None = None,
    stop_at_end: bool = False,
    max_frames: int | None = None,
    pixel_format: str = "bgr24",
    config: dict[str, Any] | None = None,
    timeout: float = 10.0,
    audio: bool = False,
) -> Iterator[Frame | AudioFrame | Event]:
    """Yield the frames of stream ``key`` (``"<device-id>/<stream>"``)
    decoded to numpy arrays, with ``Gap``, ``Eviction`` and
    ``SessionChange`` events between them, in the stream's order.

    Where it starts (one of, default: only frames produced from now on):
      - ``start``: a moment (an aware datetime, or a timedelta: that long
        ago). Reading starts at the stream's keyframe at or before it, as
        ``edgecam tail --from`` does, also for frames delivered late from a
        spool.
      - ``offset``: a Kafka offset of the stream's partition; reading starts
        at the keyframe of the stream at or before it.
      - neither: the next frame produced (from the next keyframe).

    Where it stops: ``until`` (stops before the first frame captured after
    it; if it has passed already, also at the end), ``stop_at_end`` (the
    newest record present when reading began), ``max_frames``, or never
    (following the live stream: stop iterating when done; the consumer is
    closed when the generator is).

    ``pixel_format`` is any PyAV/FFmpeg format name: ``bgr24`` (default,
    what OpenCV expects), ``rgb24``, ``gray``. ``config`` adds librdkafka
    settings (TLS, SASL: ``security.protocol``, ``ssl.ca.location``,
    ``sasl.mechanism``, ...). ``timeout`` (seconds) bounds each metadata and
    offset request.

    ``audio=True`` also yields the stream's sound track (records with
    ``edgecam-track: audio``) as ``AudioFrame`` items, in record order
    (capture order) among the video frames, from the keyframe reading
    starts at; its own seq gaps and evictions come as ``Gap`` and
    ``Eviction`` with ``track="audio"``. Video frames leave the decoder a
    few frames after their record (B-frames), so align the tracks by
    ``pts_ns`` (one clock for both) or ``capture_ns``, not by the order
    items come in. ``max_frames`` counts video frames. Without it (the
    default) audio records are skipped, as before streams had sound.
    """
    if start is not None and offset is not None:
        raise ValueError("give start or offset, not both")
    now_ns = time.time_ns()
    start_ns = _ns(start, now_ns, "start")
    until_ns = _ns(until, now_ns, "until")
    if until_ns is not None and until_ns < now_ns:
        stop_at_end = True
    conf = {
        "bootstrap.servers": brokers,
        "group.id": "edgecam-consumer",  # required by librdkafka; nothing is committed
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "enable.partition.eof": True,
        "auto.offset.reset": "earliest",
    }
    conf.update(config or {})
    c = Consumer(conf)
    try:
        md = c.list_topics(topic, timeout=timeout)
        tm = md.topics.get(topic)
        if tm is None or tm.error is not None or not tm.partitions:
            why = tm.error if tm is not None and tm.error is not None else "no partitions"
            raise EdgecamError(f"topic {topic}: {why}")
        part = _Partition(c, topic, partition_for(key, len(tm.partitions)), key.encode(), timeout)
        low, high = part.watermarks()
        if start_ns is not None:
            frm = part.keyframe_at(start_ns, low, high)
        elif offset is not None:
            frm = part.keyframe_before(min(max(offset, low), high) + 1, low, None) if offset >= low else low
        else:
            frm = high
        yield from _decode_stream(
            part.read(frm, high if stop_at_end else None), until_ns, max_frames, pixel_format, audio
        )
    finally:
        c.close()


def _decode_stream(
    recs: Iterator[_Rec], until_ns: int | None, max_frames: int | None, pixel_format: str, audio: bool = False
) -> Iterator[Frame | AudioFrame | Event]:
    """Decode records in order. Any discontinuity (a gap, an eviction, a
    new session, another codec) flushes the decoder, so the frames before
    it come out first, then the events, then decoding starts afresh at the
    next keyframe."""
    dec: _Decoder | None = None
    last: _Rec | None = None
    n = 0

    def emit(pairs: Iterator[tuple[_Rec, np.ndarray]]) -> Iterator[Frame]:
        nonlocal n
        for r, img in pairs:
            if max_frames is not None and n >= max_frames:
                return
            n += 1
            yield Frame(
                image=img, seq=r.seq, capture_ns=r.capture_ns, pts_ns=r.pts, keyframe=r.keyframe,
                codec=r.codec, session=r.session, clock_unsynced=r.unsynced, partition=r.partition, offset=r.offset,
            )

    alast: _Rec | None = None
    adec: _AudioDecoder | None = None

    for r in recs:
        if r.audio and not audio:
            continue
        if until_ns is not None and r.capture_ns > until_ns:
            break
        if max_frames is not None and n >= max_frames:
            return
        if r.audio:
            # The sound track: its own seq. Every audio frame decodes
            # alone, so a gap costs only the frames missing; a new session's
            # reserved numbers are no loss (its SessionChange comes with the
            # video).
            if alast is not None:
                if r.seq <= alast.seq and r.session == alast.session:
                    continue  # a repeat
                first, end = alast.seq + 1, r.seq - 1
                evicted = min(r.evicted, max(0, end - first + 1))
                if r.session == alast.session and end - evicted >= first:
                    yield Gap(first, end - evicted, r.offset, track="audio")
                if evicted:
                    yield Eviction(end - evicted + 1, end, evicted, r.offset, track="audio")
            elif r.evicted:
                yield Eviction(r.seq - r.evicted, r.seq - 1, r.evicted, r.offset, track="audio")
            alast = r
            if adec is None or adec.codec != r.codec:
                adec = _AudioDecoder(r.codec)
            yield adec.decode(r)
            continue
        events: list[Event] = []
        if last is not None:
            if r.seq <= last.seq and r.session == last.session:
                continue  # a repeat (two writers of one key, or a replay): not decoded twice
            first, end = last.seq + 1, r.seq - 1  # the seqs missing before r
            evicted = min(r.evicted, max(0, end - first + 1))
            if r.session != last.session:
                events.append(SessionChange(last.session, r.session, r.offset, first, end - evicted))
            elif end - evicted >= first:
                events.append(Gap(first, end - evicted, r.offset))
            if evicted:
                events.append(Eviction(end - evicted + 1, end, evicted, r.offset))
        elif r.evicted:
            events.append(Eviction(r.seq - r.evicted, r.seq - 1, r.evicted, r.offset))
        last = r
        if dec is not None and (events or dec.codec != r.codec):
            yield from emit(dec.decode(None))
            dec = None
        yield from events
        if dec is None:
            if not r.keyframe:
                continue  # decoding starts at a keyframe
            dec = _Decoder(r.codec, pixel_format)
        yield from emit(dec.decode(r))
    if dec is not None:
        yield from emit(dec.decode(None))
