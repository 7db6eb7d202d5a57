-- An uncaught error whose value's __tostring fails: a clean report, not a crash.
-- expect: error
-- exit: 1
error(setmetatable({}, {__tostring = function() error("again") end}))
