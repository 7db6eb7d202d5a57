# Files that cannot be written or read say why; writers create missing folders; a model
# compiled with a loss written in Lua loads with {compile = false}.
step "$crescent" run missing_script.lua
mkdir folder
cat > writers.lua <<'LUA'
local x = tensor.from{{0.5, -1}, {1, 2}, {-0.5, 0.25}, {2, -2}}
local y = tensor.from{{1}, {0}, {1}, {0}}
local m = nn.Sequential{input_dim = 2, seed = 1, nn.Dense(1, {activation = "sigmoid"})}
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
local function try(what, f, ...) local ok, e = pcall(f, ...); print(what, ok, e) end
try("save to a folder", m.save, m, "folder")
try("save to an empty name", m.save, m, "")
m:save("out/ck2")
print("save into a missing folder", (nn.load("out/ck2"):predict(x) - m:predict(x)):abs():max() == 0)
local ds = data.Dataset{x = x, y = y}
try("save_npy to a folder", data.save_npy, x, "folder")
try("save_csv to a folder", data.save_csv, ds, "folder")
try("save_libsvm to a folder", data.save_libsvm, ds, "folder")
data.save_csv(ds, "deep/er/ds.csv")
print("save_csv into a missing folder", data.load_csv("deep/er/ds.csv", {last = 1}))
try("checkpoint to an empty name", callbacks.ModelCheckpoint, {filepath = ""})
try("checkpoint to a folder", m.fit, m, x, y, {epochs = 1, verbose = 0, callbacks = {callbacks.ModelCheckpoint{filepath = "folder"}}})
try("CSVLogger to a folder", m.fit, m, x, y, {epochs = 1, verbose = 0, callbacks = {callbacks.CSVLogger{filename = "folder"}}})
try("CSVLogger to an empty name", m.fit, m, x, y, {epochs = 1, verbose = 0, callbacks = {callbacks.CSVLogger{filename = ""}}})

local lm = nn.Sequential{input_dim = 2, seed = 1, nn.Dense(1, {activation = "sigmoid"})}
lm:compile{optimizer = optim.SGD{lr = 0.1}, loss = function(p, t) return (p - t):pow(2):mean() end}
lm:save("lua_loss.safetensors")
try("load a Lua-loss model", nn.load, "lua_loss.safetensors")
local back = nn.load("lua_loss.safetensors", {compile = false})
print("compile = false: same predictions", (back:predict(x) - lm:predict(x)):abs():max() == 0)
try("an uncompiled model does not fit", back.fit, back, x, y, {epochs = 1, verbose = 0})
back:compile{optimizer = optim.SGD{lr = 0.1}, loss = function(p, t) return (p - t):pow(2):mean() end}
print("compiled again: loss", back:evaluate(x, y).loss == lm:evaluate(x, y).loss)
LUA
step "$crescent" run writers.lua
