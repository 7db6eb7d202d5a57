-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: ^crescent: limits_pattern_backtracking.lua: time limit exceeded \(the limit is 1.0 s\)
-- max-seconds: 6
-- A pattern whose matching backtracks exponentially: the standard library's C matcher runs
-- with the count hook silent, and the run still ends at its deadline.
print(string.rep("a", 40):find(string.rep("a*", 30) .. "b"))
