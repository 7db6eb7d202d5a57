import CLua
import CLuaShim
import Catalog
import Tensors

/// Typed access to one Lua thread's stack: the conversions between Lua values and catalog
/// `Value`s. Raw `lua_*` stack calls live here and in `LuaState`; everything else uses these.
struct LuaStack {
  let L: OpaquePointer
  let state: LuaState

  init(_ state: LuaState, _ L: OpaquePointer) {
    self.state = state
    self.L = L
  }

  var top: Int32 { lua_gettop(L) }

  func string(at i: Int32) -> String? {
    var len = 0
    guard lua_type(L, i) == LUA_TSTRING, let p = crescent_tostring(L, i, &len) else { return nil }
    return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
  }

  /// The value at stack index `i` as a catalog value. Tables become lists (keys 1...n) or
  /// records (string keys); anything else in a table is an error naming the key.
  func value(at i: Int32, depth: Int = 0) throws -> Value {
    switch lua_type(L, i) {
    case LUA_TNIL, LUA_TNONE: return .none
    case LUA_TBOOLEAN: return .bool(lua_toboolean(L, i) != 0)
    case LUA_TNUMBER:
      if lua_isinteger(L, i) != 0 { return .integer(Int(lua_tointegerx(L, i, nil))) }
      return .number(lua_tonumberx(L, i, nil))
    case LUA_TSTRING: return .string(string(at: i) ?? "")
    case LUA_TTABLE: return try table(at: i, depth: depth)
    case LUA_TUSERDATA:
      if let box = state.box(at: i, in: L) {
        if let t = box as? TensorBox { return .tensor(t.tensor) }
        if let o = box as? (AnyObject & CatalogObject) {
          state.noteAnchoredArgument(at: i, object: o, in: L)
          return .object(o)
        }
      }
      throw CatalogError("got a userdata value that is not a Crescent object")
    case LUA_TFUNCTION: return .function(state.hostFunction(at: i, in: L))
    default:
      throw CatalogError("got a \(String(cString: crescent_typename(L, i))) value, which cannot be passed here")
    }
  }

  private func table(at index: Int32, depth: Int) throws -> Value {
    guard depth < 32 else { throw CatalogError("a table is nested more than 32 levels deep (is it cyclic?)") }
    guard lua_checkstack(L, 4) != 0 else { throw CatalogError("a table is nested too deeply for the Lua stack") }
    let i = lua_absindex(L, index)
    var list: [Value] = []
    var record: [(key: String, value: Value)] = []
    var integerKeys = 0
    lua_pushnil(L)
    while lua_next(L, i) != 0 {
      defer { crescent_pop(L, 1) }
      if lua_type(L, -2) == LUA_TNUMBER, lua_isinteger(L, -2) != 0 {
        integerKeys += 1
      } else if lua_type(L, -2) == LUA_TSTRING {
        record.append((key: string(at: -2)!, value: try value(at: -1, depth: depth + 1)))  // cannot fail: the key was just checked to be a string
      } else {
        throw CatalogError("a table has a key of type \(String(cString: crescent_typename(L, -2))); only list positions and names are understood")
      }
    }
    // Lua visits a table's names in an order that changes from process to process (its string
    // hashes are seeded at random): names are sorted, so a result, a config or a log reads the
    // same in every run.
    record.sort { $0.key < $1.key }
    if integerKeys > 0 {
      // Raw reads: a table's own metamethods (__len, __index) are script code, not run here.
      let n = Int(lua_rawlen(L, i))
      guard n == integerKeys else {
        guard record.isEmpty else { throw CatalogError("a list has holes (\(integerKeys) items at positions beyond 1..\(n))") }
        return try sparse(at: i, depth: depth)
      }
      list.reserveCapacity(n)
      for k in 1...n {
        lua_rawgeti(L, i, lua_Integer(k))
        defer { crescent_pop(L, 1) }
        list.append(try value(at: -1, depth: depth + 1))
      }
      return record.isEmpty ? .list(list) : .mixed(items: list, fields: record)
    }
    return record.isEmpty ? .list([]) : .table(record)
  }

  /// A table whose keys are all integers but not 1...n (`{[2] = 5}`, `{[0] = 1, [1] = 3}`):
  /// a table keyed by the integers in decimal, in increasing order, for the entries that take
  /// such maps (fit's class_weight); elsewhere it is refused as a list with holes.
  private func sparse(at i: Int32, depth: Int) throws -> Value {
    var pairs: [(key: Int, value: Value)] = []
    lua_pushnil(L)
    while lua_next(L, i) != 0 {
      defer { crescent_pop(L, 1) }
      pairs.append((Int(lua_tointegerx(L, -2, nil)), try value(at: -1, depth: depth + 1)))
    }
    return .table(pairs.sorted { $0.key < $1.key }.map { (String($0.key), $0.value) })
  }

  /// Pushes a catalog value.
  func push(_ v: Value) {
    _ = lua_checkstack(L, 3)  // room for a nested list's table, item and key
    switch v {
    case .none: lua_pushnil(L)
    case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
    case .integer(let i): lua_pushinteger(L, lua_Integer(i))
    case .number(let d): lua_pushnumber(L, d)
    case .string(let s): lua_pushstring(L, s)
    case .list(let items):
      lua_createtable(L, Int32(clamping: items.count), 0)
      for (k, item) in items.enumerated() {
        push(item)
        lua_seti(L, -2, lua_Integer(k + 1))
      }
    case .table(let pairs):
      lua_createtable(L, 0, Int32(clamping: pairs.count))
      for (key, value) in pairs {
        push(value)
        lua_setfield(L, -2, key)
      }
    case .mixed(let items, let pairs):
      lua_createtable(L, Int32(clamping: items.count), Int32(clamping: pairs.count))
      for (k, item) in items.enumerated() {
        push(item)
        lua_seti(L, -2, lua_Integer(k + 1))
      }
      for (key, value) in pairs {
        push(value)
        lua_setfield(L, -2, key)
      }
    case .tensor(let t): state.pushBox(TensorBox(t), typeName: "Tensor", in: L)
    case .object(let o): state.pushBox(o, typeName: type(of: o).typeName, in: L)
    case .function(let f):
      let callable = f
      state.pushClosure({ state, L in
        let stack = LuaStack(state, L)
        do {
          let args = try (1...max(stack.top, 1)).filter { $0 <= stack.top }.map { try stack.value(at: $0) }
          let results = try callable.call(args)
          guard lua_checkstack(L, Int32(clamping: results.count + 4)) != 0 else {
            return state.raise("too many results for the Lua stack")
          }
          results.forEach(stack.push)
          return Int32(results.count)
        } catch {
          return state.raise("\(error)")
        }
      }, on: L)
    }
  }
}
