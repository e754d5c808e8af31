#!/usr/bin/env bash
# The demo behind `make demo`: stream the test-pattern camera of CONFIG into
# the local Kafka for DEMO_SECONDS (default 10), stop the agent like systemd
# does (SIGTERM), read the stream back into OUT with `edgecam tail`, check
# that OUT decodes with ffprobe, and print one line with the result.
#   usage: scripts/demo.sh BIN CONFIG OUT
set -euo pipefail
bin=$1 config=$2 out=$3
seconds=${DEMO_SECONDS:-10}
stream=${DEMO_STREAM:-cam0}
log=$(mktemp -t edgecam-demo.XXXXXX.log)
probe_err=$(mktemp -t edgecam-demo-ffprobe.XXXXXX.log)
trap 'rm -f "$probe_err"' EXIT

"$bin" run --config "$config" >"$log" 2>&1 &
agent=$!
sleep "$seconds"
kill -TERM "$agent"
if ! wait "$agent"; then
	echo "demo: the agent failed; the end of its log ($log):" >&2
	tail -n 30 "$log" >&2
	exit 1
fi

rm -f "$out"
if ! summary=$("$bin" tail --config "$config" --stream "$stream" --from-start --to-end -o "$out" 2>&1); then
	echo "demo: edgecam tail failed: $summary" >&2
	exit 1
fi
summary=$(tail -n 1 <<<"$summary")
frames=$(sed -n 's/^tail: \([0-9][0-9]*\) frames.*/\1/p' <<<"$summary")
decoded=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$out" 2>"$probe_err" || true)
if [ -n "$frames" ] && [ "$frames" -gt 0 ] && [ "$decoded" = "$frames" ] && [ ! -s "$probe_err" ]; then
	verdict="decoded OK ($decoded frames, no errors)"
else
	verdict="decode FAILED (ffprobe: ${decoded:-no} frames; $(head -c 300 "$probe_err"))"
fi
echo "demo: ${summary#tail: }; $verdict"
[[ $verdict == decoded* ]]
