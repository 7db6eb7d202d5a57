-- crescent: --trust
-- (trusted to read back the CSV log with io)
-- What a script's hooks add to the logs reaches EarlyStopping, the history, CSVLogger and
-- ModelCheckpoint names; callback tables keep state in fields of their own; the rate is in
-- the logs whatever the callback order; options out of range, reused series prefixes and
-- monitors that cannot appear are refused before training; class_weight with one-hot targets.
local ex = experiment "train-hook-logs"
ex:main(function(cfg, run)
  local x = tensor.randn(40, 3, {seed = 1})
  local y = x:matmul(tensor.randn(3, 2, {seed = 2})):gt(0)
  local function model(lr)
    local m = nn.Sequential{ input_dim = 3, seed = 5, nn.Dense(2, {activation = "sigmoid"}) }
    m:compile{ optimizer = optim.SGD{lr = lr or 0.5}, loss = "binary_crossentropy" }
    return m
  end

  -- Series: automatic names skip prefixes the run has; a prefix used twice is an error.
  model():fit(x, y, { epochs = 1, verbose = 0 })
  model():fit(x, y, { epochs = 1, verbose = 0, log_prefix = "fit2/" })
  model():fit(x, y, { epochs = 1, verbose = 0 })
  print(pcall(model().fit, model(), x, y, { epochs = 1, verbose = 0, log_prefix = "fit2/" }))
  local names = {}
  for name in pairs(run.series) do names[#names + 1] = name end
  table.sort(names)
  print("series", table.concat(names, " "))

  -- A hook's own quantity, watched, logged, written and used in file names; the table keeps
  -- its state in fields (hooks get no self: the closure reaches the table).
  local dir = run.folder .. "/hook"
  local cb; cb = { best = 1e9, seen = 0, on_epoch_end = function(epoch, logs)
    cb.seen = cb.seen + 1
    logs.custom = ({3, 2, 2.5, 2.5, 2.5, 1})[epoch]
    if logs.custom < cb.best then cb.best = logs.custom end
  end }
  local h = model():fit(x, y, { epochs = 6, verbose = 0, log_prefix = "hook/", callbacks = { cb,
    callbacks.EarlyStopping{ monitor = "custom", patience = 2 },
    callbacks.CSVLogger{ filename = dir .. "/log.csv" },
    callbacks.ModelCheckpoint{ filepath = dir .. "/m-{epoch}-{custom:.1f}.safetensors" } } })
  print("epochs", #h.loss, "custom", table.concat(h.custom, " "), "best", cb.best, "seen", cb.seen)
  print("series hook/custom", table.concat(run.series["hook/custom"].values, " "))
  local rows = {}
  for line in io.lines(dir .. "/log.csv") do rows[#rows + 1] = line:match("^[^,]*") .. "," .. line:match("[^,]*$") end
  print("csv epoch,custom:", table.concat(rows, " "))
  print("checkpoint m-2-2.0 loads:", nn.load(dir .. "/m-2-2.0.safetensors") ~= nil)
  -- A name no hook adds is an error at the first epoch's end.
  print(pcall(model().fit, model(), x, y, { epochs = 2, verbose = 0, log_prefix = "hook2/", callbacks = {
    { on_epoch_end = function() end }, callbacks.ModelCheckpoint{ filepath = "m-{nothing}" } } }))
  print(pcall(model().fit, model(), x, y, { epochs = 2, verbose = 0, log_prefix = "hook3/", callbacks = {
    { on_epoch_ends = function() end } } }))

  -- {lr} with the checkpoint before the schedule.
  h = model(0.4):fit(x, y, { epochs = 3, verbose = 0, log_prefix = "lr/", callbacks = {
    callbacks.ModelCheckpoint{ filepath = dir .. "/lr-{epoch}-{lr:.2f}.safetensors" }, optim.StepLR{ step_size = 2, gamma = 0.5 } } })
  print("lr", table.concat(h.lr, " "), "checkpoint lr-3-0.20 loads:", nn.load(dir .. "/lr-3-0.20.safetensors") ~= nil)

  -- A monitor that cannot appear: no validation data, no hook that could add it.
  print(pcall(model().fit, model(), x, y, { epochs = 2, verbose = 0, log_prefix = "m1/", callbacks = { callbacks.EarlyStopping{} } }))
  print(pcall(model().fit, model(), x, y, { epochs = 2, verbose = 0, log_prefix = "m2/",
    callbacks = { callbacks.ReduceLROnPlateau{ monitor = "val_auc" } } }))

  -- A fit stopped in on_train_begin: an empty history.
  h = model():fit(x, y, { epochs = 2, verbose = 0, log_prefix = "none/", callbacks = { { on_train_begin = function() return false end } } })
  print("stopped at once:", type(h.loss), #h.loss)

  -- Options out of range are refused when built; lr = 0 is allowed (PyTorch).
  print("lr 0:", (pcall(optim.SGD, { lr = 0 })))
  for _, make in ipairs{
    function() return optim.SGD{ lr = -0.1 } end, function() return optim.SGD{ momentum = 1 } end,
    function() return optim.Adam{ beta1 = -0.1 } end, function() return optim.AdamW{ beta2 = 1 } end,
    function() return optim.RMSprop{ eps = 0 } end, function() return optim.Adagrad{ eps = -1 } end,
    function() return optim.StepLR{ step_size = 0 } end, function() return optim.StepLR{ step_size = 2, gamma = 0 } end,
    function() return optim.ExponentialLR{ gamma = -0.5 } end, function() return optim.OneCycleLR{ max_lr = 0, total = 8 } end,
    function() return optim.OneCycleLR{ max_lr = 1, total = 8, div_factor = 0 } end,
    function() return optim.OneCycleLR{ max_lr = 1, total = 8, final_div_factor = -1 } end } do
    print(pcall(make))
  end

  -- class_weight with one-hot targets weighs each sample by its class (Keras): the same as
  -- the sample weights it implies.
  local labels = x:matmul(tensor.randn(3, 3, {seed = 3})):argmax(2):to_table()
  local rows, weights = {}, {}
  for i = 1, 40 do
    local k = labels[i]
    rows[i] = {k == 1 and 1 or 0, k == 2 and 1 or 0, k == 3 and 1 or 0}
    weights[i] = ({1, 3, 0.5})[k]
  end
  local onehot = tensor.from(rows)
  local function softmax_model()
    local m = nn.Sequential{ input_dim = 3, seed = 5, nn.Dense(3, {activation = "softmax"}) }
    m:compile{ optimizer = optim.SGD{lr = 0.5}, loss = "categorical_crossentropy" }
    return m
  end
  local a = softmax_model():fit(x, onehot, { epochs = 3, verbose = 0, shuffle = false, log_prefix = "cw/", class_weight = {1, 3, 0.5} })
  local b = softmax_model():fit(x, onehot, { epochs = 3, verbose = 0, shuffle = false, log_prefix = "sw/", sample_weight = tensor.from(weights) })
  print("class_weight = sample weights of the classes:", a.loss[3] == b.loss[3], string.format("%.6f", a.loss[3]))
  -- One sigmoid column: Keras's {0: 1, 1: 5} is pos_weight here.
  local one = nn.Sequential{ input_dim = 3, seed = 5, nn.Dense(1, {activation = "sigmoid"}) }
  one:compile{ optimizer = optim.SGD{lr = 0.5}, loss = "binary_crossentropy" }
  local y1 = tensor.from((function() local r = {} for i = 1, 40 do r[i] = {labels[i] == 1 and 1 or 0} end return r end)())
  print(pcall(one.fit, one, x, y1, { verbose = 0, log_prefix = "one/", class_weight = {[0] = 1, [1] = 5} }))
end)
