/// Chooses the parameters of a new trial from the trials so far.
///
/// Samplers are deterministic: the same space, history, trial number and seed give the same
/// parameters, so a study rerun from the same seed repeats itself.
public protocol Sampler: Sendable {
  /// The sampler's name as `--sampler` takes it (`grid`, `random`, `tpe`).
  var name: String { get }
  /// The values (internal form) of the active parameters of trial `number`, given every trial
  /// of the study so far (finished, running and pruned ones).
  func sample(space: SearchSpace, trials: [TrialRecord], number: Int) throws -> [String: Double]
  /// How many trials the sampler can make, when limited (a grid's size).
  func capacity(space: SearchSpace) -> Int?
}

extension Sampler {
  public func capacity(space: SearchSpace) -> Int? { nil }
}
