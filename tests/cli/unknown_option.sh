# A word that looks like an option and is not Crescent's is an error naming it, wherever it
# stands; so is an option without its value or with a bad one.
experiment_script
step "$crescent" run p.lua --sed 7
step "$crescent" run p.lua with a=2 --print-conifg
step "$crescent" run p.lua -v
step "$crescent" run p.lua --frobnicate=1
step "$crescent" run p.lua with a=2 --seed
step "$crescent" run p.lua --seed abc
step "$crescent" run p.lua --timeout -1
step "$crescent" run p.lua --allow io,oss
step "$crescent" run --sed 7 p.lua
step "$crescent" test --sed 1
