import Catalog
import CrescentPluginABI
import Foundation
import Tensors

/// A plugin function as a catalog entry: the catalog checks the arguments, this passes them
/// to the callback in declaration order and returns its number or tensor.
struct PluginFunction: Sendable {
  let module: String
  let name: String
  let summary: String
  let parameters: [PluginParameter]
  let returns: crescent_type
  let call: crescent_function_fn
  let user: PluginUser

  var entry: Entry {
    let result = returns == CRESCENT_TENSOR ? Returned(.tensor, "the result") : Returned(.number, "the result")
    return Entry(module: module, name: name, summary: summary,
                 parameters: parameters.filter { !$0.isOption }.map(\.parameter),
                 options: parameters.filter(\.isOption).map(\.parameter),
                 returns: [result]) { a in try invoke(a) }
  }

  func invoke(_ a: Arguments) throws -> [Value] {
    var strings: [UnsafeMutablePointer<CChar>] = []
    var shapes: [UnsafeMutablePointer<CLong>] = []
    var tensors: [Tensor] = []
    defer { strings.forEach { Foundation.free($0) }; shapes.forEach { $0.deallocate() } }
    var args: [crescent_arg] = []
    for p in parameters {
      var arg = crescent_arg()
      arg.type = p.type
      let name = p.parameter.name
      switch p.type {
      case CRESCENT_NUMBER, CRESCENT_INTEGER: arg.number = a.has(name) ? a.double(name) : .nan
      case CRESCENT_BOOL: arg.number = a.has(name) && a.bool(name) ? 1 : 0
      case CRESCENT_STRING:
        if a.has(name), let s = strdup(a.string(name)) { strings.append(s); arg.string = UnsafePointer(s) }
      default:
        if a.has(name) {
          let t = a.tensor(name)
          tensors.append(t)
          let shape = UnsafeMutablePointer<CLong>.allocate(capacity: max(t.rank, 1))
          for (k, d) in t.shape.enumerated() { shape[k] = CLong(d) }
          shapes.append(shape)
          arg.tensor = crescent_tensor(data: UnsafePointer(t.storage.pointer), rank: Int32(t.rank), shape: UnsafePointer(shape))
        }
      }
      args.append(arg)
    }
    let done: PluginCall
    do {
      done = try withExtendedLifetime(tensors) {
        try args.withUnsafeBufferPointer { buffer in
          try PluginCall.run { call in self.call(call, buffer.baseAddress, Int32(buffer.count), user.pointer) }
        }
      }
    } catch let e as PluginFailure { throw CatalogError(e.message) }
    if let t = done.tensor { return [.tensor(t)] }
    if let d = done.number { return [.number(d)] }
    return []
  }
}
