-- Metric errors name the function and the argument, and leave the state usable.
local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, err)
end
local y = {{1, 0}, {0, 1}, {1, 1}}
local s = {{0.8, 0.1}, {0.3, 0.7}, {0.6, 0.4}}
try(function() return metrics.roc_auc(y, {{0.1, 0.2, 0.3}}) end)
try(function() return metrics.f1({{1, 2}, {0, 1}, {1, 0}}, s) end)
try(function() return metrics.average_precision(y, {{0.1, 0 / 0}, {0.2, 0.3}, {0.4, 0.5}}) end)
try(function() return metrics.roc_auc(y, s, {average = "mikro"}) end)
try(function() return metrics.f1(y, s, {averag = "micro"}) end)
try(function() return metrics.roc_curve(y, s, {label = 3}) end)
try(function() return metrics.roc_curve(y, s) end)
try(function() return metrics.f1(y, s, {threshold = {0.5}}) end)
try(function() return metrics.f1(y, s, {zero_division = 2}) end)
try(function() return metrics.hamming_loss({{1, 0}, {0}}, s) end)
try(function() return metrics.coverage_error("y", s) end)
try(function() return metrics.report(y, s, {label_names = {"a"}}) end)
try(function() return metrics.roc_auc(tensor.zeros(2, 2, 2), s) end)
try(function() return metrics.report(y, s).f1_mikro end)
-- undefined values are NaN, as scikit-learn gives: label 2 has no positives
local nan = metrics.roc_auc({{1, 0}, {0, 0}}, {{0.9, 0.2}, {0.3, 0.6}})
print("macro roc_auc with a label without positives", nan ~= nan)
print(metrics.roc_auc({{1, 0}, {0, 0}}, {{0.9, 0.2}, {0.3, 0.6}}, {average = "weighted"}))
print(metrics.hamming_loss(y, s))
