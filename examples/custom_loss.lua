-- A loss and a layer written in Lua from tensor operations: autodiff gives their gradients,
-- no backward is written by hand.
--   scripts/crescent run examples/custom_loss.lua
local train, test = data.load("synthetic", { n_samples = 1200, n_features = 30, n_classes = 6, n_labels = 2,
                                              test_size = 0.25, seed = 3 })
local scaler = data.StandardScaler():fit(train.x)
local x, xt = scaler:transform(train.x), scaler:transform(test.x)

-- A soft-F1 loss: 1 − 2·TP / (2·TP + FP + FN), with probabilities in place of 0/1 predictions.
local function soft_f1(p, y)
  local tp = (p * y):sum()
  local fp = (p * (1 - y)):sum()
  local fn = ((1 - p) * y):sum()
  return 1 - 2 * tp / (2 * tp + fp + fn + 1e-7)
end

-- A learned per-feature gate, written as a layer: x ⊙ sigmoid(g).
local gate = nn.Custom {
  forward = function(self, h) return h * self.parameters.g:sigmoid() end,
  parameters = { g = tensor.zeros(1, 64):requires_grad() },
}

local model = nn.Sequential { input_dim = train.n_features, seed = 3,
  nn.Dense(64, { activation = "relu" }), gate,
  nn.Dense(train.n_labels, { activation = "sigmoid" }) }
model:compile { optimizer = optim.Adam { lr = 3e-3 }, loss = soft_f1, metrics = { "f1_micro" } }
local history = model:fit(x, train.y, { batch_size = 64, epochs = 15, verbose = 0, validation_data = { xt, test.y } })
print(string.format("soft-F1 loss %.4f -> %.4f; validation micro-F1 %.4f", history.loss[1],
  history.loss[#history.loss], history.val_f1_micro[#history.val_f1_micro]))

-- The same tape from the prompt: gradients of any scalar with respect to leaf tensors.
local w = tensor.from{{1, 2}, {3, 4}}:requires_grad()
local loss = ((tensor.eye(2):matmul(w) - 1) ^ 2):mean()
loss:backward()
print("d loss / d w =", w:grad())
