-- args: --timeout 1
-- exit: 124
-- stderr: time limit exceeded
-- A pattern whose matching backtracks exponentially: the standard library's C matcher runs
-- with the count hook silent, and the run still ends at its deadline.
print(string.rep("a", 40):find(string.rep("a*", 30) .. "b"))
