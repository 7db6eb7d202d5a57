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
seeds() { "$crescent" runs --study "$1" --columns trial,seed | tail -n +2 | sort -n | awk '{print $2}' | tr '\n' ' '; echo; }
"$crescent" sweep noisy.lua --trials 3 --seed 0 > /dev/null
"$crescent" sweep noisy.lua --trials 3 --seed 0 --study again > /dev/null
"$crescent" sweep noisy.lua --trials 3 --seed 5 --study other > /dev/null
"$crescent" sweep fixed.lua --trials 3 --seed 0 > /dev/null
echo "study noisy (seed 0): $(seeds noisy)"
echo "study again (seed 0): $(seeds again)"
echo "study other (seed 5): $(seeds other)"
echo "study fixed (seed 0, the config's seed 42): $(seeds fixed)"
# Trial 1 of study noisy, run again by hand.
line="$("$crescent" sweep show noisy | grep -E '^1 ')"
x="$("$crescent" sweep show noisy | grep -E '^Best|^best' | head -n 0; "$crescent" runs --study noisy --columns trial,config.x | awk '$1 == 1 {print $2}')"
seed="$("$crescent" runs --study noisy --columns trial,seed | awk '$1 == 1 {print $2}')"
value="$("$crescent" runs --study noisy --columns trial,loss | awk '$1 == 1 {print $2}')"
echo "trial 1: seed $seed"
"$crescent" run noisy.lua with x="$x" seed="$seed" > rerun.txt
again="$("$crescent" runs --columns loss | tail -n 1 | awk '{print $1}')"
[ "$again" = "$value" ] && echo "the run again: the trial's loss" || echo "the run again: loss $again, the trial's $value"
