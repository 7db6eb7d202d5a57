-- command: test
-- args: isolation/next_file_spec.lua --max-memory 100000000
-- exit: 0
-- expect: 4 passed, 0 failed
-- A spec file that leaves globals, large tensors, a parked coroutine and random draws behind:
-- the next file (isolation/next_file_spec.lua) starts from the same state as when run alone.
big = tensor.ones(4000, 4000)
keep = {big, function() return big end}
parked = coroutine.create(function() local t = tensor.ones(2000, 2000); coroutine.yield(t) end)
coroutine.resume(parked)
for i = 1, 10 do tensor.randn(100) end
pcall(rawset, tensor, "randn", function() return tensor.zeros(1) end)
it("holds its own", function() assert.truthy(big:numel() == 16000000) end)
