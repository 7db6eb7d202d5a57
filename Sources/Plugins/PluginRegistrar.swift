import Catalog
import CrescentPluginABI
import CrescentMetrics
import NN

/// Receives one plugin's registrations (C sees it as the `host` pointer) and adds them to the
/// catalog, its loss and metric registries included. The first failure is kept for the loader.
final class PluginRegistrar {
  let catalog: Catalog
  let path: String
  var failure: String?

  init(catalog: Catalog, path: String) { self.catalog = catalog; self.path = path }

  static func from(_ host: UnsafeMutableRawPointer?) -> PluginRegistrar {
    Unmanaged<PluginRegistrar>.fromOpaque(host!).takeUnretainedValue()  // cannot fail: the host passes its registrar to the plugin's entry point
  }

  func attempt(_ body: (PluginRegistrar) throws -> Void) -> Int32 {
    guard failure == nil else { return 1 }
    do { try body(self); return 0 } catch let e as CatalogError { failure = e.message } catch let e as PluginError {
      failure = e.message
    } catch { failure = "\(error)" }
    return 1
  }

  private func free(_ qualified: String) throws {
    if catalog.entry(qualified) != nil { throw CatalogError("\(qualified) is already defined") }
  }

  func addFunction(_ d: crescent_function_desc) throws {
    let module = text(d.module), name = text(d.name)
    guard !module.isEmpty, !name.isEmpty, let call = d.call else { throw PluginError("a function needs a module, a name and a callback") }
    let params = try (0..<Int(max(d.n_params, 0))).map { try PluginParameter(d.params[$0]) }
    let entry = PluginFunction(module: module, name: name, summary: text(d.summary), parameters: params,
                               returns: d.returns, call: call, user: PluginUser(pointer: d.user)).entry
    try catalog.register(module: module, summary: "Functions added by the plugin \(path).", entries: [entry])
  }

  func addLoss(_ d: crescent_loss_desc) throws {
    let name = text(d.name)
    guard !name.isEmpty, let compute = d.compute else { throw PluginError("a loss needs a name and a callback") }
    let summary = text(d.summary)
    let constructor = PluginRegistrar.camelCase(name)
    try free("losses.\(constructor)")
    let user = PluginUser(pointer: d.user)
    let make: @Sendable () -> Loss = { PluginLoss(name: name, entryName: constructor, compute: compute, user: user.pointer) }
    try LossRegistry.register(name, in: catalog, make: make)
    try catalog.register(module: "losses", summary: "", entries: [
      Entry(module: "losses", name: constructor, summary: summary + " (compile also takes \"\(name)\".)",
            returns: [Returned(.object("Loss"), "the loss")]) { _ in { _ in [.object(LossObject(make()))] } },
    ])
  }

  func addMetric(_ d: crescent_metric_desc) throws {
    let name = text(d.name)
    guard !name.isEmpty, let compute = d.compute else { throw PluginError("a metric needs a name and a callback") }
    try free("metrics.\(name)")
    let metric = PluginMetric(name: name, higherIsBetter: d.higher_is_better != 0, compute: compute, user: PluginUser(pointer: d.user))
    try TrainingMetrics.register(name, higherIsBetter: metric.higherIsBetter, in: catalog) { _ in PluginMetricStream(metric) }
    try catalog.register(module: "metrics", summary: "", entries: [metric.entry(summary: text(d.summary))])
  }

  func addLayer(_ d: crescent_layer_desc) throws {
    let name = text(d.name)
    guard !name.isEmpty, let forward = d.forward, let backward = d.backward else {
      throw PluginError("a layer needs a name, a forward and a backward callback")
    }
    try free("nn.\(name)")
    let user = PluginUser(pointer: d.user)
    try catalog.register(module: "nn", summary: "", entries: [
      Entry(module: "nn", name: name, summary: text(d.summary) + " (Elementwise: as many outputs as inputs.)",
            returns: [Returned(.object("Layer"), "the layer")]) { declared in
        let layerName = declared.option("name", String.self, "the layer's name (default: plugin and a number, e.g. plugin_1)", default: "")
        return { a in [.object(LayerObject(PluginLayer(name: name, forward: forward, backward: backward, user: user.pointer, name: try a[layerName])))] }
      },
    ])
  }

  /// `squared_hinge` → `SquaredHinge`.
  static func camelCase(_ name: String) -> String {
    name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}
