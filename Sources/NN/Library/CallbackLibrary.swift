import Catalog
import Tensors

/// The `callbacks` module, and Lua tables of functions as callbacks.
enum CallbackLibrary {
  static let monitor = Parameter("monitor", .string, "the logged quantity to watch (loss, val_loss, val_f1_micro, ...)", default: .string("val_loss"))
  static let mode = Parameter("mode", .oneOf(MonitorMode.allCases.map(\.rawValue)), "min, max, or auto (max for accuracy/AUC/F1-like names)", default: .string("auto"))

  static func make(_ name: String, _ summary: String, _ options: [Parameter], _ build: @escaping (Arguments) throws -> Callback) -> Entry {
    Entry(module: "callbacks", name: name, summary: summary, options: options, returns: [Returned(.object("Callback"), "the callback")]) { a in
      [.object(CallbackObject(try build(a), kind: name))]
    }
  }

  static var entries: [Entry] {
    [
      make("EarlyStopping", "Stops training when the monitored quantity stops improving.",
           [monitor, Parameter("patience", .nonNegativeInteger, "epochs without improvement before stopping", default: .integer(0)),
            Parameter("min_delta", .number, "smallest change that counts as improvement", default: .number(0)), mode,
            Parameter("restore_best_weights", .bool, "restore the best epoch's weights when stopping", default: .bool(false))]) { a in
        EarlyStopping(monitor: a.string("monitor"), minDelta: a.double("min_delta"), patience: a.int("patience"),
                      mode: MonitorMode(rawValue: a.string("mode"))!, restoreBestWeights: a.bool("restore_best_weights"))
      },
      make("ReduceLROnPlateau", "Lowers the learning rate when the monitored quantity stops improving.",
           [monitor, Parameter("factor", .numberIn(0, 1), "multiplier of the rate", default: .number(0.1)),
            Parameter("patience", .nonNegativeInteger, "epochs without improvement before lowering", default: .integer(10)), mode,
            Parameter("min_delta", .number, "smallest change that counts as improvement", default: .number(1e-4)),
            Parameter("cooldown", .nonNegativeInteger, "epochs to wait after a reduction", default: .integer(0)),
            Parameter("min_lr", .number, "lower bound of the rate", default: .number(0))]) { a in
        ReduceLROnPlateau(monitor: a.string("monitor"), factor: a.double("factor"), patience: a.int("patience"),
                          mode: MonitorMode(rawValue: a.string("mode"))!, minDelta: a.double("min_delta"),
                          cooldown: a.int("cooldown"), minLR: a.double("min_lr"))
      },
      make("TerminateOnNaN", "Stops training when a batch's loss is NaN or infinite.", []) { _ in TerminateOnNaN() },
      make("ModelCheckpoint", "Saves the model (safetensors) after each epoch, or only when the monitored quantity improves.",
           [Parameter("filepath", .string, "the file to write; {epoch} is replaced by the epoch number"), monitor,
            Parameter("save_best_only", .bool, "save only when the monitored quantity improves", default: .bool(false)), mode]) { a in
        ModelCheckpoint(path: a.string("filepath"), monitor: a.string("monitor"), saveBestOnly: a.bool("save_best_only"),
                        mode: MonitorMode(rawValue: a.string("mode"))!) { net, path in
          let m = Model(net)
          m.metrics = net.metricNames
          try ModelFile.save(m, to: path)
        }
      },
      make("CSVLogger", "Writes each epoch's logs as a CSV row.",
           [Parameter("filename", .string, "the CSV file to write"),
            Parameter("separator", .string, "the field separator", default: .string(",")),
            Parameter("append", .bool, "append to an existing file instead of replacing it", default: .bool(false))]) { a in
        CSVLogger(path: a.string("filename"), separator: a.string("separator"), append: a.bool("append"))
      },
    ]
  }

  /// A callback from a `callbacks.*` object or a Lua table of functions
  /// (`{on_epoch_end = function(epoch, logs, model) ... end}`; returning false stops training).
  static func callback(_ v: Value, index: Int, model: Model) throws -> Callback {
    switch v {
    case .object(let o):
      guard let c = o as? CallbackObject else { throw CatalogError("callback \(index) is \(v.summary), not a callback") }
      return c.callback
    case .table(let fields):
      let known = ScriptCallback.hooks
      for (k, f) in fields {
        guard known.contains(k) else {
          let hint = Suggest.closest(to: k, among: known).map { " (did you mean '\($0)'?)" } ?? ""
          throw CatalogError("callback \(index) has an unknown field '\(k)'\(hint); callbacks may define \(known.joined(separator: ", "))")
        }
        guard case .function = f else { throw CatalogError("callback \(index): '\(k)' must be a function, got \(f.summary)") }
      }
      return ScriptCallback(fields: fields, model: model)
    default:
      throw CatalogError("callback \(index) must be a callback object or a table of functions, got \(v.summary)")
    }
  }
}

/// A callback written in the script: functions called with (epoch or batch counted from 1,
/// logs table, model). Returning `false` stops training.
final class ScriptCallback: Callback {
  static let hooks = CallbackLibrary.hookEntries.map(\.name)
  let functions: [String: HostFunction]
  unowned let model: Model

  init(fields: [(key: String, value: Value)], model: Model) {
    var fs: [String: HostFunction] = [:]
    for (k, v) in fields { if case .function(let f) = v { fs[k] = f } }
    functions = fs
    self.model = model
  }

  private func call(_ hook: String, _ args: [Value], _ net: Sequential) throws {
    guard let f = functions[hook] else { return }
    let result = try f.call(args)
    if case .bool(false)? = result.first { net.stopTraining = true }
  }

  private func table(_ logs: Logs) -> Value { .table(logs.items.map { ($0.key, .number($0.value)) }) }

  func onTrainBegin(_ net: Sequential) throws { try call("on_train_begin", [.object(model)], net) }
  func onEpochBegin(_ epoch: Int, model net: Sequential) throws { try call("on_epoch_begin", [.integer(epoch + 1), .object(model)], net) }
  func onBatchEnd(_ batch: Int, logs: Logs, model net: Sequential) throws {
    try call("on_batch_end", [.integer(batch + 1), table(logs), .object(model)], net)
  }
  func onEpochEnd(_ epoch: Int, logs: inout Logs, model net: Sequential) throws {
    try call("on_epoch_end", [.integer(epoch + 1), table(logs), .object(model)], net)
  }
  func onTrainEnd(_ net: Sequential) throws { try call("on_train_end", [.object(model)], net) }
}
