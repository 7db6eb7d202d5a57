-- command: run
-- args:
-- exit: 0
-- expect: bounded
-- max-rss-mb: 50
-- Functions handed to Lua by native code are released when Lua collects them.
local ds = data.make_blobs{n_samples = 40, centers = 2, seed = 1}
for i = 1, 80000 do ds:kfold{k = 2} end
collectgarbage()
print("bounded")
