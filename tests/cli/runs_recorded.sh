# Every `crescent run` is recorded in the run store; `crescent runs` reads it back. Ids, times,
# durations and the host line vary from run to run: they are written <id>, <time>, <dur>, <host>.
unset CRESCENT_STORE
norm() {
  sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+Z)?/<time>/g' \
    -e 's/ [0-9]+\.[0-9]s( |$)/ <dur>\1/g' -e 's/^  host .*/  host        <host>/' -e 's/,[0-9]+\.[0-9]{3},/,<dur>,/'
}
cat > sweep.lua <<'LUA'
local ex = experiment "sweep"
ex:config { lr = 0.1, layers = {8, 4}, seed = 3 }
ex:main(function(cfg, run)
  for epoch = 1, 3 do run:log("val_loss", cfg.lr / epoch) end
  run:log("odd", 0/0)
  local h = run:history("val_loss")
  print("history", #h.steps, h.values[3])
  run.info.note = "first try"
  run:artifact("notes.txt", "abc")
  return { score = 1 - cfg.lr }
end)
LUA
echo 'print("plain script"); error("boom")' > plain.lua
step "$crescent" run sweep.lua | norm
step "$crescent" run sweep.lua with lr=0.5 layers='{16}' | norm
step "$crescent" run plain.lua --seed 5
echo "runs folder: $(ls runs | sed -E 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' | tr '\n' ' ')"
step "$crescent" runs | norm
step "$crescent" runs --filter 'status=COMPLETED and val_loss<0.1' | norm
step "$crescent" runs --filter 'config.lr=0.1 or status=FAILED' --sort experiment | norm
step "$crescent" runs --sort val_loss --limit 1 | norm
first="$("$crescent" runs --sort started --limit 1 | tail -n 1 | cut -d' ' -f1)"
second="$("$crescent" runs --sort started --limit 2 | tail -n 1 | cut -d' ' -f1)"
third="$("$crescent" runs --limit 1 | tail -n 1 | cut -d' ' -f1)"
step "$crescent" runs show "$second" | norm
step "$crescent" runs show "$third" | norm
step "$crescent" runs show "$third" --output | norm
step "$crescent" runs compare "$first" "$second" | norm
step "$crescent" runs export --format csv | norm
"$crescent" runs export --format json > all.json; echo "json export: exit $?, $(grep -o '"steps":\[1,2,3\]' all.json | wc -l) series with steps 1..3"
step "$crescent" runs rm "$first" | norm
echo "runs folder: $(ls runs | wc -l) entries"
step "$crescent" runs show "$first" | norm
step "$crescent" runs --filter 'status' | norm
# --no-record writes nothing; --store and CRESCENT_STORE pick the store.
mkdir quiet && cd quiet
step "$crescent" run ../sweep.lua --no-record | norm
echo "after --no-record: $(ls | tr '\n' ' ')"
step "$crescent" run ../sweep.lua --store mine.db | norm
CRESCENT_STORE=env.db "$crescent" run ../sweep.lua > /dev/null; echo "CRESCENT_STORE: exit $?"
step "$crescent" runs --store mine.db | norm
CRESCENT_STORE=env.db "$crescent" runs | norm
cd ..
# A file that is not a run store is refused, and left as it was.
printf 'my notes\n' > notes.db
step "$crescent" run sweep.lua --store notes.db
echo "notes.db: $(cat notes.db)"
step "$crescent" runs --store missing.db
