# Helpers for the tests/cli/*.sh cases (scripts/cli sources this first).

# step COMMAND...: shows the command (the binary as `crescent`), runs it with its standard error
# merged into its output, and shows its exit status.
step() {
  local shown="$*"
  echo "\$ ${shown//$crescent/crescent}"
  "$@" 2>&1
  echo "[exit $?]"
}

# The experiment most cases run: prints its config's `a` and the run's seed.
experiment_script() {
  cat > p.lua <<'LUA'
local ex = experiment "p"
ex:config { a = 1, seed = 3 }
ex:main(function(c, r) print(c.a, r.seed) end)
LUA
}
