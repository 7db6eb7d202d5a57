/// Where and how often `fit` writes training checkpoints (`TrainingCheckpoint`).
public struct CheckpointPolicy {
  /// The file, replaced at each checkpoint (written durably: the old one or the new one
  /// survives a crash, never a torn one).
  public var path: String
  /// A checkpoint after every `every` epochs (counted as the uninterrupted fit counts them),
  /// and always after the last epoch or when training stops early.
  public var every: Int

  /// The file `checkpoint = true` writes: in `folder` (the working directory's `checkpoints`).
  public static let defaultFolder = "checkpoints"
  public static let defaultName = "checkpoint.safetensors"

  public init(path: String, every: Int = 1) {
    self.path = path
    self.every = every
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
