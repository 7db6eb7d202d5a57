# --timeout after the script stops an endless loop (exit 124) within a few seconds. (A guard
# kills the command after 10 s, exit 137, should --timeout not work.)
cat > loop.lua <<'LUA'
while true do pcall(function() end) end
LUA
start=$(date +%s)
step timeout -s KILL 10 "$crescent" run loop.lua --timeout 1
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -le 5 ] && echo "stopped within 5 s" || echo "took $elapsed s"
cat > loop_spec.lua <<'LUA'
describe("an endless spec", function() it("never ends", function() while true do end end) end)
LUA
start=$(date +%s)
step timeout -s KILL 10 "$crescent" test loop_spec.lua --timeout 1
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -le 5 ] && echo "stopped within 5 s" || echo "took $elapsed s"
