# Ctrl-C (SIGINT) or SIGTERM during a sweep: the trial's run is recorded INTERRUPTED and the
# trial goes back to the queue at once (no heartbeat has to go stale: --stale-after is an hour);
# the sweep exits with 130, and the same command run again finishes the study.
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/ [^ ]+:[0-9]+( |$)/ <worker>\1/g' -e 's/   +/  /g'; }
cat > hang.lua <<'LUA'
local ex = experiment "hang"
ex:config { x = 0.5 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run)
  if os.getenv("HANG") then while true do end end   -- stopped only by a signal
  return { loss = cfg.x }
end)
LUA
# Waits until `sweep show STUDY` shows N RUNNING trials.
running() {
  for _ in $(seq 600); do
    [ "$("$crescent" sweep show "$1" 2>/dev/null | grep -cE '^[0-9]+ +RUNNING')" -ge "$2" ] && return 0
    sleep 0.05
  done
  echo "no $2 RUNNING trials of $1"
}
states() { "$crescent" sweep show "$1" | grep -E '^[0-9]+ ' | awk '{print $1, $2}' | tr '\n' ' '; echo; }
echo "-- one process, SIGINT"
HANG=1 "$crescent" sweep hang.lua --allow os --trials 3 --seed 3 --stale-after 3600 > out.txt 2> err.txt &
pid=$!
running hang 1
kill -INT "$pid"
wait "$pid"
echo "exit: $?"
norm < out.txt
echo "stderr: $(wc -l < err.txt) lines"
echo "trials: $(states hang)"
echo "runs: $("$crescent" runs --study hang | tail -n +2 | awk '{print $5}' | tr '\n' ' ')"
step "$crescent" sweep hang.lua --allow os --trials 3 --seed 3 --stale-after 3600 | norm
echo "trials: $(states hang)"
echo "runs: $("$crescent" runs --study hang | tail -n +2 | awk '{print $4, $5}' | sort -n | tr '\n' ' ')"
echo "-- two workers: SIGTERM to one worker, then SIGINT to the sweep"
HANG=1 "$crescent" sweep hang.lua --allow os --study pair --trials 4 --seed 3 --workers 2 --stale-after 3600 > out.txt 2> err.txt &
pid=$!
running pair 2
first="$("$crescent" sweep show pair | grep -E '^[0-9]+ +RUNNING' | head -n 1)"
held="$(echo "$first" | awk '{print $1}')"
worker="$(echo "$first" | grep -oE ':[0-9]+ ' | head -n 1 | tr -d ': ')"
kill -TERM "$worker"
for _ in $(seq 600); do kill -0 "$worker" 2>/dev/null || break; sleep 0.05; done
echo "the worker of trial $held stopped; trials: $(states pair)"
kill -INT "$pid"
wait "$pid"
echo "exit: $?"
norm < out.txt
echo "stderr: $(wc -l < err.txt) lines"
echo "trials: $(states pair)"
"$crescent" sweep hang.lua --allow os --study pair --trials 4 --seed 3 --workers 2 --stale-after 3600 | tail -n 2 | norm
echo "trials: $(states pair)"
