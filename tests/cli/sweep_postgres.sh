# A study in PostgreSQL: `crescent sweep --store postgres://...` with two worker processes, then a
# worker joining from another shell adds two trials; each trial is claimed once and its run is
# recorded in the local run store. The server is the test suite's (CRESCENT_TEST_POSTGRES), or
# one started here for this case alone; the study gets a database of its own.
unset CRESCENT_STORE
if [ -z "${CRESCENT_TEST_POSTGRES:-}" ]; then
  eval "$("$root/scripts/postgres" start 2>/dev/null)"
  trap '"$root/scripts/postgres" stop "$CRESCENT_TEST_POSTGRES_DIR" >/dev/null 2>&1' EXIT
fi
db="cli_sweep_$$_$RANDOM"
psql "$CRESCENT_TEST_POSTGRES" -q -c "CREATE DATABASE $db" > /dev/null
url="${CRESCENT_TEST_POSTGRES%/*}/$db"
cp "$root/examples/sweep.lua" sweep.lua
"$crescent" sweep sweep.lua --trials 4 --workers 2 --sampler tpe --seed 3 --heartbeat 0.5 --store "$url" > out.txt 2> err.txt
echo "exit: $?, stderr: $(wc -l < err.txt) lines"
head -1 out.txt
echo "progress lines: $(grep -c '^trial ' out.txt), trials named: $(grep -oE '^trial [0-9]+' out.txt | sort -u | wc -l)"
tail -2 out.txt | head -1
"$crescent" sweep --join sweep-mlp --trials 6 --store "$url" > join.txt 2> joinerr.txt
echo "join exit: $?, stderr: $(wc -l < joinerr.txt) lines"
"$crescent" sweep show sweep-mlp --store "$url" > show.txt
sed -n '4p' show.txt
echo "trial numbers: $(grep -oE '^[0-9]+ +COMPLETE' show.txt | awk '{print $1}' | sort -n | tr '\n' ' ')"
echo "runs recorded locally: $("$crescent" runs --study sweep-mlp | tail -n +2 | grep -c COMPLETED)"
psql "${CRESCENT_TEST_POSTGRES}" -q -c "DROP DATABASE $db WITH (FORCE)" > /dev/null
