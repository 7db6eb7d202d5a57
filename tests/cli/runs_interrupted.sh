# SIGTERM stops a run as Ctrl-C does: it is recorded INTERRUPTED, with what it logged so far.
unset CRESCENT_STORE
cat > long.lua <<'LUA'
local ex = experiment "long"
ex:main(function(cfg, run)
  local i = 0
  while true do
    i = i + 1
    run:log("x", i)
    if i == 1000 then print("logged 1000") end
  end
end)
LUA
"$crescent" run long.lua > out.txt 2> err.txt &
pid=$!
for _ in $(seq 600); do grep -q "logged 1000" out.txt 2>/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"
echo "exit: $?"
sed -E -e 's/long.lua:[0-9]+/long.lua:<line>/g' err.txt
"$crescent" runs | tail -n 1 | awk '{print $2, $3}'
id="$("$crescent" runs | tail -n 1 | cut -d' ' -f1)"
"$crescent" runs show "$id" | grep -E '^  x ' | awk '{print ($2 >= 1000) ? "at least 1000 points of x" : "only " $2 " points of x"}'
