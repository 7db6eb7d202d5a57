/// One trial of a study, as plain data.
public struct ReportTrial: Sendable, Equatable {
  /// Where the trial is.
  public enum State: String, Sendable, Equatable, CaseIterable {
    case complete = "COMPLETE", pruned = "PRUNED", failed = "FAILED", running = "RUNNING", waiting = "WAITING"
  }

  /// 0, 1, 2, ... in the order the trials were created.
  public var number: Int
  public var state: State
  /// The objective value when complete (the last value reported, when pruned).
  public var value: Double?
  /// The values of the parameters it was active for, by parameter name: numbers as they are, a
  /// categorical parameter's as the option's index (the form a study keeps them in).
  public var params: [String: Double]
  /// The last step it reported a value at (where a pruned trial stopped).
  public var step: Int?
  /// The recorded run that carried it out.
  public var runID: String?

  public init(number: Int, state: State, value: Double? = nil, params: [String: Double], step: Int? = nil, runID: String? = nil) {
    self.number = number; self.state = state; self.value = value; self.params = params; self.step = step; self.runID = runID
  }
}
