# A study continues where it stopped: three trials, then the same command asking for six adds
# three more, numbered 3 to 5, with the parameters a six-trial study of the same seed has.
# A different space under the same name is refused; --join adds a worker to the study.
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/ [^ ]+:[0-9]+( |$)/ <worker>\1/g' -e 's/   +/  /g'; }  # columns sized by the worker's name (its pid) squeezed
cat > quad.lua <<'LUA'
local ex = experiment "quad"
ex:config { x = 0.5, k = 2 }
ex:sweep { x = sweep.uniform(-1, 1), k = sweep.int(1, 4), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run) return { loss = (cfg.x - 0.25)^2 + cfg.k } end)
LUA
step "$crescent" sweep quad.lua --trials 3 --seed 5 | norm
step "$crescent" sweep quad.lua --trials 6 --seed 5 | norm
"$crescent" sweep show quad | norm
"$crescent" sweep quad.lua --trials 6 --seed 5 --study fresh > /dev/null
"$crescent" sweep show quad | grep -E '^[0-9]' | awk '{print $1, $3, $7, $8}' > continued.txt
"$crescent" sweep show fresh | grep -E '^[0-9]' | awk '{print $1, $3, $7, $8}' > fresh.txt
cmp continued.txt fresh.txt && echo "the continued study's trials are the fresh study's"
echo "-- another space under the same name"
step "$crescent" sweep quad.lua --trials 6 --space 'x=uniform(0, 1)' | norm
echo "-- a worker joins: one more trial"
step "$crescent" sweep --join quad --trials 7 | norm
"$crescent" sweep show quad | grep -E '^(trials|6 )' | norm
echo "-- runs of the study"
"$crescent" runs --study quad | tail -n +2 | awk '{print $3, $4, $5}' | sort -k2 -n
echo "-- the study's report"
step "$crescent" sweep show quad --html report.html | tail -n 2
echo "report: $(grep -c '<svg' report.html) charts, best trial named: $(grep -c 'trial 0' report.html)"
