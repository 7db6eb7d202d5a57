-- command: run
-- args:
-- exit: 0
-- expect: first	false	boom
-- expect: second	dead
-- A Lua callback that fails, called from native code inside a coroutine: the coroutine's pcall
-- catches it, and the coroutine goes on to yield and to finish.
local model = nn.Sequential{input_dim = 2, nn.Dense(1)}
model:compile{optimizer = optim.SGD{}, loss = "mse"}
local x, y = tensor.ones(4, 2), tensor.ones(4, 1)
local co = coroutine.create(function()
  local ok, err = pcall(function()
    model:fit(x, y, {epochs = 1, verbose = 0, callbacks = {{on_epoch_end = function() error("boom") end}}})
  end)
  coroutine.yield(ok, tostring(err):find("boom") and "boom" or tostring(err))
  return "end"
end)
local _, a, b = coroutine.resume(co)
print("first", a, b)
coroutine.resume(co)
print("second", coroutine.status(co))
