import Catalog
import Tensors

extension MonitorMode: ScriptEnum {}

/// The `callbacks` module, and Lua tables of functions as callbacks.
enum CallbackLibrary {
  static func monitor(_ d: Declarer) -> Arg<String> {
    d.option("monitor", String.self, "the logged quantity to watch (loss, val_loss, val_f1_micro, ...)", default: "val_loss")
  }
  static func mode(_ d: Declarer) -> Arg<MonitorMode> {
    d.option("mode", MonitorMode.self, "min, max, or auto (max for accuracy/AUC/F1-like names)", default: .auto)
  }

  static func make(_ name: String, _ summary: String, _ declare: @escaping @Sendable (Declarer) -> @Sendable (Arguments) throws -> Callback) -> Entry {
    Entry(module: "callbacks", name: name, summary: summary, returns: [Returned(.object("Callback"), "the callback")]) { d in
      let build = declare(d)
      return { a in [.object(CallbackObject(try withoutOwnName(name) { try build(a) }, kind: name))] }
    }
  }

  /// Runs a constructor; its error, which starts with the callback's name, loses that start
  /// (the entry's qualified name is put in front of it).
  static func withoutOwnName<T>(_ name: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as LayerError {
      throw CatalogError(e.message.hasPrefix(name + ": ") ? String(e.message.dropFirst(name.count + 2)) : e.message)
    }
  }

  static var entries: [Entry] {
    [
      make("EarlyStopping", "Stops training when the monitored quantity stops improving (Keras's rule: with patience = 2 and no improvement after the first epoch, 3 epochs run).") { d in
        let monitor = monitor(d)
        let patience = d.option("patience", Int.self, "epochs without improvement before stopping", as: .nonNegativeInteger, default: 0)
        let minDelta = d.option("min_delta", Double.self, "smallest change that counts as improvement", default: 0)
        let mode = mode(d)
        let baseline = d.option("baseline", Double.self, "a value to beat: improvements that do not beat it do not reset the wait")
        let restoreBestWeights = d.option("restore_best_weights", Bool.self, "restore the best epoch's weights at the end of training, stopped early or not (Keras 3)", default: false)
        let startFromEpoch = d.option("start_from_epoch", Int.self, "epochs of warm-up before watching starts", as: .nonNegativeInteger, default: 0)
        return { a in
          try EarlyStopping(monitor: a[monitor], minDelta: a[minDelta], patience: a[patience], mode: a[mode], baseline: a[baseline],
                            restoreBestWeights: a[restoreBestWeights], startFromEpoch: a[startFromEpoch], metrics: a.session.catalog)
        }
      },
      make("ReduceLROnPlateau", "Lowers the learning rate when the monitored quantity stops improving.") { d in
        let monitor = monitor(d)
        let factor = d.option("factor", Double.self, "multiplier of the rate", as: .numberIn(0, 1), default: 0.1)
        let patience = d.option("patience", Int.self, "epochs without improvement before lowering", as: .nonNegativeInteger, default: 10)
        let mode = mode(d)
        let minDelta = d.option("min_delta", Double.self, "smallest change that counts as improvement", default: 1e-4)
        let cooldown = d.option("cooldown", Int.self, "epochs to wait after a reduction", as: .nonNegativeInteger, default: 0)
        let minLR = d.option("min_lr", Double.self, "lower bound of the rate", default: 0)
        return { a in
          try ReduceLROnPlateau(monitor: a[monitor], factor: a[factor], patience: a[patience], mode: a[mode], minDelta: a[minDelta],
                                cooldown: a[cooldown], minLR: a[minLR], metrics: a.session.catalog)
        }
      },
      make("TerminateOnNaN", "Stops training when a batch's loss is NaN or infinite.") { _ in { _ in TerminateOnNaN() } },
      make("ModelCheckpoint", "Saves the model (safetensors) after each epoch, or only when the monitored quantity improves; creates missing folders. With save_training_state, each file is a training checkpoint that fit's resume continues from.") { d in
        let filepath = d.requiredOption("filepath", String.self, "the file to write, with Python-format placeholders as Keras: {epoch:02d} (from 1), {val_loss:.2f}, any logged name")
        let monitor = monitor(d)
        let saveBestOnly = d.option("save_best_only", Bool.self, "save only when the monitored quantity improves", default: false)
        let mode = mode(d)
        let saveTrainingState = d.option("save_training_state", Bool.self, "write training checkpoints (weights, optimizer, schedule and callback state, epoch, random streams, history; durably) that fit's resume continues from, instead of model files", default: false)
        return { a in
          try ModelCheckpoint(path: a[filepath], monitor: a[monitor], saveBestOnly: a[saveBestOnly], mode: a[mode],
                              saveTrainingState: a[saveTrainingState], metrics: a.session.catalog)
        }
      },
      make("CSVLogger", "Writes each epoch's logs as a CSV row (epoch from 1); creates missing folders.") { d in
        let filename = d.requiredOption("filename", String.self, "the CSV file to write")
        let separator = d.option("separator", String.self, "the field separator", default: ",")
        let append = d.option("append", Bool.self, "append to an existing file instead of replacing it", default: false)
        return { a in try CSVLogger(path: a[filename], separator: a[separator], append: a[append]) }
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
      // Other fields are the callback's own state (`best = 1e9`), as a Keras callback's
      // attributes; a name that looks like a hook must be one.
      for (k, f) in fields where known.contains(k) || k.hasPrefix("on_") {
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

/// A callback written in the script: functions called with Keras's arguments, then the model:
/// `on_train_begin(logs, model)`, `on_epoch_begin(epoch, logs, model)`,
/// `on_batch_begin(batch, logs, model)`, `on_batch_end(batch, logs, model)`,
/// `on_epoch_end(epoch, logs, model)`, `on_train_end(logs, model)`. Epochs and batches count
/// from 1 (as the progress bar prints them; Keras counts from 0); logs are `{}` where Keras
/// passes none, `{loss =}` after a batch, the epoch's logs after an epoch, and the last
/// epoch's at the end. Returning `false` stops training. Fields that are not hooks are the
/// table's own state; hooks get no `self` (a closure over the table reaches it).
final class ScriptCallback: Callback {
  static let hooks = CallbackLibrary.hookEntries.map(\.name)
  let functions: [String: HostFunction]
  unowned let model: Model
  private var lastLogs = Logs()

  init(fields: [(key: String, value: Value)], model: Model) {
    var fs: [String: HostFunction] = [:]
    for (k, v) in fields { if case .function(let f) = v { fs[k] = f } }
    functions = fs
    self.model = model
  }

  /// A hook that may set logs adds names nobody can know before training.
  var addsUnknownLogKeys: Bool { functions["on_epoch_end"] != nil }

  private func call(_ hook: String, _ args: [Value], _ net: Sequential) throws {
    guard let f = functions[hook] else { return }
    let result = try f.call(args + [.object(model)])
    if case .bool(false)? = result.first { net.stopTraining = true }
  }

  private func table(_ logs: Logs) -> Value { .table(logs.items.map { ($0.key, .number($0.value)) }) }
  private let empty = Value.table([])

  func onTrainBegin(_ net: Sequential) throws { lastLogs = Logs(); try call("on_train_begin", [empty], net) }
  func onEpochBegin(_ epoch: Int, model net: Sequential) throws { try call("on_epoch_begin", [.integer(epoch + 1), empty], net) }
  func onBatchBegin(_ batch: Int, model net: Sequential) throws { try call("on_batch_begin", [.integer(batch + 1), empty], net) }
  func onBatchEnd(_ batch: Int, logs: Logs, model net: Sequential) throws {
    try call("on_batch_end", [.integer(batch + 1), table(logs)], net)
  }
  func onEpochEnd(_ epoch: Int, logs: inout Logs, model net: Sequential) throws {
    // As Keras's logs dict, the table is shared: what the hook sets in it (a metric it worked
    // out) reaches later callbacks, the history and the run.
    if let f = functions["on_epoch_end"] {
      let (result, arguments) = try f.callReadingArguments([.integer(epoch + 1), table(logs), .object(model)])
      if case .bool(false)? = result.first { net.stopTraining = true }
      if arguments.count > 1 { try merge(arguments[1], into: &logs) }
    }
    lastLogs = logs
  }

  /// The numbers a hook left in its logs table, over `logs`.
  private func merge(_ table: Value, into logs: inout Logs) throws {
    let pairs: [(key: String, value: Value)]
    switch table {
    case .table(let p): pairs = p
    case .list(let items) where items.isEmpty: return
    default: throw LayerError("on_epoch_end: logs must stay a table of numbers by name")
    }
    for (key, value) in pairs {
      switch value {
      case .number(let v): logs[key] = v
      case .integer(let i): logs[key] = Double(i)
      default: throw LayerError("on_epoch_end: logs.\(key) must be a number, got \(value.summary)")
      }
    }
  }
  func onTrainEnd(_ net: Sequential) throws { try call("on_train_end", [table(lastLogs)], net) }
}
