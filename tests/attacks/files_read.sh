# command: sh
# args:
# exit: 0
# expect-transcript: files_read.expected
# Without --trust a script reads only under its own folder, the working directory,
# CRESCENT_DATA and --allow-read folders: a path outside (absolute, by '..', through a symbolic
# link) or with a NUL byte is refused by every reader, naming the path and the rule, and never
# quotes the file.
mkdir -p outside work && cd work
printf 'secret-token,1\n2,0\n' > ../outside/secret.csv
printf 'a,b\n1,0\n' > inside.csv
ln -s ../outside/secret.csv link.csv
ln -s ../outside linkdir
cat > read.lua <<'LUA'
local outside = ...
local function try(what, f, ...) local ok, e = pcall(f, ...); print(what, ok, ok and "" or e) end
local secret = outside .. "/secret.csv"
local last = {last = 1}
try("load_csv absolute", data.load_csv, secret, last)
try("load_csv '..'", data.load_csv, "../outside/secret.csv", last)
try("load_csv link to a file", data.load_csv, "link.csv", last)
try("load_csv link to a folder", data.load_csv, "linkdir/secret.csv", last)
try("load_csv NUL", data.load_csv, "inside.csv\0.gz", last)
try("load_arff", data.load_arff, secret)
try("load_libsvm", data.load_libsvm, secret)
try("load_npy", data.load_npy, secret)
try("load_npz", data.load_npz, secret)
try("load", data.load, secret, {labels = 1})
try("nn.load", nn.load, secret)
try("nn.load NUL", nn.load, "m.safetensors\0x")
print("inside still reads:", data.load_csv("inside.csv", last) ~= nil)
print("the shipped digits still load:", data.digits() ~= nil)
LUA
step "$crescent" run read.lua "$(cd ../outside && pwd)"
# The user's grant opens the folder; --trust opens everything.
cat > granted.lua <<'LUA'
print(pcall(data.load_csv, (...) .. "/secret.csv", {last = 1}))
LUA
"$crescent" run granted.lua "$(cd ../outside && pwd)" --allow-read ../outside > granted.out 2>&1
echo "--allow-read: exit $?, $(grep -c 'true' granted.out) success"
"$crescent" run --trust granted.lua "$(cd ../outside && pwd)" > trusted.out 2>&1
echo "--trust: exit $?, $(grep -c 'true' trusted.out) success"
