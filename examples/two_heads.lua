-- A graph model with two inputs and two outputs: the features and a small block of metadata
-- in, the labels (sigmoid, binary cross-entropy) and the number of labels (linear, squared
-- error) out, with a residual block on the way. The total loss weighs the count by 0.1.
--   scripts/crescent run examples/two_heads.lua
-- The golden test runs it small:
-- with: epochs=4
local ex = experiment "two-heads"

ex:config { hidden = 64, epochs = 20, batch_size = 32, lr = 1e-3, seed = 42 }

ex:main(function(cfg, run)
  local train, test = data.load("synthetic", { test_size = 0.25, seed = cfg.seed,
    n_samples = 1200, n_features = 40, n_classes = 8, n_labels = 3 })
  local scaler = data.StandardScaler():fit(train.x)
  local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)
  -- The first 32 columns are the features, the last 8 the metadata.
  local function split(x) return { features = x:columns(1, 32), meta = x:columns(33, 40) } end
  local function targets(y) return { labels = y, count = y:sum(2) } end

  local feats = nn.Input(32, { name = "features" })
  local meta  = nn.Input(8,  { name = "meta" })
  local h = nn.Dense(cfg.hidden, { activation = "relu" })(feats)
  local r = nn.Dense(cfg.hidden, { activation = "relu" })(h)
  h = nn.Add { h, r }                                            -- residual
  h = nn.Concatenate { h, nn.Dense(16, { activation = "relu" })(meta) }
  local labels = nn.Dense(train.n_labels, { activation = "sigmoid", name = "labels" })(h)
  local count  = nn.Dense(1, { name = "count" })(h)
  local model = nn.Model { inputs = { feats, meta }, outputs = { labels, count }, seed = cfg.seed }
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = { labels = "binary_crossentropy", count = "mse" },
                  loss_weights = { labels = 1, count = 0.1 }, metrics = { labels = { "f1_micro" } } }
  print(model:summary())
  print("inputs: " .. table.concat(model.inputs, ", ") .. "; outputs: " .. table.concat(model.outputs, ", "))

  local history = model:fit(split(x_train), targets(train.y),
    { epochs = cfg.epochs, batch_size = cfg.batch_size, validation_split = 0.2, verbose = 0 })
  local last = #history.loss
  print(string.format("%d epochs; loss %.4f (labels %.4f, count %.4f), val_labels_f1_micro %.4f", last,
    history.loss[last], history.labels_loss[last], history.count_loss[last], history.val_labels_f1_micro[last]))

  local scores = model:evaluate(split(x_test), targets(test.y))
  print(string.format("test: loss %.4f, labels_loss %.4f, count_loss %.4f, labels_f1_micro %.4f",
    scores.loss, scores.labels_loss, scores.count_loss, scores.labels_f1_micro))
  local p = model:predict(split(x_test))
  print(string.format("predict: labels %s, count %s", p.labels:size(1) .. "x" .. p.labels:size(2), p.count:size(1) .. "x" .. p.count:size(2)))
  run:log("test_labels_f1_micro", scores.labels_f1_micro)
end)
