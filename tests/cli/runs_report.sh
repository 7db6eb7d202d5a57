# `crescent runs report` writes one self-contained HTML page about recorded runs: three seeds of
# one config collapse into one band group, a run with another lr stands alone; logged ROC,
# precision-recall and per-label curves show. Ids and times vary: written <id>.
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g'; }
cat > tiny.lua <<'LUA'
local ex = experiment "tiny"
ex:config { lr = 0.1, seed = 1 }
ex:main(function(cfg, run)
  for epoch = 1, 4 do
    run:log("loss", cfg.lr * 10 / epoch + cfg.seed * 0.01)
    run:log("val_loss", cfg.lr * 12 / epoch + cfg.seed * 0.02)
  end
  local y = { {0}, {0}, {1}, {1} }
  local s = { {0.1}, {0.4}, {0.35}, {0.8} }
  run:log_curve("roc", metrics.roc_curve(y, s))
  run:log_curve("pr", metrics.precision_recall_curve(y, s))
  run:log_curve("labels", metrics.report(y, s, { label_names = {"spam"} }):to_table())
  return { score = 1 - cfg.lr }
end)
LUA
for seed in 1 2 3; do "$crescent" run tiny.lua with seed=$seed > /dev/null || echo "run failed"; done
"$crescent" run tiny.lua with lr=0.3 > /dev/null || echo "run failed"
ids="$("$crescent" runs --sort started | tail -n +2 | cut -d' ' -f1 | tr '\n' ' ')"
first="${ids%% *}"
step "$crescent" runs report $ids | norm
page="report-$first.html"
echo "written: $([ -s "$page" ] && echo yes || echo no)"
echo "URLs other than the SVG namespace: $(grep -oE 'https?://[^" )]+' "$page" | grep -vc '^http://www.w3.org/2000/svg$')"
echo "scripts: $(grep -ci '<script' "$page"), external links: $(grep -ciE '<link|@import|src=' "$page")"
echo "band groups: $(grep -o '(3 seeds)' "$page" | sort -u | wc -l), lone lr=0.3 run: $(grep -c 'lr=0.3' "$page" | sed 's/^[1-9][0-9]*$/yes/')"
for name in loss val_loss 'ROC' 'Precision' spam; do echo "$name: $(grep -c "$name" "$page" | sed 's/^[1-9][0-9]*$/present/')"; done
# scikit-learn on these scores: roc_auc_score 0.75, average_precision_score 0.8333.
echo "areas in the legends: $(grep -oE '(AUC 0\.750|AP 0\.833)' "$page" | sort -u | tr '\n' ' ')"
# --filter selects runs; -o names the file.
step "$crescent" runs report --filter 'config.lr=0.3' -o lr.html | norm
echo "lr.html bands: $(grep -c 'seeds)' lr.html)"
# Errors: an unknown id, nothing matched, a file that cannot be written, nothing asked for.
step "$crescent" runs report nosuchrun
step "$crescent" runs report --filter 'config.lr=9'
step "$crescent" runs report "$first" -o missing/folder/r.html | norm
step "$crescent" runs report
