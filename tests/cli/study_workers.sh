# Three worker processes, each with its own connection to one SQLite store, claim the trials of
# one study until none is left: every trial number is made and claimed exactly once, and every
# trial completes (claimed_once=true). The timings are left out.
step "$crescent" bench study --trials 300 --steps 2 --workers 3 | sed -E 's/ ms_per_trial=[0-9.]+ seconds=[0-9.]+//'
