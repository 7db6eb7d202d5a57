-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: time limit exceeded
-- max-seconds: 6
-- A finalizer runs with hooks off: an endless one during the run still ends.
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
print("not reached")
