# An experiment's main never sees the words after the script: a word that is neither after
# `with` nor after `--` is an error, as are a seed given twice with different values, a nil
# override, and --print-config for an experiment without main. --allow adds up.
experiment_script
step "$crescent" run p.lua a=2
step "$crescent" run p.lua foo with a=2
step "$crescent" run p.lua with a=2 -- foo
step "$crescent" run p.lua with seed=7 --seed 9
step "$crescent" run p.lua with seed=7 --seed 7
step "$crescent" run p.lua with a=nil
cat > plain.lua <<'LUA'
print(...)
LUA
step "$crescent" run plain.lua a=2 b
cat > nomain.lua <<'LUA'
local ex = experiment "nomain"
ex:config { a = 1 }
LUA
step "$crescent" run nomain.lua
step "$crescent" run nomain.lua --print-config
cat > both.lua <<'LUA'
print(io ~= nil, os.remove ~= nil)
LUA
step "$crescent" run both.lua --allow io --allow os
step "$crescent" run --allow io both.lua --allow os
step "$crescent" run both.lua --allow io,os
