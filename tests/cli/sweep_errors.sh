# A sweep that cannot run says why before any trial runs; a trial that fails counts towards
# --trials and shows why.
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g'; }
cat > q.lua <<'LUA'
local ex = experiment "q"
ex:config { lr = 0.1, hidden = 8 }
ex:main(function(cfg, run)
  if cfg.hidden > 16 then error("too wide") end
  if cfg.lr > 0.5 then return { other = 1 } end
  return { loss = cfg.lr }
end)
LUA
step "$crescent" sweep q.lua --space 'lr=uniform(0, 1)'
step "$crescent" sweep q.lua --space 'lr=uniform(0, 1)' --objective loss
step "$crescent" sweep q.lua --space 'lrr=uniform(0, 1)' --objective loss --direction minimize
step "$crescent" sweep q.lua --space 'lr=uniform(1, 0)' --objective loss --direction minimize
step "$crescent" sweep q.lua --space 'lr=loguniform(0, 1)' --objective loss --direction minimize
step "$crescent" sweep q.lua --space 'lr=choice()' --objective loss --direction minimize
step "$crescent" sweep q.lua --space 'lr=uniform(0, 1)' --objective loss --direction minimize --sampler tpee
step "$crescent" sweep q.lua --space 'lr=uniform(0, 1)' --objective loss --direction minimize --sampler grid
step "$crescent" sweep q.lua --objective loss --direction minimize
step "$crescent" sweep q.lua extra
step "$crescent" sweep --join nothere
step "$crescent" sweep show nothere
echo "-- failing trials count"
step "$crescent" sweep q.lua --space 'lr=choice(0.25, 0.75)' --space 'hidden=choice(8, 32)' --objective loss --direction minimize --sampler grid --trials 10 --seed 1 | norm
"$crescent" sweep show q | grep -E '^(trial +state|[0-9]+ )' | awk '{print $1, $2, $3, $7, $8}'
"$crescent" sweep show q | grep -E '^trial [0-9]+ failed' 
echo "-- no study was made by the commands refused"
"$crescent" sweep show other 2>&1
