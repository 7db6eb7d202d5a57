import Foundation

/// What is known of a run when it starts: where it ran, from what script, with what settings.
public struct RunStart {
  public var experiment: String
  public var host: HostInfo
  public var seed: UInt64?
  /// The full config as JSON text (nil for a plain script).
  public var configJSON: String?
  /// The overridden keys and the values given, as a JSON object (named configs under "with").
  public var overridesJSON: String?
  public var script: String?
  public var source: String?
  /// The recipes the script required: name -> sha256 of their source, as a JSON object.
  public var recipesJSON: String?
  /// The runs folder: the run's artifacts go to `<runs folder>/<id>/`.
  public var runsDirectory: String?

  public init(experiment: String, host: HostInfo = .current(), seed: UInt64? = nil, configJSON: String? = nil,
              overridesJSON: String? = nil, script: String? = nil, source: String? = nil,
              recipesJSON: String? = nil, runsDirectory: String? = nil) {
    self.experiment = experiment
    self.host = host
    self.seed = seed
    self.configJSON = configJSON
    self.overridesJSON = overridesJSON
    self.script = script
    self.source = source
    self.recipesJSON = recipesJSON
    self.runsDirectory = runsDirectory
  }
}

/// How a run ended.
public enum RunStatus: String, CaseIterable, Sendable {
  case running = "RUNNING", completed = "COMPLETED", failed = "FAILED", interrupted = "INTERRUPTED"
  /// A sweep's trial the pruner stopped: it ended early, by design, at the step it reached.
  case pruned = "PRUNED"
  /// Not stored: a RUNNING run whose heartbeat is stale (its process is gone).
  case dead = "DEAD"
}
