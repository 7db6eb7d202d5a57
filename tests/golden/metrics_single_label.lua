-- Single-label metrics (classes counted from 1), auc, macro curves, and accuracy in compile.
print(metrics.auc({0, 0.5, 1}, {0, 0.8, 1}), metrics.auc({1, 0.5, 0}, {1, 0.8, 0}))

local y = {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}}
local s = {{0.9, 0.2, 0.6}, {0.3, 0.8, 0.6}, {0.5, 0.4, 0.1}, {0.2, 0.1, 0.7}}
local roc = metrics.roc_curve(y, s, {average = "macro"})
print(#roc.fpr, roc.thresholds, metrics.auc(roc.fpr, roc.tpr))
local pr = metrics.precision_recall_curve(y, s, {average = "macro"})
print(table.concat(pr.recall, " "), "|", table.concat(pr.precision, " "))

local classes = {1, 3, 2, 2}
local scores = tensor.from{{0.7, 0.2, 0.1}, {0.2, 0.3, 0.5}, {0.1, 0.5, 0.4}, {0.4, 0.35, 0.25}}
print(metrics.accuracy(classes, scores), metrics.accuracy(classes, scores:argmax(2)), metrics.top_k_accuracy(classes, scores))
local m, labels = metrics.confusion_matrix(classes, scores)
for i, row in ipairs(m) do print(labels[i], table.concat(row, " ")) end
m = metrics.confusion_matrix(classes, scores, {normalize = "true", labels = {2, 1}})
for _, row in ipairs(m) do print(table.concat(row, " ")) end

-- accuracy and top-k accuracy streamed over each epoch, with val_ variants
local blobs = data.make_blobs{n_samples = 90, n_features = 4, centers = 3, seed = 2}
local onehot = data.one_hot(blobs.y, 3)
local model = nn.Sequential{input_dim = 4, nn.Dense(3, {activation = "softmax"})}
model:compile{optimizer = optim.SGD{lr = 0.1}, loss = "categorical_crossentropy", metrics = {"accuracy", "top_2_accuracy"}}
local h = model:fit(blobs.x, onehot, {epochs = 3, batch_size = 16, validation_split = 0.2, verbose = 0, shuffle = false})
print(#h.accuracy, #h.val_accuracy, #h.top_2_accuracy)
local p = model:predict(blobs.x)
print(model:evaluate(blobs.x, onehot).accuracy == metrics.accuracy(onehot, p))

-- on multilabel targets "accuracy" is refused with a hint
local multi = nn.Sequential{input_dim = 3, nn.Dense(3, {activation = "sigmoid"})}
multi:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy", metrics = {"accuracy"}}
print(select(2, pcall(function() return multi:fit(tensor.from(s), tensor.from(y), {epochs = 1, verbose = 0}) end)))
print(select(2, pcall(metrics.accuracy, y, s)))
