import CrescentPluginABI
import Tensors

/// The table of host functions every plugin receives: registration goes to the
/// `PluginRegistrar` behind the `host` pointer, results to the `PluginCall` of the callback.
/// Filled once and never changed: it holds functions, no run's state.
enum PluginAPI {
  nonisolated(unsafe) static let table: UnsafeMutablePointer<crescent_plugin_api> = {
    let p = UnsafeMutablePointer<crescent_plugin_api>.allocate(capacity: 1)
    p.initialize(to: crescent_plugin_api(
      abi_version: CRESCENT_PLUGIN_ABI_VERSION,
      register_function: { host, desc in PluginRegistrar.from(host).attempt { try $0.addFunction(try described(desc, "function").pointee) } },
      register_loss: { host, desc in PluginRegistrar.from(host).attempt { try $0.addLoss(try described(desc, "loss").pointee) } },
      register_metric: { host, desc in PluginRegistrar.from(host).attempt { try $0.addMetric(try described(desc, "metric").pointee) } },
      register_layer: { host, desc in PluginRegistrar.from(host).attempt { try $0.addLayer(try described(desc, "layer").pointee) } },
      result_number: { call, value in PluginCall.from(call).number = value },
      result_tensor: { call, rank, shape in
        guard rank <= 0 || shape != nil else { PluginCall.from(call).failure = "a result tensor of rank \(rank) without a shape"; return nil }
        let dims = (0..<Int(max(rank, 0))).map { Int(shape?[$0] ?? 0) }
        guard dims.allSatisfy({ $0 >= 0 }) else { PluginCall.from(call).failure = "negative dimension in a result tensor"; return nil }
        guard Tensor.elementCount(dims) != nil else {
          PluginCall.from(call).failure = "a result tensor of shape \(describeShape(dims)) is too large (at most \(Tensor.maxElements) values)"
          return nil
        }
        let t = Tensor(shape: dims, repeating: 0)
        PluginCall.from(call).tensor = t
        return t.storage.pointer
      },
      fail: { call, message in
        PluginCall.from(call).failure = message.map { String(cString: $0) } ?? "failed"
        return 1
      }))
    return p
  }()
}

/// A C string, or `fallback` for NULL.
func text(_ p: UnsafePointer<CChar>?, _ fallback: String = "") -> String {
  p.map { String(cString: $0) } ?? fallback
}

/// A registration's description, or an error naming what was registered without one.
private func described<T>(_ desc: UnsafePointer<T>?, _ kind: String) throws -> UnsafePointer<T> {
  guard let desc else { throw PluginError("a plugin registered a \(kind) without a description (NULL)") }
  return desc
}
