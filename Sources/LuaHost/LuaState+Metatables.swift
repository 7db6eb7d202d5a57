import CLua
import CLuaShim

extension LuaState {
  /// Records the metatable on top of the stack, just made for `typeName`, as one whose userdata
  /// hold Swift objects (when the type is the tensor's or a catalog object type, as `box(at:)`
  /// accepts), and keeps the tensor's in the registry for `pushBox`.
  func noteMetatable(_ typeName: String) {
    guard typeName == "Tensor" || catalog.objectTypes.contains(where: { $0.name == typeName }),
          let meta = lua_topointer(L, -1) else { return }
    // Metatables live in the registry for the state's life: the address stays theirs.
    boxMetatables.insert(meta)
    if typeName == "Tensor", tensorMetatableRef == 0 {
      lua_pushvalue(L, -1)
      tensorMetatableRef = luaL_ref(L, crescent_registryindex())
    }
  }
}
