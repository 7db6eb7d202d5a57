-- The experiment Crescent grew from, done right: handwritten digits with one-hot labels,
-- trained with sigmoid outputs and binary cross-entropy instead of softmax.
--   scripts/crescent run examples/seed.lua [epochs]
local epochs = tonumber(arg[1] or "10")

local digits = data.digits{one_hot = true}                 -- 1797 x 64 pixels, 10 one-hot labels
local train, test = digits:split{test_size = 1/3, seed = 42, stratify = "iterative"}
local scaler = data.StandardScaler():fit(train.x)
local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)

local model = nn.Sequential { input_dim = train.n_features, seed = 42,
  nn.Dense(2048, { activation = "relu" }),
  nn.Dense(2048, { activation = "relu" }),
  nn.Dense(train.n_labels, { activation = "sigmoid" }) }
model:compile { optimizer = optim.Adam { lr = 1e-3 }, loss = "binary_crossentropy" }
model:fit(x_train, train.y, { batch_size = 128, epochs = epochs, verbose = 0 })

local p = model:predict(x_test)
local accuracy = p:argmax(2):eq(test.y:argmax(2)):mean()
print(string.format("test samples: %d, ROC AUC (micro): %.4f, accuracy: %.4f",
  test.n, metrics.roc_auc(test.y, p, { average = "micro" }), accuracy))
print("first five truths and predictions (digit, probability of the predicted digit):")
for i = 1, 5 do
  local row = p:row(i)
  print(string.format("  truth %d  predicted %d  (%.3f)", test.y:row(i):argmax() - 1, row:argmax() - 1, row:max()))
end
