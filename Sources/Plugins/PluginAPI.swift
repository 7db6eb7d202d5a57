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
      register_function: { host, desc in PluginRegistrar.from(host).attempt { try $0.addFunction(desc!.pointee) } },
      register_loss: { host, desc in PluginRegistrar.from(host).attempt { try $0.addLoss(desc!.pointee) } },
      register_metric: { host, desc in PluginRegistrar.from(host).attempt { try $0.addMetric(desc!.pointee) } },
      register_layer: { host, desc in PluginRegistrar.from(host).attempt { try $0.addLayer(desc!.pointee) } },
      result_number: { call, value in PluginCall.from(call).number = value },
      result_tensor: { call, rank, shape in
        let dims = (0..<Int(max(rank, 0))).map { Int(shape![$0]) }
        guard dims.allSatisfy({ $0 >= 0 }) else { PluginCall.from(call).failure = "negative dimension in a result tensor"; return nil }
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
