# Sourced by the benchmark scripts: processes a benchmark starts are tracked by PID, stopped at its
# end, and checked gone, so a benchmark never leaves load behind on the machine.
#
#   bench_start NAME LOG command args...   starts a command in the background (the command itself,
#                                          not a shell function, so its PID is the process's own)
#   bench_stop NAME                        stops it (SIGINT, then SIGTERM, then SIGKILL) and waits
#   bench_finish WORKDIR                   stops every tracked process and fails if any process
#                                          whose command line names WORKDIR (this run's private
#                                          temporary folder) is still alive

declare -A BENCH_PIDS=()

bench_start() {
  local name=$1 log=$2; shift 2
  "$@" > "$log" 2>&1 &
  BENCH_PIDS[$name]=$!
}

bench_pid() { echo "${BENCH_PIDS[$1]:-}"; }

bench_stop() {
  local name=$1 pid=${BENCH_PIDS[$1]:-}
  [ -n "$pid" ] || return 0
  for sig in INT TERM KILL; do
    kill -0 "$pid" 2>/dev/null || break
    kill -s "$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  wait "$pid" 2>/dev/null || true
  unset "BENCH_PIDS[$name]"
}

bench_finish() {
  local work=$1 name left
  for name in "${!BENCH_PIDS[@]}"; do bench_stop "$name"; done
  # the run's temporary folder is unique to it: a process naming it is this run's own
  left=$(pgrep -f -- "$work" || true)
  if [ -n "$left" ]; then
    echo "LEFT BEHIND by this benchmark (now killed): $(ps -o pid=,args= -p $(echo $left | tr ' ' ,) | cut -c1-120)"
    kill -9 $left 2>/dev/null || true
    return 1
  fi
  echo "== no process left behind"
}

# A free TCP port on this machine (the benchmark and rehearsal scripts start their own servers).
# BENCH_PORTS=FIRST-LAST (an engineer's range on a shared machine): a random free port in that range.
free_port() { python3 -c 'import os, random, socket
r = os.environ.get("BENCH_PORTS")
first, last = map(int, r.split("-")) if r else (0, 0)
for _ in range(200):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", random.randint(first, last) if r else 0)); print(s.getsockname()[1]); break
    except OSError: continue
    finally: s.close()'; }

# check DESCRIPTION CONDITION: prints ok or FAIL; a failure sets failed=1 (the script's verdict).
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failed=1; fi; }
