# command: sh
# args:
# exit: 0
# expect-transcript: files_out.expected
# With --out DIR, a relative path a script writes lands under DIR, and one it reads is taken
# from DIR when it is there (what the script wrote), else from the working directory. Every
# writer keeps to it: model:save, data.save_*, ModelCheckpoint, CSVLogger; run:artifact writes
# in the run's folder under --runs-dir, which --out does not move. Absolute paths are unchanged.
mkdir -p work && cd work
printf 'a,b,y\n1,2,0\n3,4,1\n' > train.csv
cat > out.lua <<'LUA'
local ds = data.load_csv("train.csv", {label_columns = {"y"}})
local m = nn.Sequential{input_dim = 2, seed = 1, nn.Dense(1, {activation = "sigmoid"})}
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
m:fit(ds, {epochs = 1, verbose = 0, callbacks = {
  callbacks.ModelCheckpoint{filepath = "ck/{epoch}.safetensors"},
  callbacks.CSVLogger{filename = "log.csv"}}})
m:save("model.safetensors")
data.save_csv(ds, "copy.csv")
print("read back:", nn.load("model.safetensors") ~= nil, data.load_csv("copy.csv", {label_columns = {"y"}}).n)
print(pcall(m.save, m, "../escape.safetensors"))
LUA
step "$crescent" run out.lua --out ../results
echo "results:"; (cd ../results && find . -type f | sort)
echo "working directory:"; ls
