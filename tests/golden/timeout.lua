-- crescent: --timeout 0.5
-- A runaway script is stopped by --timeout, even when it catches errors.
print("spinning")
while true do pcall(function() while true do end end) end
