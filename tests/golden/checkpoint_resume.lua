-- A fit stopped after a training checkpoint and resumed into new objects ends exactly where
-- the uninterrupted fit ends: weights, history, rate schedule, early stopping.
-- golden: output folder (given as the script's first argument)
local folder = assert(..., "give the folder to write the checkpoints to after --")
local function clean(s)
  s = tostring(s)
  local i, j = s:find(folder, 1, true)
  while i do s = s:sub(1, i - 1) .. "<out>" .. s:sub(j + 1); i, j = s:find(folder, 1, true) end
  return s
end

local x = tensor.randn(80, 5, {seed = 1})
local y = x:matmul(tensor.randn(5, 3, {seed = 2})):gt(0)

local function model(seed, hidden)
  local m = nn.Sequential{ input_dim = 5, seed = seed,
    nn.Dense(hidden or 12, {activation = "relu"}), nn.Dropout(0.3), nn.Dense(3, {activation = "sigmoid"}) }
  m:compile{ optimizer = optim.Adam{lr = 0.05}, loss = "binary_crossentropy" }
  return m
end

-- The rate halves after every epoch but the first; training stops after the fifth.
local function watchers(extra)
  local list = { callbacks.ReduceLROnPlateau{monitor = "val_loss", factor = 0.5, patience = 1, min_delta = 1},
                 callbacks.EarlyStopping{monitor = "val_loss", patience = 4, min_delta = 1, restore_best_weights = true} }
  if extra then list[#list + 1] = extra end
  return list
end

local function fit(m, epochs, more)
  local options = {epochs = epochs, batch_size = 16, validation_split = 0.25, verbose = 0, callbacks = watchers()}
  for k, v in pairs(more or {}) do options[k] = v end
  return m:fit(x, y, options)
end

local function same_weights(a, b)
  local wa, wb = a:get_weights(), b:get_weights()
  for i = 1, #wa do if (wa[i] - wb[i]):abs():max() ~= 0 then return false end end
  return #wa == #wb
end

local function same_history(a, b)
  for _, k in ipairs{"loss", "val_loss", "lr", "epochs"} do
    if #a[k] ~= #b[k] then return false end
    for i = 1, #a[k] do if a[k][i] ~= b[k][i] then return false end end
  end
  return true
end

local straight = model(7)
local whole = fit(straight, 6)
print("uninterrupted epochs:", table.concat(whole.epochs, " "))
print("rates:", table.concat(whole.lr, " "))

local path = folder .. "/fit.safetensors"
fit(model(7), 3, {checkpoint = path})
local info = nn.read_checkpoint(path)
print("checkpoint:", info.epoch, info.optimizer, info.steps, info.loss, #info.history.loss)

local resumed = model(99)
local rest = fit(resumed, 6, {resume = path})
print("resumed: same weights", same_weights(resumed, straight), "same history", same_history(rest, whole))

-- ModelCheckpoint's training checkpoints, one per epoch, resume the same way.
local per_epoch = folder .. "/epoch-{epoch:02d}.safetensors"
local saver = function() return callbacks.ModelCheckpoint{filepath = per_epoch, monitor = "val_loss", save_training_state = true} end
local m2 = model(7)
m2:fit(x, y, {epochs = 2, batch_size = 16, validation_split = 0.25, verbose = 0, callbacks = watchers(saver())})
local again = model(5)
local h2 = again:fit(x, y, {epochs = 6, batch_size = 16, validation_split = 0.25, verbose = 0,
                            callbacks = watchers(saver()), resume = folder .. "/epoch-02.safetensors"})
print("from ModelCheckpoint: same weights", same_weights(again, straight), "same history", same_history(h2, whole))

-- resume = true: the fit's own checkpoint when there is one, a fresh start otherwise.
local auto = folder .. "/auto.safetensors"
local fresh = model(7)
fit(fresh, 3, {checkpoint = {path = auto, every = 2}, resume = true})
print("every 2, after 3 epochs:", nn.read_checkpoint(auto).epoch)
local carried = model(3)
local h3 = fit(carried, 6, {checkpoint = {path = auto, every = 2}, resume = true})
print("carried on: same weights", same_weights(carried, straight), "same history", same_history(h3, whole))

-- Refused, with the file named and nothing changed.
local wider = model(7, 16)
local before = wider:get_weights()[1]:sum()
print(clean(select(2, pcall(fit, wider, 6, {resume = path}))))
print("unchanged:", wider:get_weights()[1]:sum() == before)
print(clean(select(2, pcall(fit, model(7), 6, {resume = folder .. "/missing.safetensors"}))))
print(clean(select(2, pcall(fit, model(7), 6, {resume = true}))))
print(clean(select(2, pcall(fit, model(7), 6, {checkpoint = {path = auto, every = 0}}))))
print(clean(select(2, pcall(fit, model(7), 6, {checkpoint = {file = auto}}))))
straight:save(folder .. "/model.safetensors")
print(clean(select(2, pcall(nn.read_checkpoint, folder .. "/model.safetensors"))))
print(clean(select(2, pcall(fit, model(7), 6, {resume = path, callbacks = {}}))))
