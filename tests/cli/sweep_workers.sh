# `crescent sweep --workers 2` runs the example sweep's trials in two worker processes sharing
# the run store: six trials, each claimed once, each an ordinary recorded run of its study.
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/ [^ ]+:[0-9]+( |$)/ <worker>\1/g'; }
cp "$root/examples/sweep.lua" sweep.lua
"$crescent" sweep sweep.lua --trials 6 --workers 2 --seed 1 --heartbeat 0.5 > out.txt 2> err.txt
echo "exit: $?, stderr: $(wc -l < err.txt) lines"
head -2 out.txt
echo "progress lines: $(grep -c '^trial ' out.txt), trials named: $(grep -oE '^trial [0-9]+' out.txt | sort -u | wc -l)"
tail -2 out.txt | sed -E 's/[0-9.]+(:| \()/<value>\1/; s/run [0-9-]+[0-9a-f]+/run <id>/; s/(dropout|lr)=[0-9.e-]+/\1=<v>/g; s/hidden=[0-9]+/hidden=<v>/'
"$crescent" sweep show sweep-mlp > show.txt
echo "workers: $(grep -E '^[0-9]+ +COMPLETE' show.txt | grep -oE ' [^ ]+:[0-9]+ ' | sort -u | wc -l)"
# Values come from training; the trials' numbers, states and parameters are the sampler's.
sed -n '1,4p' show.txt
grep -E '^(trial|[0-9]+) ' show.txt | awk '{print $1, $2, $7, $8, $9}'
echo "-- the study's runs, one a trial"
"$crescent" runs --study sweep-mlp | tail -n +2 | awk '{print $2, $3, $4, $5}' | sort -k3 -n
