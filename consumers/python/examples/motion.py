#!/usr/bin/env python3
"""Per-second motion score of an edgecam stream.

    python examples/motion.py --brokers kafka-1:9092 --key pi-garage-3/front --since 10m

For every second of capture time it prints the second (UTC), the frames
seen in it and the motion score: the mean absolute difference between
consecutive grey frames, 0 (still) to 255, averaged over the second. Gaps,
evictions and agent restarts are printed as comment lines where they happen
(the frame difference does not span them).
"""

import argparse
import datetime as dt
import re
import sys

import numpy as np

import edgecam_consumer as ec


def duration(s: str) -> dt.timedelta:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(s|m|h)", s)
    if not m:
        raise argparse.ArgumentTypeError(f"{s!r}: want a duration like 90s, 10m or 2h")
    return dt.timedelta(seconds=float(m[1]) * {"s": 1, "m": 60, "h": 3600}[m[2]])


def moment(s: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if t.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{s!r}: give a zone (Z or +01:00)")
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--brokers", required=True)
    ap.add_argument("--topic", default="edgecam.video")
    ap.add_argument("--key", required=True, help="DEVICE/STREAM")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--since", type=duration, help="start this long ago (90s, 10m, 2h)")
    where.add_argument("--from", dest="start", type=moment, help="start at this time (ISO 8601 with zone)")
    where.add_argument("--offset", type=int, help="start at this Kafka offset")
    ap.add_argument("--to", type=moment, help="stop after this capture time")
    ap.add_argument("--to-end", action="store_true", help="stop at the newest record present at start")
    a = ap.parse_args()

    second, frames, total, prev = None, 0, 0.0, None

    def flush() -> None:
        if second is not None and frames:
            when = dt.datetime.fromtimestamp(second, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            print(f"{when}\t{frames}\t{total / frames:.2f}", flush=True)

    items = ec.frames(a.brokers, a.key, topic=a.topic, start=a.since or a.start, offset=a.offset,
                      until=a.to, stop_at_end=a.to_end, pixel_format="gray")
    for item in items:
        if isinstance(item, ec.Event):
            flush()
            print(f"# {item}", flush=True)
            second, prev = None, None  # no difference across a discontinuity
            continue
        img = item.image.astype(np.int16)
        s = item.capture_ns // 1_000_000_000
        if s != second:
            flush()
            second, frames, total = s, 0, 0.0
        if prev is not None and prev.shape == img.shape:
            total += float(np.abs(img - prev).mean())
            frames += 1
        prev = img
    flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
