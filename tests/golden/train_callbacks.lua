-- Training in an experiment: each fit logs its own series, callbacks get Keras's arguments
-- (epochs and batches from 1), schedules, checkpoint names with format placeholders,
-- class_weight as a map, and data fit refuses before the first step.
local ex = experiment "train-callbacks"
ex:main(function(cfg, run)
  local x = tensor.randn(40, 3, {seed = 1})
  local y = x:matmul(tensor.randn(3, 2, {seed = 2})):gt(0)
  local function model(lr)
    local m = nn.Sequential{ input_dim = 3, seed = 5, nn.Dense(2, {activation = "sigmoid"}) }
    m:compile{ optimizer = optim.SGD{lr = lr or 0.5}, loss = "binary_crossentropy" }
    return m
  end

  -- Fits without a prefix: the run's first logs plain names, later ones fit2/, fit3/, ...;
  -- log_prefix names a fit's series.
  model():fit(x, y, { epochs = 3, verbose = 0 })
  model():fit(x, y, { epochs = 2, verbose = 0, validation_split = 0.25 })
  model():fit(x, y, { epochs = 2, verbose = 0, log_prefix = "fold1/" })
  local names = {}
  for name, s in pairs(run.series) do names[#names + 1] = name .. " steps " .. table.concat(s.steps, ",") end
  table.sort(names)
  for _, n in ipairs(names) do print(n) end

  -- Hooks and their arguments.
  local calls = {}
  local function note(name, ...)
    local args = table.pack(...)
    local shown = {}
    for i = 1, args.n do
      local a = args[i]
      if type(a) == "table" then
        local keys = {}
        for k in pairs(a) do keys[#keys + 1] = k end
        table.sort(keys)
        shown[i] = "{" .. table.concat(keys, ",") .. "}"
      else
        shown[i] = tostring(a):match("^Model") and "model" or tostring(a)
      end
    end
    calls[#calls + 1] = name .. "(" .. table.concat(shown, ", ") .. ")"
  end
  model():fit(x, y, { epochs = 2, batch_size = 20, verbose = 0, log_prefix = "hooks/", callbacks = { {
    on_train_begin = function(...) note("on_train_begin", ...) end,
    on_epoch_begin = function(...) note("on_epoch_begin", ...) end,
    on_batch_begin = function(...) note("on_batch_begin", ...) end,
    on_batch_end = function(...) note("on_batch_end", ...) end,
    on_epoch_end = function(...) note("on_epoch_end", ...) end,
    on_train_end = function(...) note("on_train_end", ...) end } } })
  for _, c in ipairs(calls) do print(c) end

  -- Schedules: LambdaLR (epoch from 1, current rate), OneCycleLR (per batch).
  local h = model(0.4):fit(x, y, { epochs = 4, verbose = 0, log_prefix = "lambda/", callbacks = {
    optim.LambdaLR{ fn = function(epoch, lr) if epoch <= 2 then return lr end return lr / 2 end } } })
  print("lambda lr", table.concat(h.lr, " "))
  h = model():fit(x, y, { epochs = 2, batch_size = 10, verbose = 0, log_prefix = "onecycle/", callbacks = {
    optim.OneCycleLR{ max_lr = 1, total = 8, pct_start = 0.25, anneal_strategy = "linear" } } })
  print("one-cycle lr at epoch ends", string.format("%.6g %.6g", h.lr[1], h.lr[2]))
  print(pcall(model().fit, model(), x, y, { epochs = 3, batch_size = 10, verbose = 0, log_prefix = "onecycle2/",
    callbacks = { optim.OneCycleLR{ max_lr = 1, total = 8 } } }))

  -- Checkpoint names as Keras formats them; missing folders are created.
  local dir = run.folder .. "/checkpoints/sgd"
  model():fit(x, y, { epochs = 2, verbose = 0, validation_split = 0.25, log_prefix = "ck/", callbacks = {
    callbacks.ModelCheckpoint{ filepath = dir .. "/m-{epoch:02d}.safetensors" } } })
  print("checkpoint 02 loads:", nn.load(dir .. "/m-02.safetensors") ~= nil)
  print(select(2, pcall(callbacks.ModelCheckpoint, { filepath = "m-{epoch:02x}" })))
  local ok, err = pcall(model().fit, model(), x, y, { epochs = 1, verbose = 0, log_prefix = "bad/",
    callbacks = { callbacks.ModelCheckpoint{ filepath = "m-{val_los:.2f}" } } })
  print(ok, err)

  -- class_weight: a full list, or a map from label (column of y, from 1) to weight.
  local a = model(); a:fit(x, y, { epochs = 2, verbose = 0, class_weight = {1, 5}, log_prefix = "cw1/" })
  local b = model(); b:fit(x, y, { epochs = 2, verbose = 0, class_weight = {[2] = 5}, log_prefix = "cw2/" })
  print("map and list train alike:", (a:predict(x) - b:predict(x)):abs():max() == 0)
  print(pcall(model().fit, model(), x, y, { verbose = 0, class_weight = {[0] = 1, [1] = 5} }))
  print(pcall(model().fit, model(), x, y, { verbose = 0, class_weight = {3} }))

  -- Data fit cannot use is refused before the first step.
  local function with(t, i, j, v) local rows = t:to_table(); rows[i][j] = v; return tensor.from(rows) end
  local y2 = with(y, 3, 2, 2)
  print(pcall(model().fit, model(), x, y2, { verbose = 0 }))
  local x2 = with(x, 7, 1, 0 / 0)
  print(pcall(model().fit, model(), x2, y, { verbose = 0 }))
  print(pcall(model().fit, model(), x, y, { verbose = 0, validation_data = {x, y2} }))
end)
