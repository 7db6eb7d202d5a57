import CrescentPluginABI
import Tensors

/// The context of one callback into a plugin: where results and the failure message go.
/// C sees it as an opaque `crescent_call *`, valid only while the callback runs.
final class PluginCall {
  var number: Double?
  var tensor: Tensor?
  var failure: String?

  /// Runs `body` with this call as the C pointer; a nonzero return is an error whose message
  /// is the plugin's (or a generic one when it gave none).
  static func run(_ body: (OpaquePointer) -> Int32) throws -> PluginCall {
    let call = PluginCall()
    let status = withExtendedLifetime(call) { body(OpaquePointer(Unmanaged.passUnretained(call).toOpaque())) }
    if status != 0 || call.failure != nil {
      throw PluginFailure(call.failure ?? "the plugin reported an error (status \(status))")
    }
    return call
  }

  static func from(_ pointer: OpaquePointer?) -> PluginCall {
    Unmanaged<PluginCall>.fromOpaque(UnsafeRawPointer(pointer!)).takeUnretainedValue()  // cannot fail: the host passes the call it made to every callback; a plugin that forges one is native code
  }
}

/// A callback's failure; entries turn it into a catalog error named after the entry.
struct PluginFailure: Error { let message: String; init(_ m: String) { message = m } }
