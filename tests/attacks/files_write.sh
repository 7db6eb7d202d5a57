# command: sh
# args:
# exit: 0
# expect-transcript: files_write.expected
# Without --trust a script writes only under the working directory (or --out) and
# --allow-write folders: every writer refuses a path outside, by '..', through a symbolic link
# (also one whose target does not exist yet) or with a NUL byte, and the file stays unwritten.
mkdir -p outside work && cd work
ln -s ../outside linkdir
ln -s ../outside/created-by-link dangling
cat > write.lua <<'LUA'
local outside = ...
local function try(what, f, ...) local ok, e = pcall(f, ...); print(what, ok, ok and "" or e) end
local x = tensor.from{{0.5, -1}, {1, 2}}
local y = tensor.from{{1}, {0}}
local ds = data.Dataset{x = x, y = y}
local m = nn.Sequential{input_dim = 2, seed = 1, nn.Dense(1, {activation = "sigmoid"})}
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
try("model:save absolute", m.save, m, outside .. "/m.safetensors")
try("model:save '..'", m.save, m, "../outside/m.safetensors")
try("model:save link to a folder", m.save, m, "linkdir/m.safetensors")
try("model:save dangling link", m.save, m, "dangling")
try("model:save NUL", m.save, m, "m.safetensors\0.lua")
try("save_npy", data.save_npy, x, outside .. "/x.npy")
try("save_csv", data.save_csv, ds, "../outside/ds.csv")
try("save_libsvm", data.save_libsvm, ds, "linkdir/ds.svm")
try("ModelCheckpoint", m.fit, m, x, y, {epochs = 1, verbose = 0,
  callbacks = {callbacks.ModelCheckpoint{filepath = outside .. "/ck-{epoch}.safetensors"}}})
try("CSVLogger", m.fit, m, x, y, {epochs = 1, verbose = 0,
  callbacks = {callbacks.CSVLogger{filename = "../outside/log.csv"}}})
try("CSVLogger dangling link", m.fit, m, x, y, {epochs = 1, verbose = 0,
  callbacks = {callbacks.CSVLogger{filename = "dangling"}}})
m:save("sub/inside.safetensors")
print("inside still writes:", nn.load("sub/inside.safetensors") ~= nil)
LUA
step "$crescent" run write.lua "$(cd ../outside && pwd)"
echo "files outside: $(ls -A ../outside | wc -l)"
# --allow-write opens a folder; --out moves the writable folder away from the working directory.
cat > granted.lua <<'LUA'
local m = nn.Sequential{input_dim = 2, seed = 1, nn.Dense(1)}
print(pcall(m.save, m, (...) .. "/granted.safetensors"))
print(pcall(m.save, m, "here.safetensors"))
LUA
step "$crescent" run granted.lua "$(cd ../outside && pwd)" --allow-write ../outside
mkdir -p ../elsewhere
step "$crescent" run granted.lua "$(cd ../elsewhere && pwd)" --out ../elsewhere
ls -A ../outside ../elsewhere
# The run store is written by Crescent, not by the script: a store kept outside does not open
# its folder to the script.
mkdir -p ../storehome
step "$crescent" run granted.lua "$(cd ../storehome && pwd)" --store ../storehome/crescent.db
ls -A ../storehome
