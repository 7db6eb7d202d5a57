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
    return Entry(module: module, name: name, summary: summary, returns: [result]) { d in
      // One Arg per declared parameter, in the plugin's order (options may come between
      // positional parameters): the order the callback receives them in.
      let args = parameters.map { p in p.isOption ? d.option(p.parameter, Value.self) : d.parameter(p.parameter, Value.self) }
      return { a in try invoke(try args.map { try a[$0] }) }
    }
  }

  /// Calls the plugin with `values`, one per declared parameter in declaration order (`.none`
  /// where an optional one was left out).
  func invoke(_ values: [Value]) throws -> [Value] {
    var strings: [UnsafeMutablePointer<CChar>] = []
    var shapes: [UnsafeMutablePointer<CLong>] = []
    var tensors: [Tensor] = []
    defer { strings.forEach { Foundation.free($0) }; shapes.forEach { $0.deallocate() } }
    var args: [crescent_arg] = []
    for (p, value) in zip(parameters, values) {
      var arg = crescent_arg()
      arg.type = p.type
      switch (p.type, value) {
      case (CRESCENT_NUMBER, .number(let x)), (CRESCENT_INTEGER, .number(let x)): arg.number = x
      case (CRESCENT_NUMBER, .integer(let i)), (CRESCENT_INTEGER, .integer(let i)): arg.number = Double(i)
      case (CRESCENT_NUMBER, _), (CRESCENT_INTEGER, _): arg.number = .nan
      case (CRESCENT_BOOL, .bool(let b)): arg.number = b ? 1 : 0
      case (CRESCENT_BOOL, _): arg.number = 0
      case (CRESCENT_STRING, .string(let text)):
        if let s = strdup(text) { strings.append(s); arg.string = UnsafePointer(s) }
      case (CRESCENT_STRING, _): break
      case (_, .tensor(let t)):
        tensors.append(t)
        let shape = UnsafeMutablePointer<CLong>.allocate(capacity: max(t.rank, 1))
        for (k, d) in t.shape.enumerated() { shape[k] = CLong(d) }
        shapes.append(shape)
        arg.tensor = crescent_tensor(data: UnsafePointer(t.storage.pointer), rank: Int32(t.rank), shape: UnsafePointer(shape))
      default: break
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
