import Catalog

/// The hooks a callback written as a Lua table may define, declared once: fit accepts exactly
/// these names and calls each with these arguments; the reference and the editor type file
/// come from the same declarations.
extension CallbackLibrary {
  static let tableType = "CallbackTable"
  static let tableSummary = "A callback written in the script: a table of any of these functions, given in fit's callbacks (`{on_epoch_end = function(epoch, logs, model) ... end}`). A hook that returns false stops training. Other fields (`best = 1e9`) are the callback's own state; a name starting with on_ must be a hook. Hooks get no self: write `local cb; cb = {best = 1e9, on_epoch_end = function(epoch, logs) if logs.loss < cb.best then cb.best = logs.loss end end}`."

  static func hook(_ name: String, _ summary: String, _ parameters: [Parameter]) -> Entry {
    Entry(module: "callbacks", name: name, summary: summary, parameters: parameters,
          returns: [Returned(.bool, "false stops training; anything else continues")], methodOf: tableType, kind: .hook)
  }

  static let epochParameter = Parameter("epoch", .positiveInteger, "the epoch, counted from 1 (initial_epoch + 1 first when resuming)")
  static let modelParameter = Parameter("model", .object("Model"), "the model being trained")
  static let logsParameter = Parameter("logs", .record, "the epoch's values by name: loss, the compiled metrics, their val_ forms, and what earlier callbacks added")

  static let batchParameter = Parameter("batch", .positiveInteger, "the batch within the epoch, counted from 1")
  static let batchLogsParameter = Parameter("logs", .record, "the batch's values: {} before it, {loss =} after it")

  static var hookEntries: [Entry] {
    [
      hook("on_train_begin", "Called once before the first epoch (logs is {}).",
           [Parameter("logs", .record, "empty: nothing has been computed yet"), modelParameter]),
      hook("on_epoch_begin", "Called before each epoch (logs is {}).",
           [epochParameter, Parameter("logs", .record, "empty: the epoch has not run yet"), modelParameter]),
      hook("on_batch_begin", "Called before each batch's update.", [batchParameter, batchLogsParameter, modelParameter]),
      hook("on_batch_end", "Called after each batch's update.", [batchParameter, batchLogsParameter, modelParameter]),
      hook("on_epoch_end", "Called after each epoch, validation included.", [epochParameter, logsParameter, modelParameter]),
      hook("on_train_end", "Called once after the last epoch (also when a callback stopped training).",
           [Parameter("logs", .record, "the last epoch's values"), modelParameter]),
    ]
  }
}
