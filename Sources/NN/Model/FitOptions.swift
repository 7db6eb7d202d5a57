import Catalog
import Tensors

/// What `fit` was asked to do.
public struct FitOptions {
  public var batchSize = 32
  public var epochs = 1
  public var shuffle = true
  /// 0 silent, 1 a progress bar (one line per epoch when not on a terminal), 2 one line per epoch.
  public var verbose = 1
  public var validation: (x: Tensor, y: Tensor)? = nil
  /// Fraction of the samples, taken from the end before shuffling, held out for validation.
  public var validationSplit: Double = 0
  /// Per-sample weights (n).
  public var sampleWeights: Tensor? = nil
  /// Per-label weights (L): each label's column of the loss is scaled (class_weight).
  public var classWeights: [Float]? = nil
  public var initialEpoch = 0
  /// The prefix of this fit's series in the run's log (`"fold1/"`); nil: none for the run's
  /// first fit, `fit2/`, `fit3/`, ... for later ones (skipping prefixes the run already has).
  /// A prefix an earlier fit of the run used is an error.
  public var logPrefix: String? = nil
  /// Where the progress bar and the per-epoch lines go (the session's output).
  public var progress: OutputSink = .standardOutput
  /// The run that records each epoch's logs (the session's run log); nil: none.
  public var runLog: RunLog? = nil
  /// The sweep trial the run carries out (the session's): each epoch's value of its objective
  /// is reported, and a pruned trial stops the fit at the epoch's end; nil: none.
  public var trial: TrialReporter? = nil
  /// Where and how often training checkpoints are written; nil: none (ModelCheckpoint may
  /// still write them).
  public var checkpoint: CheckpointPolicy? = nil
  /// The training checkpoint this fit continues from; nil: a fresh start.
  public var resume: ResumeSource? = nil
  /// The session's random streams, whose positions a checkpoint keeps and a resumed fit
  /// takes up; nil: none.
  public var randomContext: RandomContext? = nil
  /// Called before each batch; throws to stop training (the session's deadline).
  public var checkLimits: () throws -> Void = {}
  public init() {}
}

/// Per-epoch records, by name (`loss`, `val_loss`, `f1_micro`, ...), in the order they appear.
public final class History {
  public private(set) var keys: [String] = []
  public private(set) var values: [String: [Double]] = [:]
  public private(set) var epochs: [Int] = []

  public init() {}

  /// Starts every planned series empty, so a fit stopped before its first epoch still has
  /// `loss` (an empty list).
  func plan(keys: [String]) {
    for k in keys where values[k] == nil { startSeries(k) }
  }

  private func startSeries(_ k: String) { keys.append(k); values[k] = [] }

  /// Takes up a checkpoint's history (a resumed fit's starts with the epochs before it).
  func restore(keys: [String], epochs: [Int], values: [String: [Double]]) {
    self.keys = keys
    self.epochs = epochs
    self.values = values
  }

  func record(epoch: Int, _ logs: Logs) {
    epochs.append(epoch)
    for (k, v) in logs.items {
      if values[k] == nil { keys.append(k) }
      values[k, default: []].append(v)
    }
  }
}

/// An ordered set of named numbers: what callbacks see at the end of an epoch or batch.
public struct Logs {
  public private(set) var items: [(key: String, value: Double)] = []
  public init() {}
  public subscript(key: String) -> Double? {
    get { items.first { $0.key == key }?.value }
    set {
      if let i = items.firstIndex(where: { $0.key == key }) {
        if let newValue { items[i].value = newValue } else { items.remove(at: i) }
      } else if let newValue { items.append((key, newValue)) }
    }
  }
}
