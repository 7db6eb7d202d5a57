# Words after the script reach it as `...` and `arg`; everything after `--` does, untouched.
cat > args.lua <<'LUA'
print(select("#", ...), table.concat(arg, " "))
LUA
step "$crescent" run args.lua a -3 - b
step "$crescent" run args.lua -- --seed 7 -x with
step "$crescent" run args.lua --seed 3 a -- --trust
step "$crescent" run args.lua with
cat > both.lua <<'LUA'
print("arguments:", ...)
local ex = experiment "both"
ex:config { a = 1 }
ex:main(function(c) print("a =", c.a) end)
LUA
step "$crescent" run both.lua --seed 1 with a=2 -- --verbose x
step "$crescent" run both.lua --seed 1 -- with a=2
