-- Scripts are sandboxed: no files, no processes, no debug, no bytecode.
print(io, os.execute, os.remove, os.exit, os.getenv, debug, dofile, loadfile, package)
print(type(os.clock), type(os.time), type(string.format), type(math.sqrt), type(coroutine.wrap))
print(load(string.dump(function() return 1 end)))
print(load("return 1 + 1")())
