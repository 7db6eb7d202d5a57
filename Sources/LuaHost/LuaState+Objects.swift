import CLua
import CLuaShim
import Catalog
import Tensors

/// A tensor held by Lua. Lua sees a few bytes; the collector is told of the native bytes.
final class TensorBox {
  let tensor: Tensor
  init(_ tensor: Tensor) { self.tensor = tensor }
}

extension LuaState {
  static func metatableName(_ typeName: String) -> String { "crescent.\(typeName)" }

  /// Creates the metatable of every object type: `__gc` releases the Swift object, `__name`
  /// names it in Lua's messages, and `__index` holds its methods (filled from the catalog).
  func installObjectTypes() {
    for type in catalog.objectTypes where !type.scripted { makeMetatable(type.name) }
  }

  func makeMetatable(_ typeName: String) {
    guard luaL_newmetatable(L, LuaState.metatableName(typeName)) != 0 else { crescent_pop(L, 1); return }
    noteMetatable(typeName)
    lua_pushstring(L, typeName)
    lua_setfield(L, -2, "__name")
    // `getmetatable(object)` gives the type's name, never the shared table: no script can
    // change the methods of every object of a type.
    lua_pushstring(L, typeName)
    lua_setfield(L, -2, "__metatable")
    pushFunction { _, L in
      if let raw = lua_touserdata(L, 1) {
        let slot = raw.assumingMemoryBound(to: UnsafeRawPointer?.self)
        if let p = slot.pointee {
          Unmanaged<AnyObject>.fromOpaque(p).release()
          slot.pointee = nil
        }
      }
      return 0
    }
    lua_setfield(L, -2, "__gc")
    pushFunction { state, L in state.assign(typeName: typeName, in: L) }
    lua_setfield(L, -2, "__newindex")
    // Methods live in a table kept in the registry; the catalog fills it.
    crescent_newtable(L)
    lua_pushvalue(L, -1)
    lua_setfield(L, crescent_registryindex(), LuaState.methodsName(typeName))
    // Also by reference, for `index`, which runs at every method call on such an object.
    lua_pushvalue(L, -1)
    let methodsRef = luaL_ref(L, crescent_registryindex())
    let properties = catalog.objectTypes.first { $0.name == typeName }?.properties ?? []
    if properties.isEmpty {
      // Methods only: a plain table is the fastest lookup; a name it lacks reaches its own
      // metatable, which answers with an error and the nearest names, as other objects do.
      crescent_newtable(L)
      pushFunction { state, L in state.missing(typeName: typeName, in: L) }
      lua_setfield(L, -2, "__index")
      lua_setmetatable(L, -2)
      lua_setfield(L, -2, "__index")
    } else {
      crescent_pop(L, 1)
      pushFunction { state, L in state.index(typeName: typeName, properties: properties, methodsRef: methodsRef, in: L) }
      lua_setfield(L, -2, "__index")
    }
    crescent_pop(L, 1)
  }

  static func methodsName(_ typeName: String) -> String { "crescent.methods.\(typeName)" }

  /// `object.key`: a method, else a declared property, else an error naming the fields.
  func index(typeName: String, properties: [Property], methodsRef: Int32, in L: OpaquePointer) -> Int32 {
    let stack = LuaStack(self, L)
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(methodsRef))
    lua_pushvalue(L, 2)
    if lua_rawget(L, -2) != LUA_TNIL { return 1 }
    crescent_pop(L, 2)
    guard let key = stack.string(at: 2) else { return raise("\(typeName) fields are named by strings") }
    guard let property = properties.first(where: { $0.name == key }),
          let object = box(at: 1, in: L) as? (AnyObject & CatalogObject),
          let value = object.property(key) else {
      let names = properties.map(\.name) + catalog.methods(of: typeName).map(\.name)
      let hint = Suggest.closest(to: key, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      return raise("\(typeName) has no field '\(key)'\(hint)")
    }
    if property.filledByScript {
      // The same Lua table at every read, so what the script puts in it stays there.
      if let kept = filledTables.first(where: { $0.object === object && $0.key == key }) {
        lua_rawgeti(L, crescent_registryindex(), lua_Integer(kept.ref))
        return 1
      }
      stack.push(value)
      lua_pushvalue(L, -1)
      filledTables.append((object, key, luaL_ref(L, crescent_registryindex())))
      return 1
    }
    stack.push(value)
    return 1
  }

  /// Hands the tables scripts filled (`run.info`) back to their objects, and lets them go.
  public func returnFilledTables() throws {
    let stack = LuaStack(self, L)
    let tables = filledTables
    filledTables = []
    var problem: Error?
    for t in tables {
      lua_rawgeti(L, crescent_registryindex(), lua_Integer(t.ref))
      do { try t.object.setProperty(t.key, to: try stack.value(at: -1)) } catch { problem = problem ?? error }
      crescent_pop(L, 1)
      luaL_unref(L, crescent_registryindex(), t.ref)
    }
    if let problem { throw problem }
  }

  /// `object.key` for a name an object type without properties does not have (Lua passes the
  /// methods table and the key).
  func missing(typeName: String, in L: OpaquePointer) -> Int32 {
    guard let key = LuaStack(self, L).string(at: 2), lua_type(L, 2) == LUA_TSTRING else {
      return raise("\(typeName) fields are named by strings")
    }
    let hint = Suggest.hint(for: key, among: catalog.methods(of: typeName).map(\.name))
    return raise("\(typeName) has no field '\(key)'\(hint)")
  }

  /// `object.key = value`: a field declared settable takes a value of its type; any other
  /// assignment is an error naming the type, the field and what can be set.
  func assign(typeName: String, in L: OpaquePointer) -> Int32 {
    let stack = LuaStack(self, L)
    let properties = catalog.objectTypes.first { $0.name == typeName }?.properties ?? []
    let settable = properties.filter(\.settable)
    guard let key = stack.string(at: 2) else {
      return raise("cannot set a \(String(cString: crescent_typename(L, 2))) key of \(Article.indefinite(typeName)): fields are named by strings")
    }
    if let p = settable.first(where: { $0.name == key }), let object = box(at: 1, in: L) as? (AnyObject & CatalogObject) {
      do {
        let value = try p.type.check(try stack.value(at: 3), what: "field '\(key)' of \(Article.indefinite(typeName))")
        try object.setProperty(key, to: value)
        return 0
      } catch { return raise("\(error)") }
    }
    if settable.isEmpty {
      let readable = properties.map(\.name)
      let fields = readable.isEmpty ? "" : " (\(readable.joined(separator: ", ")) can be read)"
      return raise("cannot set field '\(key)' of \(Article.indefinite(typeName)): no field of \(Article.indefinite(typeName)) can be set\(fields)")
    }
    let hint = Suggest.hint(for: key, among: settable.map(\.name))
    return raise("cannot set field '\(key)' of \(Article.indefinite(typeName))\(hint): only \(settable.map(\.name).joined(separator: ", ")) can be set")
  }

  /// Pushes a userdata holding a retained reference to `object`. An object other than a tensor
  /// has one userdata while Lua holds it (the same each time it is pushed), with a user value
  /// for the functions it keeps (`LuaState+Anchors`).
  func pushBox(_ object: AnyObject, typeName: String, in L: OpaquePointer) {
    let tensor = object is TensorBox
    let address = Unmanaged.passUnretained(object).toOpaque()
    if !tensor, pushInterned(address, on: L) { return }
    let raw = lua_newuserdatauv(L, MemoryLayout<UnsafeRawPointer>.size, tensor ? 0 : 1)!  // cannot fail: lua_newuserdatauv raises a Lua error instead of returning NULL
    raw.assumingMemoryBound(to: UnsafeRawPointer?.self).pointee = UnsafeRawPointer(Unmanaged.passRetained(object).toOpaque())
    if tensor, tensorMetatableRef != 0 {
      lua_rawgeti(L, crescent_registryindex(), lua_Integer(tensorMetatableRef))
    } else if crescent_getmetatable_named(L, LuaState.metatableName(typeName)) == LUA_TNIL {
      crescent_pop(L, 1)
      makeMetatable(typeName)
      _ = crescent_getmetatable_named(L, LuaState.metatableName(typeName))
    }
    lua_setmetatable(L, -2)
    if let t = object as? TensorBox { noteNativeAllocation(t.tensor.storage.byteCount, in: L) } else { intern(address, on: L) }
  }

  /// The Swift object in the Crescent userdata at `index`, if it is one: a full userdata whose
  /// metatable is one of the object types' (known by address, `noteMetatable`).
  func box(at index: Int32, in L: OpaquePointer) -> AnyObject? {
    guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
    let meta = lua_topointer(L, -1)
    crescent_pop(L, 1)
    guard let meta, boxMetatables.contains(meta),
          let raw = lua_touserdata(L, index),
          let p = raw.assumingMemoryBound(to: UnsafeRawPointer?.self).pointee else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue()
  }

  /// Tells the collector about native memory: Lua counts a tensor as a few bytes, so a loop
  /// of large temporaries would otherwise grow memory long before a collection runs.
  func noteNativeAllocation(_ bytes: Int, in L: OpaquePointer) {
    pendingNativeBytes += bytes
    if pendingNativeBytes >= 32 << 20 {
      pendingNativeBytes = 0
      crescent_gc_collect(L)
    } else if bytes >= 64 << 10 {
      crescent_gc_step(L, Int32(bytes >> 10))
    }
  }

  /// A Swift handle on the Lua function at `index`, callable through `lua_pcall`.
  func hostFunction(at index: Int32, in L: OpaquePointer) -> HostFunction {
    let reference = referenceFunction(at: index, in: L)
    return HostFunction({ [weak self] args in
      guard let self else { throw CatalogError("the Lua state that owned this function is closed") }
      return try self.call(reference, args, readingBack: false).results
    }, readingArguments: { [weak self] args in
      guard let self else { throw CatalogError("the Lua state that owned this function is closed") }
      return try self.call(reference, args, readingBack: true)
    })
  }

  /// Calls the kept Lua function `reference` with `args`.
  func call(_ reference: LuaFunctionReference, _ args: [Value], readingBack: Bool) throws -> (results: [Value], arguments: [Value]) {
    try call(args, readingBack: readingBack) { L in
      // Cannot be missing while Swift holds the reference, unless the object that anchored it
      // is gone from Lua while Swift still uses it.
      pushFunction(id: reference.id, on: L) ? nil : "a Lua function kept by an object was collected: keep the object in a variable while it is used"
    }
  }

  /// Calls the registered Lua function `ref` with `args` (protected, on the thread running the
  /// native caller: a coroutine's callback runs in the coroutine).
  func call(ref: Int32, _ args: [Value]) throws -> [Value] {
    try call(args, readingBack: false) { L in
      lua_rawgeti(L, crescent_registryindex(), lua_Integer(ref))
      return nil
    }.results
  }

  /// Calls the Lua function `pushFunction` pushes with `args`; with `readingBack`, the arguments
  /// are also read back after the call (the tables as the function left them). `pushFunction`
  /// returns nil, or why there is no function to call.
  func call(_ args: [Value], readingBack: Bool, pushFunction: (OpaquePointer) -> String?) throws -> (results: [Value], arguments: [Value]) {
    callDepth += 1
    defer { callDepth -= 1 }
    // A traceback kept from an earlier call at this depth belongs to an error a pcall caught.
    callbackTracebacks.removeAll { $0.depth >= callDepth }
    let L = thread
    let stack = LuaStack(self, L)
    guard lua_checkstack(L, Int32(args.count) * 2 + 4) != 0 else { throw CatalogError("too many arguments for the Lua stack") }
    let base = stack.top
    // Pushing the function and its arguments and reading the results must not raise (a failed
    // allocation would, outside any protected call): they allocate as a native function does;
    // the function itself runs limited again (crescent_pcall).
    crescent_native_begin()
    defer { crescent_native_end() }
    lua_pushcclosure(L, crescent_traceback, 0)
    // Read-back keeps each argument in a slot below the call: tables are shared, so the slots
    // see what the function wrote into them.
    let kept = readingBack ? Int32(args.count) : 0
    if readingBack { args.forEach(stack.push) }
    if let missing = pushFunction(L) {
      lua_settop(L, base)
      throw CatalogError(missing)
    }
    if readingBack {
      for k in 0..<kept { lua_pushvalue(L, base + 2 + k) }
    } else {
      args.forEach(stack.push)
    }
    let status = crescent_pcall(L, Int32(args.count), LUA_MULTRET, base + 1)
    defer { lua_settop(L, base) }
    if status != LUA_OK {
      // The message goes on alone (a pcall around the native caller gets one line); the
      // traceback is kept for the report if the error ends the script.
      let text = stack.string(at: -1) ?? "error in a Lua callback"
      let parts = text.components(separatedBy: LuaState.tracebackSeparator)
      if parts.count > 1 { noteCallbackTraceback(message: parts[0], traceback: parts.dropFirst().joined(separator: LuaState.tracebackSeparator)) }
      throw CatalogError(parts[0])
    }
    let first = base + 2 + kept
    let results = try (first...max(stack.top, first)).filter { $0 <= stack.top }.map { try stack.value(at: $0) }
    let arguments = readingBack ? try (0..<kept).map { try stack.value(at: base + 2 + $0) } : args
    return (results, arguments)
  }
}
