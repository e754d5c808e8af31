#!/usr/bin/env bash
# kafka.sh — a real Apache Kafka (KRaft, no ZooKeeper, no Docker) on 127.0.0.1
# for the end-to-end tests and the demo. The jars come from Maven Central
# (scripts/kafka/pom.xml); each node is a combined broker + controller.
#
# Usage:
#   scripts/kafka/kafka.sh fetch                 download the jars once (idempotent)
#   scripts/kafka/kafka.sh up [--brokers N] [--secure DIR]
#                                                fresh cluster of N nodes (1 or 3;
#                                                default 1) with the topics of
#                                                $KAFKA_TOPICS; kills a running one
#                                                first (its data is wiped anyway);
#                                                --secure: TLS and SASL listeners too
#   scripts/kafka/kafka.sh down                  stop every node (SIGTERM, 20 s, SIGKILL)
#   scripts/kafka/kafka.sh topic NAME PARTITIONS create one more topic (if not there yet)
#   scripts/kafka/kafka.sh config NAME KEY=VALUE...
#                                                set configs of topic NAME while it
#                                                runs; KEY= (no value) removes the
#                                                override (back to the broker's)
#   scripts/kafka/kafka.sh status                list the nodes; exit 1 unless all run
#   scripts/kafka/kafka.sh kill N                SIGKILL node N (a crash), keeping its data
#   scripts/kafka/kafka.sh stop N                SIGTERM node N (a clean shutdown, as at an
#                                                upgrade: it hands its leaderships over),
#                                                keeping its data; SIGKILL after 20 s
#   scripts/kafka/kafka.sh start N               start node N again on its data, wait until up
#   scripts/kafka/kafka.sh pid N                 print node N's pid (for SIGSTOP/SIGCONT)
#
# For network-fault tests every node has a second listener, PROXIED, on
# 127.0.0.1:929(1+n) that advertises 127.0.0.1:939(1+n): a TCP proxy of the
# test (toxiproxy) listens there and forwards to 929(1+n), so clients that
# bootstrap through 9392 keep talking through the proxy, and cutting it cuts
# them off.
#
# Node n (1-based) listens on 127.0.0.1:909(1+n) (9092, 9093, 9094) for clients
# and on 127.0.0.1:919(1+n) (9192, ...) for the controller quorum.
#
# With --secure DIR every node also has an SSL listener on 127.0.0.1:949(1+n)
# that requires a client certificate (mutual TLS), and a SASL_SSL listener on
# 127.0.0.1:959(1+n) (no client certificate) offering SCRAM-SHA-512,
# SCRAM-SHA-256 and PLAIN. Inter-broker and controller traffic stays on the
# PLAINTEXT listeners. DIR holds PEM files:
#   ca.crt       the CA(s) trusted for client certificates
#   broker.crt   the brokers' certificate (chain), valid for 127.0.0.1
#   broker.key   its private key, unencrypted PKCS#8 ("BEGIN PRIVATE KEY")
#   users        optional: one "NAME PASSWORD" a line; each gets SCRAM-SHA-512
#                and SCRAM-SHA-256 credentials (kafka-storage format
#                --add-scram) and a PLAIN login. Names and passwords: letters,
#                digits and "._-" only.
# The files are copied into the node configs, so DIR may go away after `up`. Replication
# factor = min(N, 3), min.insync.replicas = 2 with 3+ nodes, else 1. `up`
# returns once every broker has every topic, with leaders, in its metadata
# (checked with kcat when installed). On failure it prints the end of the
# broker logs and exits 1.
#
# Environment:
#   KAFKA_VERSION  Kafka release to fetch/run (default 4.4.0)
#   KAFKA_CACHE    jar directory (default <repo>/.cache/kafka/<version>/jars)
#   KAFKA_STATE    node configs, data and logs (default <repo>/.cache/kafka/state);
#                  node-N/broker.log is the log of node N
#   KAFKA_TOPICS   topics made by `up`, NAME:PARTITIONS separated by spaces
#                  (default "edgecam.video:3 edgecam.test:3")
#   KAFKA_STATUS_TOPICS  compacted topics made by `up` for the agents' status
#                  records (fleet.status_topic), NAME:PARTITIONS (default
#                  "edgecam.status:1"): cleanup.policy=compact, LogAppendTime
#                  timestamps (last seen by the broker's clock), and segments
#                  rolled every 2 s with min.cleanable.dirty.ratio 0.01 so a
#                  test sees compaction within seconds (a production topic
#                  keeps the defaults, or segment.ms of an hour)
#   KAFKA_HEAP_OPTS  JVM heap of each node (default "-Xms256m -Xmx512m")
#   KAFKA_PORT_OFFSET  added to every port above (default 0), so a second
#                  cluster with its own KAFKA_STATE can run beside the first
#   JAVA           java binary (default: $JAVA_HOME/bin/java, else java)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

KAFKA_VERSION=${KAFKA_VERSION:-4.4.0}
KAFKA_CACHE=${KAFKA_CACHE:-$REPO_ROOT/.cache/kafka/$KAFKA_VERSION/jars}
KAFKA_STATE=${KAFKA_STATE:-$REPO_ROOT/.cache/kafka/state}
KAFKA_TOPICS=${KAFKA_TOPICS:-edgecam.video:3 edgecam.test:3}
KAFKA_STATUS_TOPICS=${KAFKA_STATUS_TOPICS-edgecam.status:1}
readonly STATUS_TOPIC_CONFIG=(--config cleanup.policy=compact --config message.timestamp.type=LogAppendTime
	--config segment.ms=2000 --config min.cleanable.dirty.ratio=0.01 --config delete.retention.ms=60000)
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
if [[ -z ${JAVA:-} ]]; then
	if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
		JAVA=$JAVA_HOME/bin/java
	else
		JAVA=java
	fi
fi

KAFKA_PORT_OFFSET=${KAFKA_PORT_OFFSET:-0}
if ! [[ $KAFKA_PORT_OFFSET =~ ^[0-9]{1,5}$ ]] || ((KAFKA_PORT_OFFSET > 50000)); then
	echo "kafka: error: KAFKA_PORT_OFFSET must be 0..50000" >&2
	exit 1
fi
readonly HOST=127.0.0.1
readonly PORT_BASE=$((9091 + KAFKA_PORT_OFFSET))            # node n: client port PORT_BASE + n
readonly CONTROLLER_PORT_BASE=$((9191 + KAFKA_PORT_OFFSET)) # node n: controller port CONTROLLER_PORT_BASE + n
readonly PROXIED_PORT_BASE=$((9291 + KAFKA_PORT_OFFSET))    # node n: PROXIED listener, behind the test's proxy
readonly PROXY_PORT_BASE=$((9391 + KAFKA_PORT_OFFSET))      # node n: what PROXIED advertises (the proxy)
readonly SSL_PORT_BASE=$((9491 + KAFKA_PORT_OFFSET))        # node n: SSL listener (--secure)
readonly SASL_SSL_PORT_BASE=$((9591 + KAFKA_PORT_OFFSET))   # node n: SASL_SSL listener (--secure)
readonly MESSAGE_MAX_BYTES=8388608 # 8 MiB: one record is one video frame
readonly START_TIMEOUT=90          # seconds for all nodes to be up
readonly STOP_TIMEOUT=20           # seconds between SIGTERM and SIGKILL

readonly TEMPLATE=$SCRIPT_DIR/server.properties.tmpl
readonly LOG4J_CONFIG=$SCRIPT_DIR/log4j2.properties
readonly MARKER=$KAFKA_CACHE/.fetched
readonly CLUSTER_FILE=$KAFKA_STATE/cluster.env
NODE_PIDS=() # pids of the nodes `up` started

log() { printf 'kafka: %s\n' "$*"; }
die() {
	printf 'kafka: error: %s\n' "$*" >&2
	exit 1
}

usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
	exit 2
}

# lock FILE: hold an exclusive lock on FILE until the script exits (two
# `up`s or `fetch`es at once wait for each other instead of mixing files).
# The nodes, which outlive the script, close the lock fds.
lock() {
	local fd
	command -v flock >/dev/null 2>&1 || return 0
	mkdir -p "$(dirname "$1")"
	exec {fd}>"$1"
	flock "$fd"
}

need() {
	command -v "$1" >/dev/null 2>&1 || die "$1 not found ($2)"
}

# ---------------------------------------------------------------- fetch

fetched() {
	[[ -f $MARKER && $(<"$MARKER") == "$KAFKA_VERSION" ]]
}

# cmd_fetch [quiet]: download the jars unless they are there already.
cmd_fetch() {
	local quiet=${1:-}
	if ! fetched; then
		lock "$KAFKA_CACHE.lock"
	fi
	if fetched; then
		[[ -n $quiet ]] || log "fetch: Kafka $KAFKA_VERSION jars already in $KAFKA_CACHE"
		return 0
	fi
	need mvn "apt-get install maven"
	local tmp out
	mkdir -p "$(dirname "$KAFKA_CACHE")"
	tmp=$(mktemp -d "$KAFKA_CACHE.tmp.XXXXXX")
	out=$tmp/mvn.log
	if ! mvn -q -B -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" dependency:copy-dependencies \
		-DoutputDirectory="$tmp/jars" -Dkafka.version="$KAFKA_VERSION" >"$out" 2>&1; then
		tail -n 40 "$out" >&2
		rm -rf "$tmp"
		die "fetch: mvn could not download Kafka $KAFKA_VERSION"
	fi
	# Replace the jars only (KAFKA_CACHE may be a directory of the user's).
	mkdir -p "$KAFKA_CACHE"
	rm -f "$KAFKA_CACHE"/*.jar "$KAFKA_CACHE"/.cds-*.jsa
	mv "$tmp"/jars/*.jar "$KAFKA_CACHE"/
	rm -rf "$tmp"
	printf '%s\n' "$KAFKA_VERSION" >"$MARKER"
	log "fetch: Kafka $KAFKA_VERSION jars ($(find "$KAFKA_CACHE" -name '*.jar' | wc -l)) in $KAFKA_CACHE"
}

# ---------------------------------------------------------------- helpers

# tool CLASS ARGS...: run a Kafka command-line tool, logging WARN+ to stderr.
# The flags make the short-lived JVM start faster, and so does a class data
# sharing archive per tool (AppCDS, about half of the JVM start-up time):
# written at the end of the tool's first run, used by the later ones (a stale
# or broken archive is ignored by the JVM).
tool() {
	local jsa=$KAFKA_CACHE/.cds-${1##*.}.jsa tmp="" rc=0
	local -a cds=()
	if [[ -f $jsa ]]; then
		cds=(-XX:SharedArchiveFile="$jsa")
	elif [[ -w $KAFKA_CACHE ]]; then
		tmp=$jsa.$BASHPID.tmp
		cds=(-XX:ArchiveClassesAtExit="$tmp")
	fi
	"$JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto "${cds[@]}" \
		-Xlog:disable -Xlog:all=error:stderr \
		-Djava.awt.headless=true \
		-Dlog4j2.configurationFile="$LOG4J_CONFIG" \
		-Dedgecam.kafka.log.level=WARN -Dedgecam.kafka.log.target=SYSTEM_ERR \
		-cp "$KAFKA_CACHE/*" "$@" || rc=$?
	if [[ -n $tmp ]]; then
		if ((rc == 0)) && [[ -s $tmp ]]; then
			mv -f "$tmp" "$jsa"
		else
			rm -f "$tmp"
		fi
	fi
	return "$rc"
}

# uuid: a random Kafka Uuid (16 bytes, URL-safe base64 without padding, not
# starting with '-'), as `kafka-storage random-uuid` prints, without a JVM.
uuid() {
	local u
	while :; do
		u=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
		[[ $u != -* && ${#u} -eq 22 ]] && break
	done
	printf '%s\n' "$u"
}

port_of() { echo $((PORT_BASE + $1)); }
controller_port_of() { echo $((CONTROLLER_PORT_BASE + $1)); }

# listening PORT: true if something accepts connections on HOST:PORT.
listening() {
	(exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# node_dirs: the node directories of the state dir, in order.
node_dirs() {
	local i
	for ((i = 1; i <= 9; i++)); do
		[[ ! -d $KAFKA_STATE/node-$i ]] || printf '%s\n' "$KAFKA_STATE/node-$i"
	done
}

# cmdline_of PID: set CMDLINE to the command line of PID, arguments joined
# by spaces (no subshell: node_pid may look at every process).
CMDLINE=
cmdline_of() {
	local -a args
	CMDLINE=
	mapfile -d '' args 2>/dev/null <"/proc/$1/cmdline" || return 1
	CMDLINE=${args[*]:-}
}

# node_pid DIR: the pid of the node in DIR if it is running, else fails: the
# pid of DIR/broker.pid if it still is kafka.Kafka with DIR's config, else
# (lost pid file) such a process found in /proc.
node_pid() {
	local pid p
	local want=" kafka.Kafka $1/server.properties"
	if [[ -f $1/broker.pid ]]; then
		pid=$(<"$1/broker.pid")
		if [[ $pid =~ ^[0-9]+$ ]] && cmdline_of "$pid" && [[ $CMDLINE == *"$want" ]]; then
			printf '%s\n' "$pid"
			return 0
		fi
	fi
	for p in /proc/[0-9]*; do
		cmdline_of "${p#/proc/}" || continue
		if [[ $CMDLINE == *"$want" ]]; then
			printf '%s\n' "${p#/proc/}"
			return 0
		fi
	done
	return 1
}

# running_pids: pids of the running nodes of KAFKA_STATE.
running_pids() {
	local d dirs
	mapfile -t dirs < <(node_dirs)
	for d in "${dirs[@]}"; do
		node_pid "$d" || true
	done
}

# cluster_get KEY: a value written by `up` to cluster.env.
cluster_get() {
	[[ -f $CLUSTER_FILE ]] || return 1
	sed -n "s/^$1=//p" "$CLUSTER_FILE"
}

# ---------------------------------------------------------------- down

# cmd_down [now]: stop the nodes; with "now" (their data is about to be
# wiped anyway) at once with SIGKILL.
cmd_down() {
	local now=${1:-} pids pid left i wait_s=$STOP_TIMEOUT
	mapfile -t pids < <(running_pids | sort -un)
	if ((${#pids[@]} == 0)); then
		rm -f "$KAFKA_STATE"/node-*/broker.pid
		log "down: nothing running"
		return 0
	fi
	if [[ -n $now ]]; then
		wait_s=0
	else
		kill -TERM "${pids[@]}" 2>/dev/null || true
	fi
	left=("${pids[@]}")
	for ((i = 0; i < wait_s * 10; i++)); do
		left=()
		for pid in "${pids[@]}"; do
			kill -0 "$pid" 2>/dev/null && left+=("$pid")
		done
		((${#left[@]} == 0)) && break
		sleep 0.1
	done
	if ((${#left[@]} > 0)); then
		kill -KILL "${left[@]}" 2>/dev/null || true
		for pid in "${left[@]}"; do
			for ((i = 0; i < 50; i++)); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.1
			done
		done
	fi
	rm -f "$KAFKA_STATE"/node-*/broker.pid
	if ((${#left[@]} > 0)); then
		log "down: stopped ${#pids[@]} node(s), ${#left[@]} with SIGKILL after ${wait_s}s"
	else
		log "down: stopped ${#pids[@]} node(s)"
	fi
}

# launch_node ID DIR: start the node of DIR in the background, in its own
# session so that a Ctrl-C or the end of the calling make/go test does not
# stop it; `down` does. Sets NODE_PIDS[ID].
launch_node() {
	local id=$1 dir=$2
	local -a jvm_opts
	read -r -a jvm_opts <<<"$KAFKA_HEAP_OPTS"
	(
		cd "$dir"
		# Keep no fd of the caller's (pipes, make's jobserver, our locks).
		for fd in /proc/self/fd/*; do
			fd=${fd##*/}
			((fd <= 2)) || exec {fd}>&- 2>/dev/null || true
		done
		exec setsid nohup "$JAVA" "${jvm_opts[@]}" -XX:+ExitOnOutOfMemoryError \
			-Djava.awt.headless=true \
			-Dlog4j2.configurationFile="$LOG4J_CONFIG" \
			-cp "$KAFKA_CACHE/*" kafka.Kafka "$dir/server.properties" \
			</dev/null >>"$dir/broker.log" 2>&1
	) &
	NODE_PIDS[id]=$!
	printf '%s\n' "$!" >"$dir/broker.pid"
}

# ---------------------------------------------------------------- kill/start

# cmd_kill ID: SIGKILL one node (a crash: no clean shutdown), keeping its
# data for `start`.
cmd_kill() {
	[[ $# -eq 1 && $1 =~ ^[1-9]$ ]] || usage
	local dir=$KAFKA_STATE/node-$1 pid
	[[ -d $dir ]] || die "kill: no node $1 (run: $0 up)"
	pid=$(node_pid "$dir") || die "kill: node $1 is not running"
	kill -KILL "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	rm -f "$dir/broker.pid"
	log "kill: node $1 (pid $pid) killed with SIGKILL"
}

# cmd_stop ID: stop node ID cleanly, keeping its data.
cmd_stop() {
	[[ $# -eq 1 && $1 =~ ^[1-9]$ ]] || usage
	local dir=$KAFKA_STATE/node-$1 pid deadline
	[[ -d $dir ]] || die "stop: no node $1 (run: $0 up)"
	pid=$(node_pid "$dir") || die "stop: node $1 is not running"
	kill -TERM "$pid"
	deadline=$((SECONDS + STOP_TIMEOUT))
	while kill -0 "$pid" 2>/dev/null; do
		if ((SECONDS >= deadline)); then
			log "stop: node $1 still running ${STOP_TIMEOUT}s after SIGTERM: SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		sleep 0.1
	done
	rm -f "$dir/broker.pid"
	log "stop: node $1 (pid $pid) stopped"
}

# cmd_pid ID: the pid of running node ID.
cmd_pid() {
	[[ $# -eq 1 && $1 =~ ^[1-9]$ ]] || usage
	local dir=$KAFKA_STATE/node-$1
	[[ -d $dir ]] || die "pid: no node $1 (run: $0 up)"
	node_pid "$dir" || die "pid: node $1 is not running"
}

# cmd_start ID: start a stopped node again on its existing data and wait
# until it serves clients.
cmd_start() {
	[[ $# -eq 1 && $1 =~ ^[1-9]$ ]] || usage
	local id=$1 dir=$KAFKA_STATE/node-$1 start=$SECONDS
	[[ -f $dir/server.properties ]] || die "start: no node $id (run: $0 up)"
	node_pid "$dir" >/dev/null && die "start: node $id is already running"
	local mark
	mark=$(wc -l <"$dir/broker.log" 2>/dev/null || echo 0)
	launch_node "$id" "$dir"
	local deadline=$((SECONDS + START_TIMEOUT))
	until listening "$(port_of "$id")" && tail -n +"$((mark + 1))" "$dir/broker.log" | grep -q 'Kafka Server started'; do
		kill -0 "${NODE_PIDS[id]}" 2>/dev/null || fail_up "node $id exited while starting" "$dir"
		((SECONDS < deadline)) || fail_up "node $id not up after ${START_TIMEOUT}s" "$dir"
		sleep 0.2
	done
	log "start: node $id at $HOST:$(port_of "$id") ($((SECONDS - start))s)"
}

# ---------------------------------------------------------------- up

# render NODE_ID DIR: write DIR/server.properties from the template.
render() {
	local id=$1 dir=$2 t
	t=$(<"$TEMPLATE")
	shopt -u patsub_replacement 2>/dev/null || true # '&' in a path stays '&'
	t=${t//@NODE_ID@/$id}
	t=${t//@HOST@/$HOST}
	t=${t//@PORT@/$(port_of "$id")}
	t=${t//@CONTROLLER_PORT@/$(controller_port_of "$id")}
	t=${t//@PROXIED_PORT@/$((PROXIED_PORT_BASE + id))}
	t=${t//@PROXY_PORT@/$((PROXY_PORT_BASE + id))}
	t=${t//@BOOTSTRAP_CONTROLLERS@/$BOOTSTRAP_CONTROLLERS}
	t=${t//@LOG_DIR@/$dir/data}
	t=${t//@RF@/$RF}
	t=${t//@MIN_ISR@/$MIN_ISR}
	t=${t//@MESSAGE_MAX_BYTES@/$MESSAGE_MAX_BYTES}
	printf '%s\n' "$t" >"$dir/server.properties"
	[[ -z $SECURE_DIR ]] || add_secure "$id" "$dir/server.properties"
	local left
	if left=$(grep -v '^[[:space:]]*#' "$dir/server.properties" | grep -o '@[A-Z_]*@'); then
		die "up: $TEMPLATE: no value for $(echo "$left" | sort -u | tr '\n' ' ')"
	fi
}

# ---------------------------------------------------------------- --secure

SECURE_DIR=""      # up --secure DIR
SECURE_USERS=()    # "NAME PASSWORD" from DIR/users
SECURE_SCRAM=()    # --add-scram arguments for the storage format

# check_secure DIR: the files --secure needs are there and hold what they
# should; reads the users.
check_secure() {
	local d=$1 f name pass extra
	[[ -d $d ]] || die "up: --secure $d: no such directory"
	for f in ca.crt broker.crt; do
		grep -q -- '-----BEGIN CERTIFICATE-----' "$d/$f" 2>/dev/null ||
			die "up: --secure: $d/$f is missing or holds no PEM certificate"
	done
	grep -q -- '-----BEGIN PRIVATE KEY-----' "$d/broker.key" 2>/dev/null ||
		die "up: --secure: $d/broker.key is missing or not an unencrypted PKCS#8 key (BEGIN PRIVATE KEY; convert with: openssl pkcs8 -topk8 -nocrypt)"
	SECURE_USERS=() SECURE_SCRAM=()
	if [[ -f $d/users ]]; then
		while read -r name pass extra || [[ -n $name ]]; do
			[[ -z $name || $name == \#* ]] && continue
			[[ $name =~ ^[A-Za-z0-9._-]+$ && $pass =~ ^[A-Za-z0-9._-]+$ && -z $extra ]] ||
				die "up: --secure: $d/users: want lines \"NAME PASSWORD\" of letters, digits and ._- (user ${name:-?})"
			SECURE_USERS+=("$name $pass")
			SECURE_SCRAM+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$pass]"
				--add-scram "SCRAM-SHA-256=[name=$name,password=$pass]")
		done <"$d/users"
	fi
	SECURE_DIR=$d
}

# pem_prop FILE: the PEM file as one properties value (each line ends in an
# escaped newline and continues on the next).
pem_prop() {
	awk 'BEGIN { ORS = "" } NF { if (n++) print "\\n\\\n"; print }' "$1"
}

# add_secure ID FILE: add the SSL and SASL_SSL listeners and their settings
# to the node config FILE. The PEM contents go into the config itself, so
# the node starts again (kafka.sh start) even when DIR is gone.
add_secure() {
	local id=$1 f=$2 ssl sasl u plain=""
	ssl=SSL://$HOST:$((SSL_PORT_BASE + id))
	sasl=SASL_SSL://$HOST:$((SASL_SSL_PORT_BASE + id))
	sed -i -e "s|^listeners=.*|&,$ssl,$sasl|" -e "s|^advertised.listeners=.*|&,$ssl,$sasl|" \
		-e 's|^listener.security.protocol.map=.*|&,SSL:SSL,SASL_SSL:SASL_SSL|' "$f"
	for u in "${SECURE_USERS[@]}"; do
		plain+=" user_${u%% *}=\"${u#* }\""
	done
	{
		echo
		echo "# --secure: TLS with the certificates of $SECURE_DIR (PEM, inline)."
		echo "ssl.keystore.type=PEM"
		printf 'ssl.keystore.certificate.chain='
		pem_prop "$SECURE_DIR/broker.crt"
		printf '\nssl.keystore.key='
		pem_prop "$SECURE_DIR/broker.key"
		printf '\nssl.truststore.type=PEM\nssl.truststore.certificates='
		pem_prop "$SECURE_DIR/ca.crt"
		echo
		echo "# SSL: mutual TLS, a client certificate signed by ca.crt is required."
		echo "listener.name.ssl.ssl.client.auth=required"
		echo "# SASL_SSL: TLS without client certificate, then SCRAM or PLAIN."
		echo "listener.name.sasl_ssl.ssl.client.auth=none"
		echo "listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256,PLAIN"
		echo "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;"
		echo "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;"
		echo "listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required$plain;"
	} >>"$f"
	chmod 600 "$f"
}

# show_logs [DIR...]: the end of the broker logs, on stderr.
show_logs() {
	local d
	for d in "$@"; do
		[[ -f $d/broker.log ]] || continue
		printf '\n==> %s (last 40 lines) <==\n' "$d/broker.log" >&2
		tail -n 40 "$d/broker.log" >&2
	done
}

# fail_up MESSAGE DIR...: show the logs, stop what started, exit 1.
fail_up() {
	local msg=$1
	shift
	show_logs "$@"
	((${#NODE_PIDS[@]} == 0)) || kill -TERM "${NODE_PIDS[@]}" 2>/dev/null || true
	cmd_down now >/dev/null 2>&1 || true
	die "up: $msg"
}

# create_topic BOOTSTRAP RF NAME PARTITIONS [--config K=V]...: create the
# topic unless it exists.
create_topic() {
	tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" --create --if-not-exists \
		--topic "$3" --partitions "$4" --replication-factor "$2" "${@:5}" >/dev/null
}

# topics_visible "PORT..." SPEC...: true once the broker on each PORT has the
# topics (SPEC NAME:PARTITIONS, or NAME: for any count) in its metadata with
# a leader for every partition. Brokers apply the controller's metadata a
# moment after TopicCommand returns; a client that starts right after `up`
# must not see UNKNOWN_TOPIC. Needs kcat (a cheap native client); without it
# this check is skipped.
topics_visible() {
	local ports=$1 port out spec want
	shift
	command -v kcat >/dev/null 2>&1 || return 0
	for port in $ports; do
		out=$(kcat -b "$HOST:$port" -L -m 5 2>/dev/null) || return 1
		[[ $out != *"leader -1"* ]] || return 1
		for spec in "$@"; do
			want="topic \"${spec%%:*}\" with ${spec#*:}"
			[[ -n ${spec#*:} ]] && want+=" partitions:"
			[[ $out == *"$want"* ]] || return 1
		done
	done
}

# wait_topics "PORT..." SPEC...: topics_visible, for up to 30 s.
wait_topics() {
	local i
	for ((i = 0; i < 150; i++)); do
		topics_visible "$@" && return 0
		sleep 0.2
	done
	return 1
}

# secure_bootstrap BASE N: the addresses of N nodes' listeners at BASE+n.
secure_bootstrap() {
	local i out=""
	for ((i = 1; i <= $2; i++)); do
		out+=${out:+,}$HOST:$(($1 + i))
	done
	printf '%s\n' "$out"
}

check_topic_spec() {
	[[ $1 =~ ^[A-Za-z0-9._-]{1,249}$ ]] || die "bad topic name: $1"
	[[ $2 =~ ^[1-9][0-9]*$ ]] || die "bad partition count for $1: $2"
}

cmd_up() {
	local brokers=1 secure=""
	while (($#)); do
		case $1 in
		--brokers) [[ $# -ge 2 ]] || usage; brokers=$2; shift 2 ;;
		--brokers=*) brokers=${1#*=}; shift ;;
		--secure) [[ $# -ge 2 ]] || usage; secure=$2; shift 2 ;;
		--secure=*) secure=${1#*=}; shift ;;
		*) usage ;;
		esac
	done
	[[ -z $secure ]] || check_secure "$(cd "$secure" 2>/dev/null && pwd || echo "$secure")"
	[[ $brokers =~ ^[1-9]$ ]] || die "up: --brokers must be 1..9, got $brokers"
	local spec name parts
	for spec in $KAFKA_TOPICS $KAFKA_STATUS_TOPICS; do
		name=${spec%%:*} parts=${spec#*:}
		[[ $spec == *:* ]] || die "KAFKA_TOPICS: $spec is not NAME:PARTITIONS"
		check_topic_spec "$name" "$parts"
	done
	need "$JAVA" "apt-get install default-jre-headless"
	local start=$SECONDS

	cmd_fetch quiet
	cmd_down now >/dev/null

	RF=$((brokers < 3 ? brokers : 3))
	MIN_ISR=$((brokers < 3 ? 1 : 2))
	local i port bootstrap="" ports="" controllers="" initial=""
	BOOTSTRAP_CONTROLLERS=""
	for ((i = 1; i <= brokers; i++)); do
		local -a check=("$(port_of "$i")" "$(controller_port_of "$i")")
		[[ -z $SECURE_DIR ]] || check+=($((SSL_PORT_BASE + i)) $((SASL_SSL_PORT_BASE + i)))
		for port in "${check[@]}"; do
			listening "$port" && die "up: $HOST:$port is in use by another program (another Kafka?)"
		done
		bootstrap+=${bootstrap:+,}$HOST:$(port_of "$i")
		ports+=${ports:+ }$(port_of "$i")
		controllers+=${controllers:+,}$HOST:$(controller_port_of "$i")
	done
	BOOTSTRAP_CONTROLLERS=$controllers

	# A fresh cluster each time: only our own files go (KAFKA_STATE may be a
	# directory of the user's).
	mkdir -p "$KAFKA_STATE"
	rm -rf "$KAFKA_STATE"/node-* "$CLUSTER_FILE"
	local cluster_id
	cluster_id=$(uuid)
	local -a dirs=() dir_ids=()
	for ((i = 1; i <= brokers; i++)); do
		dirs[i]=$KAFKA_STATE/node-$i
		dir_ids[i]=$(uuid)
		initial+=${initial:+,}$i@$HOST:$(controller_port_of "$i"):${dir_ids[i]}
		mkdir -p "${dirs[i]}/data"
		render "$i" "${dirs[i]}"
	done

	# Format every node's storage (in parallel: each is a JVM start). One
	# node is a standalone dynamic quorum; several share the same
	# --initial-controllers (KIP-853), each node taking its own directory id.
	local -a fmt_pids=()
	for ((i = 1; i <= brokers; i++)); do
		local -a quorum=(--standalone)
		((brokers > 1)) && quorum=(--initial-controllers "$initial")
		tool kafka.tools.StorageTool format --cluster-id "$cluster_id" \
			--config "${dirs[i]}/server.properties" "${quorum[@]}" "${SECURE_SCRAM[@]}" \
			>"${dirs[i]}/format.log" 2>&1 &
		fmt_pids[i]=$!
	done
	for ((i = 1; i <= brokers; i++)); do
		if ! wait "${fmt_pids[i]}"; then
			cat "${dirs[i]}/format.log" >&2
			die "up: formatting the storage of node $i failed"
		fi
	done

	# Start the nodes, each in its own session so that a Ctrl-C or the end
	# of the calling make/go test does not stop it; `down` does.
	for ((i = 1; i <= brokers; i++)); do
		launch_node "$i" "${dirs[i]}"
	done
	{
		echo "brokers=$brokers"
		echo "bootstrap=$bootstrap"
		echo "ports=$ports"
		echo "rf=$RF"
		echo "min_isr=$MIN_ISR"
		echo "cluster_id=$cluster_id"
		if [[ -n $SECURE_DIR ]]; then
			echo "ssl_bootstrap=$(secure_bootstrap "$SSL_PORT_BASE" "$brokers")"
			echo "sasl_ssl_bootstrap=$(secure_bootstrap "$SASL_SSL_PORT_BASE" "$brokers")"
		fi
	} >"$CLUSTER_FILE"

	# Wait until every node is started: its client port accepts connections
	# and it logged that the server is started, which KafkaRaftServer does only
	# after the broker was unfenced by the controller quorum. Both checks cost
	# no JVM; creating the topics below is the real API check.
	local deadline=$((SECONDS + START_TIMEOUT)) ready
	while :; do
		ready=0
		for ((i = 1; i <= brokers; i++)); do
			# (kill -0: the pid may not have exec'd java yet.)
			kill -0 "${NODE_PIDS[i]}" 2>/dev/null ||
				fail_up "node $i exited while starting" "${dirs[i]}"
			if listening "$(port_of "$i")" &&
				grep -q 'Kafka Server started' "${dirs[i]}/broker.log"; then
				ready=$((ready + 1))
			fi
		done
		((ready == brokers)) && break
		((SECONDS < deadline)) ||
			fail_up "$((brokers - ready)) of $brokers node(s) not up after ${START_TIMEOUT}s" "${dirs[@]}"
		sleep 0.2
	done

	# The topics, in parallel (one JVM each). A retry covers a node whose
	# metadata lags a moment behind the controller's.
	local -a topic_pids=() names=() summary=() extra
	for spec in $KAFKA_TOPICS $KAFKA_STATUS_TOPICS; do
		name=${spec%%:*} parts=${spec#*:} extra=()
		if [[ " $KAFKA_STATUS_TOPICS " == *" $spec "* ]]; then
			extra=("${STATUS_TOPIC_CONFIG[@]}")
		fi
		(create_topic "$bootstrap" "$RF" "$name" "$parts" "${extra[@]}" 2>"$KAFKA_STATE/topic-$name.log" ||
			{ sleep 2 && create_topic "$bootstrap" "$RF" "$name" "$parts" "${extra[@]}" 2>"$KAFKA_STATE/topic-$name.log"; }) &
		topic_pids+=("$!")
		names+=("$name")
		summary+=("$name($parts${extra:+, compacted})")
	done
	for i in "${!topic_pids[@]}"; do
		if ! wait "${topic_pids[i]}"; then
			cat "$KAFKA_STATE/topic-${names[i]}.log" >&2
			fail_up "creating topic ${names[i]} failed" "${dirs[@]}"
		fi
		rm -f "$KAFKA_STATE/topic-${names[i]}.log"
	done

	# shellcheck disable=SC2086 # KAFKA_TOPICS is a list
	wait_topics "$ports" $KAFKA_TOPICS $KAFKA_STATUS_TOPICS ||
		fail_up "the topics are not in every broker's metadata after 30s" "${dirs[@]}"

	local secure_note=""
	[[ -z $SECURE_DIR ]] ||
		secure_note=", SSL (mTLS) at $(secure_bootstrap "$SSL_PORT_BASE" "$brokers"), SASL_SSL at $(secure_bootstrap "$SASL_SSL_PORT_BASE" "$brokers") (${#SECURE_USERS[@]} user(s))"
	log "up: $brokers broker(s) at $bootstrap$secure_note, topics ${summary[*]:-none} ($((SECONDS - start))s)"
}

# ---------------------------------------------------------------- topic

cmd_topic() {
	[[ $# -eq 2 ]] || usage
	check_topic_spec "$1" "$2"
	local bootstrap rf
	bootstrap=$(cluster_get bootstrap || true)
	[[ -n $bootstrap ]] || die "topic: no cluster (run: $0 up)"
	rf=$(cluster_get rf)
	[[ -n $(running_pids) ]] || die "topic: no node is running (run: $0 up)"
	create_topic "$bootstrap" "$rf" "$1" "$2" || die "topic: creating $1 failed"
	wait_topics "$(cluster_get ports)" "$1:" || die "topic: $1 is not in every broker's metadata after 30s"
	log "topic: $1($2) at $bootstrap"
}

cmd_config() {
	[[ $# -ge 2 ]] || usage
	local name=$1 kv bootstrap
	shift
	local -a add=() del=()
	for kv in "$@"; do
		[[ $kv == *=* && ${kv%%=*} =~ ^[a-z][a-z0-9.]*$ ]] || die "config: $kv: want KEY=VALUE or KEY="
		if [[ -z ${kv#*=} ]]; then del+=("${kv%%=*}"); else add+=("$kv"); fi
	done
	bootstrap=$(cluster_get bootstrap || true)
	[[ -n $bootstrap ]] || die "config: no cluster (run: $0 up)"
	local -a args=(--bootstrap-server "$bootstrap" --entity-type topics --entity-name "$name" --alter)
	if ((${#add[@]})); then args+=(--add-config "$(IFS=,; echo "${add[*]}")"); fi
	if ((${#del[@]})); then args+=(--delete-config "$(IFS=,; echo "${del[*]}")"); fi
	tool org.apache.kafka.tools.ConfigCommand "${args[@]}" >/dev/null || die "config: altering topic $name failed"
	log "config: topic $name: $*"
}

# ---------------------------------------------------------------- status

cmd_status() {
	local d id pid total=0 up=0 dirs
	mapfile -t dirs < <(node_dirs)
	for d in "${dirs[@]}"; do
		id=${d##*/node-}
		total=$((total + 1))
		if pid=$(node_pid "$d"); then
			up=$((up + 1))
			log "status: node $id running, pid $pid, $HOST:$(port_of "$id") (controller :$(controller_port_of "$id")), log $d/broker.log"
		else
			log "status: node $id not running, log $d/broker.log"
		fi
	done
	if ((up == 0)); then
		log "status: not running"
		return 1
	fi
	((up == total)) || return 1
	log "status: $up node(s) up, bootstrap $(cluster_get bootstrap || true)"
}

# ---------------------------------------------------------------- main

(($# >= 1)) || usage
cmd=$1
shift
case $cmd in
up | down | topic | kill | stop | start) lock "$KAFKA_STATE.lock" ;;
esac
case $cmd in
fetch) (($# == 0)) || usage; cmd_fetch ;;
up) cmd_up "$@" ;;
down) (($# == 0)) || usage; cmd_down ;;
topic) cmd_topic "$@" ;;
config) cmd_config "$@" ;;
status) (($# == 0)) || usage; cmd_status ;;
kill) cmd_kill "$@" ;;
stop) cmd_stop "$@" ;;
start) cmd_start "$@" ;;
pid) cmd_pid "$@" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
