import CLua
import CLuaShim
import Catalog

extension LuaState {
  /// Exposes every catalog module as a global table of functions, and every entry that is a
  /// method or metamethod on its object type's metatable. All go through `invoke`, which
  /// converts the Lua arguments, lets the catalog check and call, and pushes the results.
  /// Entries the host defines in Lua (the prelude's) or that scripts write (hooks) are only
  /// declared here; a module with no functions of its own gets no table (the prelude makes
  /// `experiment`'s).
  func installCatalog() {
    for module in catalog.modules {
      let native = module.entries.filter { $0.kind == .native }
      let hasTable = native.contains(where: \.isModuleField)
      if hasTable { crescent_newtable(L) }
      for entry in native {
        let id = register { state, L in state.invoke(entry, in: L) }
        if entry.isModuleField {
          crescent_push_function(L, id)
          lua_setfield(L, -2, entry.name)
        }
        if let type = entry.methodOf {
          if crescent_getmetatable_named(L, LuaState.metatableName(type)) == LUA_TNIL {
            crescent_pop(L, 1)
            makeMetatable(type)
            _ = crescent_getmetatable_named(L, LuaState.metatableName(type))
          }
          lua_getfield(L, crescent_registryindex(), LuaState.methodsName(type))
          crescent_push_function(L, id)
          lua_setfield(L, -2, entry.name)
          crescent_pop(L, 1)
          if let meta = entry.metamethod {
            // Lua passes unary metamethods their operand twice; they take it once.
            let unary = meta == "__unm" || meta == "__len"
            crescent_push_function(L, unary ? register { state, L in lua_settop(L, 1); return state.invoke(entry, in: L) } : id)
            lua_setfield(L, -2, meta)
          }
          crescent_pop(L, 1)
        }
      }
      if hasTable { lua_setglobal(L, module.name) }
    }
  }

  /// One call of a catalog entry from Lua. What can be decided once is (the entry's plan, the
  /// run's limits bound around the script, the metatables known by address); what a call
  /// converts goes through buffers the state keeps, so a call with numbers, booleans, short
  /// strings and existing objects allocates nothing when its entry returns one value (the
  /// results go into a buffer the state keeps too).
  func invoke(_ entry: Entry, in L: OpaquePointer) -> Int32 {
    let stack = LuaStack(self, L)
    // Functions among the arguments are anchored in what the call returns (LuaState+Anchors).
    let functionBase = pendingFunctions.count, childBase = pendingChildren.count
    var args: [Value] = [], slots: [Value] = [], results: [Value] = []
    swap(&args, &argumentBuffer)
    swap(&slots, &slotBuffer)
    swap(&results, &resultBuffer)
    var succeeded = false
    anchoringCalls += 1
    defer {
      anchoringCalls -= 1
      if pendingFunctions.count > functionBase || pendingChildren.count > childBase {
        anchorPending(from: functionBase, childBase, owners: succeeded ? owners(of: results, args: args, entry) : [], in: L)
      }
      args.removeAll(keepingCapacity: true)
      argumentBuffer = args
      slotBuffer = slots
      results.removeAll(keepingCapacity: true)
      resultBuffer = results
    }
    do {
      let top = stack.top
      if args.capacity < Int(top) { args.reserveCapacity(Int(top)) }
      for i in stride(from: 1, through: top, by: 1) {
        do { args.append(try stack.value(at: i)) } catch let e as CatalogError {
          throw CatalogError("\(entry.qualifiedName): argument \(i): \(e.message)")
        }
      }
      let files = session.files
      if files.isUnrestricted || FilePolicy.current == files {
        try entry.call(args, in: session, reusing: &slots, into: &results)
      } else {
        try FilePolicy.$current.withValue(files) { try entry.call(args, in: session, reusing: &slots, into: &results) }
      }
      guard lua_checkstack(L, Int32(clamping: results.count + 4)) != 0 else {
        return raise("\(entry.qualifiedName): too many results for the Lua stack")
      }
      for r in results { stack.push(r) }
      succeeded = true
      return Int32(results.count)
    } catch let e as CatalogError {
      return raise(e.message)
    } catch {
      return raise("\(entry.qualifiedName): \(error)")
    }
  }

  /// The objects that anchor what a call's arguments carried: the objects it returned, else
  /// the object a method was called on.
  private func owners(of results: [Value], args: [Value], _ entry: Entry) -> [UnsafeMutableRawPointer] {
    let returned = results.compactMap { if case .object(let o) = $0 { Unmanaged.passUnretained(o as AnyObject).toOpaque() } else { nil } }
    if returned.isEmpty, entry.methodOf != nil, case .object(let receiver)? = args.first {
      return [Unmanaged.passUnretained(receiver as AnyObject).toOpaque()]
    }
    return returned
  }
}
