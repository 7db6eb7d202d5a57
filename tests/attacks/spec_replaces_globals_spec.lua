-- spec
-- A spec file that replaces the runner's globals: reported, not a crash.
-- exit: 0,1
-- expect: passed
it("runs", function() assert.truthy(true) end)
__crescent_spec = setmetatable({}, {__index = function() error("boom") end, __len = function() error("boom") end})
setmetatable(_G, {__index = function() error("boom") end, __newindex = function() error("boom") end})
