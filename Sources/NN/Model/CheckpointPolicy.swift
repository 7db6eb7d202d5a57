/// Where and how often `fit` writes training checkpoints (`TrainingCheckpoint`).
public struct CheckpointPolicy {
  /// The file, replaced at each checkpoint (written durably: the old one or the new one
  /// survives a crash, never a torn one).
  public var path: String
  /// A checkpoint after every `every` epochs (counted as the uninterrupted fit counts them),
  /// and always after the last epoch or when training stops early.
  public var every: Int

  /// Where `checkpoint = true` writes: the working directory's `checkpoints` folder.
  public static let defaultFolder = "checkpoints"
  public static let defaultName = "checkpoint.safetensors"

  /// Set when the file was not named: the folder it goes in, where each of a run's fits
  /// has its own file, named after the fit's series in the run's log.
  public var folder: String?

  public init(path: String, every: Int = 1) {
    self.path = path
    self.every = every
  }

  /// Checkpoints in `folder`: `checkpoint.safetensors` for a run's first fit (or a fit outside
  /// a recorded run), `fit2.safetensors`, `fold1.safetensors`... for the fit whose series in the
  /// run's log are `fit2/...`, `fold1/...`.
  public init(folder: String, every: Int = 1) {
    self.path = folder + "/" + Self.defaultName
    self.every = every
    self.folder = folder
  }

  /// The policy with the file named for a fit whose series take `seriesPrefix`.
  func resolved(seriesPrefix: String) -> CheckpointPolicy {
    guard let folder, !seriesPrefix.isEmpty else { return self }
    var name = seriesPrefix
    while name.hasSuffix("/") { name.removeLast() }
    guard !name.isEmpty else { return self }
    var policy = self
    policy.path = folder + "/" + name + ".safetensors"
    return policy
  }

  /// Whether the checkpoint is written after `completed` epochs of a fit of `epochs`.
  func due(completed: Int, epochs: Int, stopped: Bool) -> Bool {
    completed % max(every, 1) == 0 || completed >= epochs || stopped
  }
}

/// The checkpoint a fit continues from.
public enum ResumeSource {
  /// This file, which must exist.
  case file(String)
  /// The fit's own checkpoint file (`FitOptions.checkpoint`) when it exists, else a fresh start
  /// (Keras's BackupAndRestore: the same script run again after a crash carries on).
  case checkpointIfPresent
}
