-- command: run
-- args:
-- exit: 0
-- expect: yield	false	dead
-- expect: uncaught	false	dead	boom
-- A callback that yields, or fails uncaught, inside a coroutine: the coroutine ends with the
-- error and is dead, never stuck.
local model = nn.Sequential{input_dim = 2, nn.Dense(1)}
model:compile{optimizer = optim.SGD{}, loss = "mse"}
local x, y = tensor.ones(4, 2), tensor.ones(4, 1)
local function fit(hook) model:fit(x, y, {epochs = 1, verbose = 0, callbacks = {{on_epoch_end = hook}}}) end
local co = coroutine.create(function() fit(function() coroutine.yield(1) end) end)
local ok = coroutine.resume(co)
print("yield", ok, coroutine.status(co))
co = coroutine.create(function() fit(function() error("boom") end) end)
local ok2, err = coroutine.resume(co)
print("uncaught", ok2, coroutine.status(co), tostring(err):find("boom") and "boom" or tostring(err))
print(model:predict(x):numel())
