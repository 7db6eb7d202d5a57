-- Training end to end: a multilabel MLP with a fused sigmoid/BCE output, seeded.
local n, d, L = 400, 12, 4
local x = tensor.randn(n, d, {seed = 1})
local y = x:matmul(tensor.randn(d, L, {seed = 2})):gt(0.3)
local model = nn.Sequential { input_dim = d, seed = 3,
  nn.Dense(32, { activation = "relu" }),
  nn.Dropout(0.1),
  nn.Dense(L, { activation = "sigmoid" }) }
model:compile { optimizer = optim.Adam { lr = 1e-2 }, loss = "binary_crossentropy",
                metrics = { "f1_micro", "roc_auc_macro", "binary_accuracy" } }
print(model:summary())
local seen = 0
local history = model:fit(x, y, { batch_size = 32, epochs = 20, validation_split = 0.25, verbose = 0,
  callbacks = { callbacks.EarlyStopping { monitor = "val_loss", patience = 2, restore_best_weights = true },
                { on_epoch_end = function(epoch, logs) seen = epoch end } } })
print("epochs run", #history.loss, seen, history.epochs[#history.epochs])
print(string.format("first loss %.4f, last loss %.4f, last val_loss %.4f", history.loss[1], history.loss[#history.loss], history.val_loss[#history.val_loss]))
print(string.format("last f1_micro %.4f, val_f1_micro %.4f, val_roc_auc_macro %.4f", history.f1_micro[#history.f1_micro],
  history.val_f1_micro[#history.val_f1_micro], history.val_roc_auc_macro[#history.val_roc_auc_macro]))
local p = model:predict(x)
-- the epoch's validation metric equals the metric computed on the whole validation set
local vx, vy = x:rows(301, 400), y:rows(301, 400)
print(string.format("evaluate f1_micro %.6f = metrics.f1 %.6f", model:evaluate(vx, vy).f1_micro, metrics.f1(vy, model:predict(vx), {average = "micro"})))
print("train accuracy per cell", string.format("%.4f", p:ge(0.5):eq(y):mean()))
print(string.format("evaluate loss %.4f", model:evaluate(x, y).loss))
local loss, grads = model:gradients(x:rows(1, 32), y:rows(1, 32))
print("gradients", #grads, grads[1]:shape())
print(pcall(function() model:fit(x, y, {epochs = 1, verbose = 0, batchsize = 3}) end))
print(pcall(function() model:compile{loss = "binary_crossentropyy"} end))
print(pcall(function() return nn.Dense(0) end))
print(pcall(function() return nn.Dense(3, {activation = "rleu"}) end))
print(pcall(function() model:compile{metrics = {"f1_mikro"}} end))
