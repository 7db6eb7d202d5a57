/// Everything a study's report shows, as plain data: what it searched for, over which
/// parameters, and its trials.
public struct ReportStudy: Sendable, Equatable {
  /// Whether the study looks for the smallest or the largest objective value.
  public enum Direction: String, Sendable, Equatable {
    case minimize, maximize

    /// Whether `a` is better than `b`.
    public func better(_ a: Double, than b: Double) -> Bool { self == .minimize ? a < b : a > b }
  }

  public var name: String
  /// The experiment the trials run (its name in the script), when known.
  public var experiment: String?
  /// The metric the study optimises (`val_f1_micro`).
  public var objective: String
  public var direction: Direction
  /// `grid`, `random`, `tpe`; `none`, `median`, `asha`.
  public var sampler: String
  public var pruner: String
  public var parameters: [ReportParameter]
  public var trials: [ReportTrial]

  public init(name: String, experiment: String? = nil, objective: String, direction: Direction, sampler: String,
              pruner: String, parameters: [ReportParameter], trials: [ReportTrial]) {
    self.name = name; self.experiment = experiment; self.objective = objective; self.direction = direction
    self.sampler = sampler; self.pruner = pruner; self.parameters = parameters; self.trials = trials
  }
}
