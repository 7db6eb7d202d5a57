-- command: run
-- args:
-- exit: 1
-- expect: error
-- An uncaught error whose value's __tostring fails: a clean report, not a crash.
error(setmetatable({}, {__tostring = function() error("again") end}))
