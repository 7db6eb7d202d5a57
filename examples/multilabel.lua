-- The main job: a multilabel MLP — sigmoid outputs, binary cross-entropy — judged by the
-- multilabel metric family.
--   scripts/crescent run examples/multilabel.lua             synthetic data, no files needed
--   scripts/crescent run examples/multilabel.lua yeast       a MULAN set under CRESCENT_DATA
local dataset = arg[1] or "synthetic"
local epochs = tonumber(arg[2] or "30")

local train, test = data.load(dataset, { test_size = 1/3, seed = 42, stratify = "iterative",
  n_samples = 3000, n_features = 60, n_classes = 10, n_labels = 3 })
print(train, test)
local scaler = data.StandardScaler():fit(train.x)
local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)

local model = nn.Sequential { input_dim = train.n_features, seed = 42,
  nn.Dense(256, { activation = "relu" }),
  nn.Dropout(0.2),
  nn.Dense(train.n_labels, { activation = "sigmoid" }) }
model:compile { optimizer = optim.Adam { lr = 1e-3 }, loss = "binary_crossentropy",
                metrics = { "hamming_loss", "f1_micro", "roc_auc_macro" } }
local history = model:fit(x_train, train.y, { batch_size = 32, epochs = epochs, verbose = 0,
  validation_data = { x_test, test.y },
  callbacks = { callbacks.EarlyStopping { monitor = "val_loss", patience = 5, restore_best_weights = true } } })
print(string.format("%d epochs; last: loss %.4f, val_loss %.4f, val_f1_micro %.4f", #history.loss,
  history.loss[#history.loss], history.val_loss[#history.val_loss], history.val_f1_micro[#history.val_f1_micro]))

local p = model:predict(x_test)
print(metrics.report(test.y, p, { label_names = train.label_names }))
