# Eight runs at once record 1,000 points each into one store: every point arrives, and no
# run sees "database is locked".
unset CRESCENT_STORE
cat > many.lua <<'LUA'
local ex = experiment "many"
ex:main(function(cfg, run)
  for i = 1, 1000 do
    run:log("x", i)
    if i % 100 == 0 then run:history("x") end   -- writes the buffered points: ten transactions per run
  end
end)
LUA
# No store yet: the eight processes also create it together.
for i in 1 2 3 4 5 6 7 8; do
  "$crescent" run many.lua --seed "$i" > "out$i.txt" 2> "err$i.txt" &
done
wait
echo "failed runs: $(cat err*.txt | wc -l) lines on stderr, $(cat err*.txt | grep -c locked) mention a lock"
echo "completed: $("$crescent" runs --filter 'status=COMPLETED' | tail -n +2 | wc -l)"
for id in $("$crescent" runs | tail -n +2 | cut -d' ' -f1); do
  "$crescent" runs show "$id" | grep -E '^  x ' | sed -E 's/ +/ /g'
done | sort | uniq -c
