# A trial's run seed is the study's: SplitMix64's (n+1)-th output from --seed, top 31 bits.
# Trials get different seeds, another study of the same seed gets the same ones, and a run with
# a trial's parameters and seed repeats its objective. A config that fixes `seed` keeps it.
unset CRESCENT_STORE
cat > noisy.lua <<'LUA'
local ex = experiment "noisy"
ex:config { x = 0.5 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run) return { loss = cfg.x + tensor.randn(1):sum():item() } end)
LUA
sed 's/ex:config { x = 0.5 }/ex:config { x = 0.5, seed = 42 }/' noisy.lua > fixed.lua
# A study's trials, one per line: number, run id, x, objective (from `sweep show --json`).
trials() { "$crescent" sweep show "$1" --json | python3 -c 'import json, sys
for t in json.load(sys.stdin)["trials"]: print(t["number"], t["run"], repr(t["params"]["x"]), repr(t["value"]))'; }
seed_of() { "$crescent" runs show "$1" | awk '$1 == "seed" {print $2; exit}'; }
seeds() { trials "$1" | while read -r n run x v; do printf '%s ' "$(seed_of "$run")"; done; echo; }
"$crescent" sweep noisy.lua --trials 3 --seed 0 > /dev/null
"$crescent" sweep noisy.lua --trials 3 --seed 0 --study again > /dev/null
"$crescent" sweep noisy.lua --trials 3 --seed 5 --study other > /dev/null
"$crescent" sweep fixed.lua --trials 3 --seed 0 --study fixed > /dev/null
echo "study noisy (seed 0): $(seeds noisy)"
echo "study again (seed 0): $(seeds again)"
echo "study other (seed 5): $(seeds other)"
echo "study fixed (seed 0, the config's seed 42): $(seeds fixed)"
# Trial 1 of study noisy, run again by hand with its x and its seed.
read -r n run x value < <(trials noisy | awk '$1 == 1')
seed="$(seed_of "$run")"
echo "trial 1: seed $seed"
"$crescent" run noisy.lua with x="$x" seed="$seed" > rerun.txt
# The run prints its result to 4 decimals.
again="$(awk '$1 == "loss" {print $2}' rerun.txt)"
python3 -c 'import sys; a, b = sys.argv[1], "%.4f" % float(sys.argv[2]); print("the run again: the trial'"'"'s loss" if a == b else "the run again: loss %r, the trial'"'"'s %r" % (a, b))' "$again" "$value"
