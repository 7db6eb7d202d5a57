-- An uncaught Swift-side error ends the script with file:line, a traceback and exit 1.
local function build()
  return tensor.zeros(2, 3):matmul(tensor.zeros(2, 3))
end
print("before")
build()
print("never printed")
