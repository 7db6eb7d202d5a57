/// What defines a study: its name, the script and the fixed settings every trial runs with, the
/// search space, the sampler and pruner, the seed. Rerunning the same sweep finds the study by
/// name and continues it; a different space under the same name is refused.
public struct StudySpec: Sendable, Equatable {
  public var name: String
  /// The experiment's name (`experiment "yeast-mlp"`).
  public var experiment: String
  /// The script's path, as given, and the named configs and fixed overrides every trial applies
  /// (`with small epochs=10`), as `with` words.
  public var script: String
  public var with: [String]
  public var space: SearchSpace
  /// `grid`, `random` or `tpe`; `none`, `median` or `asha`.
  public var sampler: String
  public var pruner: String
  public var seed: UInt64

  public init(name: String, experiment: String, script: String, with: [String], space: SearchSpace,
              sampler: String, pruner: String, seed: UInt64) {
    self.name = name
    self.experiment = experiment
    self.script = script
    self.with = with
    self.space = space
    self.sampler = sampler
    self.pruner = pruner
    self.seed = seed
  }
}

/// A study as a store holds it.
public struct StudyInfo: Sendable, Equatable {
  /// The store's id for it.
  public var id: Int64
  public var spec: StudySpec
  /// When it was created (seconds since 1970).
  public var created: Double

  public init(id: Int64, spec: StudySpec, created: Double) {
    self.id = id
    self.spec = spec
    self.created = created
  }
}
