-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: time limit exceeded
-- max-seconds: 6
-- Reading the experiment's declaration runs script code (an __index of its own): it is timed.
local ex = experiment "endless"
ex._ingredients = setmetatable({}, {__index = function() while true do end end})
ex:main(function() end)
