-- command: test
-- args:
-- exit: 0
-- expect: 1 passed, 0 failed
-- A spec file that replaces the runner's globals: its results are still reported, no crash.
it("runs", function() assert.truthy(true) end)
__crescent_spec = nil
setmetatable(_G, {__index = function() error("boom") end, __newindex = function() error("boom") end})
