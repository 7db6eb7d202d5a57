# command: sh
# args:
# exit: 0
# expect-transcript: files_plugin.expected
# --plugin with a name without a slash loads the file checked in the working directory, never
# a library of the same name from the system's folders.
printf 'not a library\n' > libm.so.6
printf 'print("ran")\n' > empty.lua
step "$crescent" run --plugin libm.so.6 empty.lua
