-- command: run
-- args:
-- exit: 0
-- expect: false	string	true
-- Inside a coroutine, pcall of a failing native function returns the message, not an argument.
local co = coroutine.create(function()
  local ok, err = pcall(tensor.zeros, -1)
  print(ok, type(err), tostring(err):find("tensor.zeros") ~= nil)
end)
assert(coroutine.resume(co))
