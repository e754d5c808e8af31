"""The real thing: Kafka from scripts/kafka/kafka.sh (EDGECAM_PY_BROKERS),
filled by the real agent (EDGECAM_BIN run) with a test-pattern camera, and
kcat as the independent reader of what landed. `make test-python` sets
both; without them the tests skip, unless EDGECAM_PY_REQUIRED=1."""

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

TOPIC = "edgecam.test"
STREAM = "cam0"
LONG = 120  # seconds: a deadline that only catches a hang


def _env():
    brokers, binary = os.environ.get("EDGECAM_PY_BROKERS"), os.environ.get("EDGECAM_BIN")
    if not brokers or not binary:
        if os.environ.get("EDGECAM_PY_REQUIRED") == "1":
            pytest.fail("EDGECAM_PY_BROKERS and EDGECAM_BIN must be set (make test-python does)")
        pytest.skip("no Kafka: run `make test-python`")
    if shutil.which("kcat") is None:
        pytest.fail("kcat not installed (make deps installs it)")
    return brokers, binary


@pytest.fixture(scope="session")
def kafka():
    brokers, binary = _env()
    return {"brokers": brokers, "bin": binary, "topic": TOPIC}


def kcat_records(brokers, key):
    """Every record of key as kcat sees it (metadata and headers, no
    values), in offset order."""
    out = subprocess.run(
        ["kcat", "-C", "-b", brokers, "-t", TOPIC, "-o", "beginning", "-e", "-q", "-f", "%k\t%p\t%o\t%T\t%h\n"],
        check=True, capture_output=True, timeout=LONG,
    ).stdout.decode()
    recs = []
    for line in out.splitlines():
        k, p, o, ts, hs = line.split("\t", 4)
        if k != key:
            continue
        h = dict(kv.split("=", 1) for kv in hs.split(",") if "=" in kv)
        recs.append({
            "partition": int(p), "offset": int(o), "timestamp_ms": int(ts),
            "seq": int(h["edgecam-seq"]), "capture_ns": int(h["edgecam-capture-ns"]),
            "keyframe": h["edgecam-keyframe"] == "1", "session": h.get("edgecam-session", ""),
            "evicted": int(h.get("edgecam-evicted", "0")), "codec": h["edgecam-codec"],
        })
    return recs


class Agent:
    def __init__(self, binary, config, log):
        self.log = log
        self.proc = subprocess.Popen([binary, "run", "--config", str(config)], stdout=open(log, "wb"), stderr=subprocess.STDOUT)

    def wait_log(self, text):
        deadline = time.monotonic() + LONG
        while text not in self.log.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                pytest.fail(f"agent log never said {text!r}:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.2)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(LONG)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            pytest.fail(f"agent did not stop on SIGTERM:\n{self.log.read_text()[-3000:]}")
        assert rc == 0, self.log.read_text()[-3000:]


@pytest.fixture(scope="session")
def recorded(kafka, tmp_path_factory):
    """One stream, three agent runs: (A) live into Kafka; (B) Kafka
    unreachable (the broker address of a closed port), so the frames go to
    a 1 MiB spool that evicts its oldest GOPs; (C) live again, draining B's
    surviving frames first. Kafka then holds A, B's survivors (captured
    seconds before they were delivered; the first announces edgecam-evicted)
    and C, with two session changes."""
    d = tmp_path_factory.mktemp("agent")
    device = f"py-{random.randrange(10**9)}"

    def config(name, brokers):
        p = d / f"{name}.yaml"
        p.write_text(f"""device: {{id: {device}}}
kafka: {{brokers: ["{brokers}"], topic: {TOPIC}}}
spool: {{dir: {d / 'spool'}, max_size: 1MiB, segment_size: 128KiB}}
streams:
  - name: {STREAM}
    source: {{type: test, pattern: snow}}
    width: 320
    height: 240
    fps: 30
    bitrate_kbps: 2000
    keyframe_interval: 1s
""")
        return p

    live, offline = config("live", kafka["brokers"]), config("offline", "127.0.0.1:9")
    a = Agent(kafka["bin"], live, d / "a.log")
    a.wait_log("stream started")
    time.sleep(3)
    a.stop()
    b = Agent(kafka["bin"], offline, d / "b.log")
    b.wait_log("spool: evicted segment")
    time.sleep(1)
    b.stop()
    c = Agent(kafka["bin"], live, d / "c.log")
    c.wait_log("stream started")
    time.sleep(3)
    c.stop()
    key = f"{device}/{STREAM}"
    recs = kcat_records(kafka["brokers"], key)
    sessions = list(dict.fromkeys(r["session"] for r in recs))
    assert len(sessions) == 3, f"want three sessions in Kafka, got {sessions}"
    assert any(r["evicted"] for r in recs), "no record announces edgecam-evicted"
    return {**kafka, "key": key, "records": recs, "sessions": sessions, "dir": d}
