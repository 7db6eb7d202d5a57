# Crescent's options work before the script, after it and among the `with` words.
experiment_script
step "$crescent" run p.lua --seed 7 with a=2
step "$crescent" run p.lua with a=2 --seed 7
step "$crescent" run p.lua with --seed=7 a=2
step "$crescent" run --seed 5 p.lua with a=2 --seed 7
step "$crescent" run p.lua --print-config with a=2
step "$crescent" run p.lua with a=2 --print-config
step "$crescent" run --print-config p.lua
cat > artifact.lua <<'LUA'
local ex = experiment "artifact"
ex:main(function(c, r) r:artifact("note.txt", "written") end)
LUA
step "$crescent" run artifact.lua --seed 1 --runs-dir elsewhere | sed -E 's#/[0-9]{8}-[0-9]{6}-[0-9a-f]+#/<run id>#'
ls elsewhere/*/
cat > io.lua <<'LUA'
io.write("io is open\n")
LUA
step "$crescent" run io.lua --trust
step "$crescent" run io.lua --allow io
step "$crescent" run io.lua
cat > big.lua <<'LUA'
local t = {} for i = 1, 1e7 do t[i] = string.rep("x", 64) .. i end
LUA
step "$crescent" run big.lua --max-memory 20000000
