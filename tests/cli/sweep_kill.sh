# A worker killed (SIGKILL) in the middle of a trial loses nothing: once the trial's heartbeat
# is stale, the other worker runs it again, and the study ends with the trials asked for.
unset CRESCENT_STORE
cat > slow.lua <<'LUA'
local ex = experiment "slow"
ex:config { x = 0.5 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run)
  local t0 = os.clock()
  while os.clock() - t0 < 1 do end   -- a second's work
  return { loss = cfg.x }
end)
LUA
"$crescent" sweep slow.lua --allow os --trials 4 --workers 2 --seed 3 --heartbeat 0.2 --stale-after 2 > out.txt 2> err.txt &
parent=$!
# Waits until the study is open, then until a worker holds a trial, then kills that worker.
for _ in $(seq 600); do grep -q "trials finished" out.txt 2>/dev/null && break; sleep 0.05; done
victim=""; held=""
for _ in $(seq 600); do
  line="$("$crescent" sweep show slow 2>/dev/null | grep -E '^[0-9]+ +RUNNING' | head -n 1)"
  if [ -n "$line" ]; then
    held="$(echo "$line" | awk '{print $1}')"
    victim="$(echo "$line" | grep -oE ':[0-9]+ ' | head -n 1 | tr -d ': ')"
    break
  fi
  sleep 0.05
done
[ -n "$victim" ] && kill -KILL "$victim"
echo "killed the worker running trial $held"
wait "$parent"
echo "sweep: exit $?, stderr: $(wc -l < err.txt) lines"
"$crescent" sweep show slow > show.txt
grep -E '^trials' show.txt
echo "trial numbers: $(grep -E '^[0-9]+ ' show.txt | awk '{print $1}' | tr '\n' ' ')"
same="$(grep -E "^$held " show.txt | grep -q ":$victim " && echo "the killed one" || echo "another")"
echo "trial $held: $(grep -E "^$held " show.txt | awk '{print $2}'), its worker: $same"
echo "runs of the study: $("$crescent" runs --study slow | tail -n +2 | wc -l) (the killed one among them, still RUNNING: $("$crescent" runs --study slow | grep -c RUNNING))"
