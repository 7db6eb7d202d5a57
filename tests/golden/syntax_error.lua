-- A syntax error is reported with file and line before anything runs.
print("never printed")
local x = = 1
