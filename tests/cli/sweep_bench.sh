# The benchmark sweeps' objectives at their known minima (Branin 0.397887 at (pi, 2.275) and
# (-pi, 12.275), Hartmann-6 -3.32237), and `sweep show --json`, which scripts/bench-sweeps reads
# a study back with: a space of one point, so that every trial's value is known.
unset CRESCENT_STORE
"$crescent" run "$root/bench/sweep_branin.lua" with x1=3.141592653589793 x2=2.275 2>&1 | grep '^branin'
"$crescent" run "$root/bench/sweep_branin.lua" with x1=-3.141592653589793 x2=12.275 2>&1 | grep '^branin'
"$crescent" run "$root/bench/sweep_hartmann6.lua" with x1=0.20169 x2=0.150011 x3=0.476874 x4=0.275332 x5=0.311652 x6=0.6573 2>&1 | grep '^hartmann6'
echo "-- a study as JSON"
cat > curve.lua <<'LUA'
local ex = experiment "curve"
ex:config { x = 0.5, k = 2 }
ex:sweep { x = sweep.choice { 0.5 }, k = sweep.choice { 3 }, objective = "loss", direction = "minimize" }
ex:main(function(cfg, run)
  for step = 1, 3 do run:report(step, cfg.x + cfg.k + 1 / step) end
  return { loss = cfg.x + cfg.k }
end)
LUA
"$crescent" sweep curve.lua --trials 2 --seed 3 > /dev/null
"$crescent" sweep show curve --json | sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/"worker":"[^"]*"/"worker":"<worker>"/g' \
  -e 's/,"(best|trials|counts|direction)"/,\n"\1"/g' -e 's/\},\{/},\n{/g'
step "$crescent" sweep show curve --json --store nowhere.db
step "$crescent" sweep show nothing --json
