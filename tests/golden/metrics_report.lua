-- Multilabel metrics on a small hand-made case: 6 rows, 3 labels.
local y = {
  {1, 0, 1},
  {0, 1, 0},
  {1, 1, 0},
  {0, 0, 1},
  {1, 0, 0},
  {0, 1, 1},
}
local s = {
  {0.9, 0.2, 0.6},
  {0.3, 0.8, 0.4},
  {0.6, 0.4, 0.1},
  {0.2, 0.1, 0.7},
  {0.4, 0.3, 0.2},
  {0.1, 0.9, 0.4},
}
local function show(name, v)
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = string.format("%.6f", x) end
    print(name, "{" .. table.concat(parts, ", ") .. "}")
  else
    print(name, string.format("%.6f", v))
  end
end
show("roc_auc macro", metrics.roc_auc(y, s))
show("roc_auc micro", metrics.roc_auc(y, s, {average = "micro"}))
show("roc_auc none", metrics.roc_auc(y, s, {average = "none"}))
show("average_precision samples", metrics.average_precision(y, s, {average = "samples"}))
show("f1 micro", metrics.f1(y, s, {average = "micro"}))
show("f1 threshold 0.35", metrics.f1(y, s, {average = "micro", threshold = 0.35}))
show("precision weighted", metrics.precision(y, s, {average = "weighted"}))
show("recall none", metrics.recall(y, s, {average = "none"}))
show("jaccard samples", metrics.jaccard(y, s, {average = "samples"}))
show("hamming_loss", metrics.hamming_loss(y, s))
show("subset_accuracy", metrics.subset_accuracy(y, s))
show("lrap", metrics.label_ranking_average_precision(y, s))
show("coverage_error", metrics.coverage_error(y, s))
show("label_ranking_loss", metrics.label_ranking_loss(y, s))
show("one_error", metrics.one_error(y, s))
show("binary_crossentropy", metrics.binary_crossentropy(y, s))
local cm = metrics.multilabel_confusion_matrix(y, s)
for j, m in ipairs(cm) do print("confusion label " .. j, m[1][1], m[1][2], m[2][1], m[2][2]) end

local roc = metrics.roc_curve(y, s, {label = 1})
show("roc fpr", roc.fpr)
show("roc tpr", roc.tpr)
print("roc thresholds[1]", roc.thresholds[1])
local pr = metrics.precision_recall_curve(y, s, {average = "micro"})
show("pr precision", pr.precision)
show("pr recall", pr.recall)

local t = metrics.best_thresholds(y, s)
show("best thresholds", t)
print("tuned f1 micro", string.format("%.6f", metrics.f1(y, metrics.apply_thresholds(s, t), {average = "micro"})))

-- Tensors work as well as tables.
local yt, st = tensor.from(y), tensor.from(s)
show("roc_auc from tensors", metrics.roc_auc(yt, st))

local r = metrics.report(y, s, {label_names = {"cat", "dog", "bird"}})
print(r)
print("fields", string.format("%.6f %.6f", r.f1_micro, r.roc_auc_macro), r.per_label[2].name, r.per_label[2].support)
local plain = r:to_table()
print("to_table", type(plain), #plain.per_label, plain.n_rows, plain.n_labels)
