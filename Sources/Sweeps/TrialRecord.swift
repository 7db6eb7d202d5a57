/// One trial of a study as a store keeps it.
public struct TrialRecord: Sendable, Equatable {
  /// 0, 1, 2, ... in the order trials were created; a sampler's seed for the trial derives from it.
  public var number: Int
  public var state: TrialState
  /// The active parameters' values in their internal form (`Distribution.internal`): numbers
  /// as they are, log ranges as the value itself, choices as the option's index.
  public var params: [String: Double]
  /// The objective value, when complete (or the last reported value, when pruned).
  public var value: Double?
  /// Values reported while the trial ran (`run:report`, fit's epochs), by step.
  public var intermediate: [Int: Double]
  /// The recorded run that carries the trial out, once it started.
  public var runID: String?
  /// Who claimed it (host and process id) and when it last said it was alive (seconds since 1970).
  public var worker: String?
  public var heartbeat: Double?

  public init(number: Int, state: TrialState, params: [String: Double], value: Double? = nil,
              intermediate: [Int: Double] = [:], runID: String? = nil, worker: String? = nil, heartbeat: Double? = nil) {
    self.number = number
    self.state = state
    self.params = params
    self.value = value
    self.intermediate = intermediate
    self.runID = runID
    self.worker = worker
    self.heartbeat = heartbeat
  }

  /// The last step a value was reported at.
  public var lastStep: Int? { intermediate.keys.max() }
}
