-- The experiment Crescent grew from, done right: handwritten digits with one-hot labels,
-- trained with sigmoid outputs and binary cross-entropy instead of softmax.
--   scripts/crescent run examples/seed.lua
--   scripts/crescent run examples/seed.lua with epochs=3 hidden='{512}'
-- The golden test runs it small:
-- with: epochs=3
local ex = experiment "digits-sigmoid"

ex:config {
  dataset = "digits",
  hidden = {2048, 2048},
  activation = "relu",
  batch_size = 128, epochs = 10, lr = 1e-3,
  test_size = 1/3, seed = 42,
}
ex:named_config("small", { hidden = {256}, epochs = 3 })

ex:main(function(cfg, run)
  local train, test
  if cfg.dataset == "digits" then
    local digits = data.digits{one_hot = true}             -- 1797 x 64 pixels, 10 one-hot labels
    train, test = digits:split{test_size = cfg.test_size, seed = cfg.seed, stratify = "iterative"}
  else
    train, test = data.load(cfg.dataset, { test_size = cfg.test_size, seed = cfg.seed, stratify = "iterative" })
  end
  local scaler = data.StandardScaler():fit(train.x)
  local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)

  local model = nn.Sequential { input_dim = train.n_features, seed = cfg.seed }
  for _, units in ipairs(cfg.hidden) do model:add(nn.Dense(units, { activation = cfg.activation })) end
  model:add(nn.Dense(train.n_labels, { activation = "sigmoid" }))
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy" }
  local history = model:fit(x_train, train.y, { batch_size = cfg.batch_size, epochs = cfg.epochs, verbose = 0 })

  local p = model:predict(x_test)
  local auc = metrics.roc_auc(test.y, p, { average = "micro" })
  local accuracy = p:argmax(2):eq(test.y:argmax(2)):mean()
  print(string.format("test samples: %d, ROC AUC (micro): %.4f, accuracy: %.4f", test.n, auc, accuracy))
  print("first five truths and predictions (digit, probability of the predicted digit):")
  for i = 1, 5 do
    local row = p:row(i)
    print(string.format("  truth %d  predicted %d  (%.3f)", test.y:row(i):argmax() - 1, row:argmax() - 1, row:max()))
  end
  return { roc_auc_micro = auc, accuracy = accuracy }
end)
