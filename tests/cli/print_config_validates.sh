# --print-config checks the final config as a run does: a seed a run refuses fails it too,
# with the same message.
experiment_script
step "$crescent" run p.lua with seed=-1
step "$crescent" run p.lua with seed=-1 --print-config
step "$crescent" run p.lua with seed=1.5 --print-config
step "$crescent" run p.lua with seed=12 --print-config
step "$crescent" run p.lua --seed 18446744073709551615
step "$crescent" run p.lua --seed 18446744073709551615 --print-config
