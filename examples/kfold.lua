-- Iteratively stratified 5-fold cross-validation of the multilabel MLP recipe, with a
-- summary table (mean ± std over the folds).
--   scripts/crescent run examples/kfold.lua
--   scripts/crescent run examples/kfold.lua with k=10 mlp.units='{128,64}' dataset=yeast
-- The golden test runs it small:
-- with: mlp.epochs=3 n_samples=600
local kfold = require "recipes.kfold"
local mlp = require "recipes.multilabel_mlp"

local ex = experiment { "kfold-mlp", ingredients = { mlp } }
ex:config { dataset = "synthetic", n_samples = 1500, k = 5, valid_size = 0.2, seed = 42 }

ex:main(function(cfg, run)
  local ds
  if cfg.dataset == "synthetic" then
    ds = data.make_multilabel { n_samples = cfg.n_samples, n_features = 40, n_classes = 8, n_labels = 3, seed = cfg.seed }
  else
    ds = data.load(cfg.dataset, { seed = cfg.seed })   -- the train part of a MULAN set or file
  end
  print(ds)
  local r = kfold.run(ds, function(train, test, fold)
    local fit_part, valid = train:split { test_size = cfg.valid_size, seed = cfg.seed }
    local scaler = data.StandardScaler():fit(fit_part.x)
    -- the recipe reads x, y, n_features and n_labels: a scaled view of each part
    local scaled = function(d) return { x = scaler:transform(d.x), y = d.y, n_features = d.n_features, n_labels = d.n_labels } end
    local fitted = mlp.fit(cfg.mlp, scaled(fit_part), scaled(valid), cfg.seed + fold)
    local predicted, scores = mlp.predict(fitted, scaler:transform(test.x))
    local scores_at = {
      f1_micro = metrics.f1(test.y, predicted, { average = "micro" }),
      f1_macro = metrics.f1(test.y, predicted, { average = "macro" }),
      hamming_loss = metrics.hamming_loss(test.y, predicted),
      roc_auc_micro = metrics.roc_auc(test.y, scores, { average = "micro" }),
    }
    run:log("f1_micro", scores_at.f1_micro, fold)
    print(string.format("fold %d: %d train, %d test, f1_micro %.4f", fold, train.n, test.n, scores_at.f1_micro))
    return scores_at
  end, { k = cfg.k, seed = cfg.seed })
  print(kfold.table(r.summary))
  local result = {}
  for name, s in pairs(r.summary) do result[name] = { mean = s.mean, std = s.std } end
  return result
end)
