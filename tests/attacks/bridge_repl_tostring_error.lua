-- command: repl
-- args:
-- exit: 0,1
-- expect: boom
-- expect: 3
setmetatable({}, {__tostring = function() error("boom") end})
1 + 2
