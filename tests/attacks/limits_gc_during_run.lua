-- args: --timeout 1
-- exit: 124
-- stderr: time limit exceeded
-- A finalizer runs with hooks off: an endless one during the run still ends.
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
print("not reached")
