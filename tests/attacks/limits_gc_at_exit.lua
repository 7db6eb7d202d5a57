-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: time limit exceeded
-- max-seconds: 6
-- A finalizer that runs when the state closes, after the script has returned.
keep = setmetatable({}, {__gc = function() while true do end end})
