import Foundation
import Tensors

/// Everything one run may change, created by the host for each run (a script under `crescent
/// run`, each spec file under `crescent test`, the REPL, a test) and handed down explicitly:
/// entry bodies reach it through their `Arguments`, fit through its options. Two sessions in
/// one process share nothing mutable.
public final class Session {
  /// The functions scripts see, with what plugins added to them (entries, losses, metrics).
  public let catalog: Catalog
  /// The random streams of everything that asks for randomness without a seed of its own.
  /// A host replaces it when the run's final seed is known (an experiment's config).
  public var random: RandomContext
  /// Where the run's text goes: `print`, training progress.
  public let output: OutputSink
  /// The run being recorded (fit's per-epoch logs go to it); nil when none is.
  public var runLog: RunLog?

  /// When the run must stop (monotonic seconds, `Session.now()`); nil: no limit. Native work
  /// that can take long (fit per batch, loaders, generators, model construction) calls
  /// `checkDeadline()`.
  public var deadline: Double?
  /// Whether the host has been asked to stop the run (Ctrl-C, SIGTERM); `checkDeadline()`
  /// consults it, so long native work stops at its next check. nil: never.
  public var interruption: (() -> Bool)?
  /// The bytes the run may hold (the host's interpreter's and tensors'); nil: no limit. The host
  /// makes it `MemoryBudget.current` while the run's native code works.
  public var memoryBudget: MemoryBudget?
  /// The files the run may read and write: the host binds it as `FilePolicy.current` for each
  /// call from the script, so every reader and writer checks its paths against it.
  public var files: FilePolicy = .unrestricted
  /// Where the run is recorded (its metrics, artifacts and info); nil: the run is not recorded.
  public var runStore: RunRecorder?
  /// Where `fit{checkpoint = true}` writes: a recorded run's own `runs/<id>/checkpoints`; nil:
  /// the working directory's `checkpoints`.
  public var checkpointFolder: String?
  /// Whether the run continues an earlier one (`crescent resume`): then every fit that
  /// checkpoints continues from its checkpoint file when there is one.
  public var resuming = false
  /// The sweep trial the run carries out (intermediate values, pruning); nil outside a sweep.
  public var trial: TrialReporter?

  /// A session over `catalog`; without a seed, its random streams start from a fresh random root.
  public init(catalog: Catalog, seed: UInt64? = nil, output: OutputSink = .standardOutput) {
    self.catalog = catalog
    self.random = RandomContext(rootSeed: seed ?? UInt64.random(in: 0..<(1 << 53)))
    self.output = output
  }
}
