-- crescent: --trust
-- With --trust every standard library is open.
print(type(io), type(os.execute), type(debug), type(package))
