-- args: --timeout 1
-- exit: 124
-- stderr: time limit exceeded
-- A finalizer that runs when the state closes, after the script has returned.
keep = setmetatable({}, {__gc = function() while true do end end})
