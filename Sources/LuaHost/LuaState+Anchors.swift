import CLua
import CLuaShim
import Catalog

/// A Lua function a Swift value keeps (a layer's forward, a compiled loss, a schedule): the
/// Swift side holds only its number; Lua holds the function itself, where its collector sees it.
///
/// A function handed to a catalog entry is anchored in the user value of the object the entry
/// returns (or, when it returns none, of the object it was called on), so a function whose
/// upvalues refer back to that object forms a cycle inside Lua, which the collector frees. A
/// function no object takes stays in a table of the state until Swift lets it go.
final class LuaFunctionReference {
  weak var state: LuaState?
  let id: lua_Integer
  /// The objects whose anchors hold the function (their addresses, keys of the interned
  /// userdata); empty while the state's held table keeps it.
  var owners: [UnsafeMutableRawPointer] = []
  init(state: LuaState, id: lua_Integer) { self.state = state; self.id = id }
  deinit { state?.releaseFunction(self) }
}

extension LuaState {
  /// The registry tables behind anchoring: every function Swift knows by number (weak values),
  /// the functions no object anchors (strong), and the one userdata of each object handed to
  /// Lua (weak values, keyed by the object's address).
  func installAnchors() {
    functionsRef = newRegistryTable(mode: "v")
    heldFunctionsRef = newRegistryTable(mode: nil)
    objectsRef = newRegistryTable(mode: "v")
  }

  private func newRegistryTable(mode: String?) -> Int32 {
    crescent_newtable(L)
    if let mode {
      crescent_newtable(L)
      lua_pushstring(L, mode)
      lua_setfield(L, -2, "__mode")
      lua_setmetatable(L, -2)
    }
    return luaL_ref(L, crescent_registryindex())
  }

  /// Keeps the function at `index` (held until an object anchors it) and returns its handle.
  func referenceFunction(at index: Int32, in L: OpaquePointer) -> LuaFunctionReference {
    nextFunctionID += 1
    let id = nextFunctionID
    let f = lua_absindex(L, index)
    _ = lua_checkstack(L, 3)
    for table in [functionsRef, heldFunctionsRef] {
      lua_rawgeti(L, crescent_registryindex(), lua_Integer(table))
      lua_pushvalue(L, f)
      lua_rawseti(L, -2, id)
      crescent_pop(L, 1)
    }
    let reference = LuaFunctionReference(state: self, id: id)
    if anchoringCalls > 0 { pendingFunctions.append(reference) }
    return reference
  }

  /// Pushes the function numbered `id`; false (with nil pushed) when Lua has collected it.
  func pushFunction(id: lua_Integer, on L: OpaquePointer) -> Bool {
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(functionsRef))
    let type = lua_rawgeti(L, -1, id)
    crescent_remove(L, -2)
    return type == LUA_TFUNCTION
  }

  /// Forgets a function Swift no longer holds: out of the held table and its owners' anchors.
  func releaseFunction(_ reference: LuaFunctionReference) {
    let L = thread
    crescent_native_begin()
    defer { crescent_native_end() }
    guard lua_checkstack(L, 4) != 0 else { return }
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    for table in [functionsRef, heldFunctionsRef] {
      lua_rawgeti(L, crescent_registryindex(), lua_Integer(table))
      lua_pushnil(L)
      lua_rawseti(L, -2, reference.id)
      crescent_pop(L, 1)
    }
    for owner in reference.owners where pushAnchor(of: owner, creating: false, on: L) {
      lua_pushnil(L)
      lua_rawseti(L, -2, reference.id)
      crescent_pop(L, 1)
    }
  }

  /// Pushes the userdata already standing for `object`, if Lua still has one.
  func pushInterned(_ object: UnsafeMutableRawPointer, on L: OpaquePointer) -> Bool {
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(objectsRef))
    let type = lua_rawgetp(L, -1, object)
    crescent_remove(L, -2)
    if type == LUA_TUSERDATA { return true }
    crescent_pop(L, 1)
    return false
  }

  /// Records the userdata on top of the stack as the one standing for `object`.
  func intern(_ object: UnsafeMutableRawPointer, on L: OpaquePointer) {
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(objectsRef))
    lua_pushvalue(L, -2)
    lua_rawsetp(L, -2, object)
    crescent_pop(L, 1)
  }

  /// Pushes the anchor table of `object` (made on first need); false, with nothing pushed,
  /// when Lua no longer holds the object, or it has no anchor and `creating` is off.
  private func pushAnchor(of object: UnsafeMutableRawPointer, creating: Bool, on L: OpaquePointer) -> Bool {
    guard pushInterned(object, on: L) else { return false }
    if lua_getiuservalue(L, -1, 1) == LUA_TTABLE {
      crescent_remove(L, -2)
      return true
    }
    crescent_pop(L, 1)
    guard creating else { crescent_pop(L, 1); return false }
    crescent_newtable(L)
    lua_pushvalue(L, -1)
    _ = lua_setiuservalue(L, -3, 1)
    crescent_remove(L, -2)
    return true
  }

  /// Notes an object argument (at `index`) that anchors functions of its own: whatever the
  /// call makes from it keeps that anchor alive (a model keeps the custom layer added to it).
  func noteAnchoredArgument(at index: Int32, object: AnyObject, in L: OpaquePointer) {
    // Outside a catalog call nothing is pushed: nothing to pop (the value a table walk is at).
    guard anchoringCalls > 0 else { return }
    guard lua_getiuservalue(L, index, 1) == LUA_TTABLE else { crescent_pop(L, 1); return }
    crescent_pop(L, 1)
    pendingChildren.append(Unmanaged.passUnretained(object).toOpaque())
  }

  /// After a catalog call: the functions and anchored objects its arguments carried move into
  /// the anchors of `owners` (the objects it returned, else the object it was called on); with
  /// no owner, the functions stay held.
  func anchorPending(from functionBase: Int, _ childBase: Int, owners: [UnsafeMutableRawPointer], in L: OpaquePointer) {
    defer {
      pendingFunctions.removeSubrange(functionBase...)
      pendingChildren.removeSubrange(childBase...)
    }
    guard !owners.isEmpty else { return }
    let functions = pendingFunctions[functionBase...]
    let children = pendingChildren[childBase...]
    guard lua_checkstack(L, 6) != 0 else { return }
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    var anchored: [LuaFunctionReference] = []
    for owner in Set(owners) where pushAnchor(of: owner, creating: true, on: L) {
      let anchor = lua_gettop(L)
      for f in functions where !f.owners.contains(owner) {
        guard pushFunction(id: f.id, on: L) else { crescent_pop(L, 1); continue }
        lua_rawseti(L, anchor, f.id)
        f.owners.append(owner)
        anchored.append(f)
      }
      for child in Set(children) where child != owner && pushInterned(child, on: L) {
        lua_pushboolean(L, 1)
        lua_rawset(L, anchor)
      }
      crescent_pop(L, 1)
    }
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(heldFunctionsRef))
    for f in anchored {
      lua_pushnil(L)
      lua_rawseti(L, -2, f.id)
    }
  }
}
