/// What a fit is about to do, given to every callback before training starts (`willTrain`),
/// so a callback can pick up where a resumed fit starts and refuse a setting that would fail
/// later.
public struct FitPlan {
  /// The first epoch this fit trains, counted from 0 (fit's `initial_epoch`).
  public var initialEpoch: Int
  /// The epoch count the fit stops at (fit's `epochs`, which counts the resumed ones too).
  public var epochs: Int
  /// Batches per epoch.
  public var stepsPerEpoch: Int
  /// The names every epoch's logs will hold: the loss, the metrics, their `val_` forms and
  /// what callbacks declare they add.
  public var logKeys: [String]
  /// Whether a callback may add names nobody can know before training (a script's
  /// `on_epoch_end` hook): then an unknown name is checked at the end of each epoch instead.
  public var openLogKeys: Bool
  /// Whether the fit continues from a training checkpoint (callbacks take up its state after
  /// `onTrainBegin`).
  public var resumed: Bool

  public init(initialEpoch: Int = 0, epochs: Int = 1, stepsPerEpoch: Int = 1, logKeys: [String] = ["loss"],
              openLogKeys: Bool = false, resumed: Bool = false) {
    self.initialEpoch = initialEpoch
    self.epochs = epochs
    self.stepsPerEpoch = stepsPerEpoch
    self.logKeys = logKeys
    self.openLogKeys = openLogKeys
    self.resumed = resumed
  }

  /// The steps (batches) run before this fit's first one, as an uninterrupted run counts them.
  public var firstStep: Int { initialEpoch * stepsPerEpoch }
  /// The step count at the end of this fit.
  public var lastStep: Int { epochs * stepsPerEpoch }

  /// Whether `key` can be in the logs: planned, or possibly added by a script's hook.
  public func mayLog(_ key: String) -> Bool { logKeys.contains(key) || openLogKeys }

  /// Refuses, before training, a monitored quantity that cannot appear in the logs.
  func checkMonitor(_ callback: String, _ monitor: String) throws {
    guard !mayLog(monitor) else { return }
    let hint = monitor.hasPrefix("val_") && !logKeys.contains(where: { $0.hasPrefix("val_") })
      ? " (val_ names need validation_data or validation_split)" : ""
    throw LayerError("\(callback): monitor '\(monitor)' will not be in the logs\(hint); logged: \(logKeys.joined(separator: ", "))")
  }
}
