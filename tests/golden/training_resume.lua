-- crescent: --allow-write /tmp
-- Model files mean the same whenever they are written, a resumed fit continues its schedule,
-- custom layers take set_weights, and an Activation output layer is fused with its loss.
local x = tensor.randn(48, 4, {seed = 1})
local y = x:matmul(tensor.randn(4, 2, {seed = 2})):gt(0)
local function model()
  local m = nn.Sequential{input_dim = 4, seed = 3, nn.Dense(6, {activation = "tanh"}), nn.Dense(2, {activation = "sigmoid"})}
  m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
  return m
end
local fit = {batch_size = 16, shuffle = false, verbose = 0}
local function with(t, extra) local o = {} for k, v in pairs(t) do o[k] = v end for k, v in pairs(extra) do o[k] = v end return o end

-- Saved inside fit (a callback and ModelCheckpoint) and after it: the same loss when reloaded.
local m = model()
local inside = "/tmp/crescent-golden-inside.safetensors"
m:fit(x, y, with(fit, {epochs = 2, callbacks = {
  {on_epoch_end = function(epoch) if epoch == 2 then m:save(inside) end end},
  callbacks.ModelCheckpoint{filepath = "/tmp/crescent-golden-ckpt-{epoch}.safetensors", monitor = "loss"}}}))
m:save("/tmp/crescent-golden-outside.safetensors")
local live = m:evaluate(x, y).loss
for _, path in ipairs{inside, "/tmp/crescent-golden-ckpt-2.safetensors", "/tmp/crescent-golden-outside.safetensors"} do
  print("reloaded loss equals the live loss:", nn.load(path):evaluate(x, y).loss == live)
end

-- SGD 0.1 with StepLR{step_size = 2, gamma = 0.5}: 3 epochs, saved, reloaded, epoch 4 at 0.05,
-- and the same weights as 4 epochs straight.
local straight = model()
local all = straight:fit(x, y, with(fit, {epochs = 4, callbacks = {optim.StepLR{step_size = 2, gamma = 0.5}}}))
local first = model()
first:fit(x, y, with(fit, {epochs = 3, callbacks = {optim.StepLR{step_size = 2, gamma = 0.5}}}))
first:save("/tmp/crescent-golden-resume.safetensors")
local resumed = nn.load("/tmp/crescent-golden-resume.safetensors")
local last = resumed:fit(x, y, with(fit, {initial_epoch = 3, epochs = 4, callbacks = {optim.StepLR{step_size = 2, gamma = 0.5}}}))
print("rates straight:", table.concat(all.lr, " "), "resumed:", table.concat(last.lr, " "))
local same = true
for i, w in ipairs(resumed:get_weights()) do same = same and (w - straight:get_weights()[i]):abs():max() == 0 end
print("resumed weights equal straight ones:", same)

-- A custom layer's forward reads the weights set_weights gives.
local w = tensor.zeros(2, 1):requires_grad()
local custom = nn.Sequential{input_dim = 2, nn.Custom{forward = function(self, h) return h:matmul(self.parameters.w) end, parameters = {w = w}}}
custom:compile{optimizer = optim.SGD{lr = 0.1}, loss = "mean_squared_error"}
custom:set_weights{tensor.from{{2}, {3}}}
print("custom prediction:", custom:predict(tensor.from{{1, 1}}):item(), "w itself:", w:sum():item())
local loss, grads = custom:gradients(tensor.from{{1, 1}}, tensor.from{{0}})
print("custom loss and gradient:", loss, grads[1]:sum():item())

-- Logit 20, target 0, through an Activation("sigmoid") output: BCE from logits gives 20 and
-- a gradient of sigmoid(20) ≈ 1 (PyTorch's BCEWithLogitsLoss).
local act = nn.Sequential{input_dim = 1, nn.Dense(1, {use_bias = false}), nn.Activation("sigmoid")}
act:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
act:set_weights{tensor.from{{20}}}
local l, g = act:gradients(tensor.from{{1}}, tensor.from{{0}})
print(string.format("activation layer output: loss %.6f, gradient %.6f", l, g[1]:item()))
