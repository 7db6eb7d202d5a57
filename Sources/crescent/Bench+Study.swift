import ArgumentParser
import Foundation
import RunStore
import Sweeps

/// What a sweep costs per trial apart from the training itself, on the SQLite study store.
struct StudyBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Time a sweep's own work per trial on the SQLite study store; one line per measurement, ending seconds=<number>.",
    discussion: """
      Runs --trials trivial trials of one study in a new store: each is claimed (its parameters \
      drawn by the random sampler, seeing every trial so far), recorded as a run linked to the \
      trial, reports --steps intermediate values (logged to the run too) and finishes. With \
      --workers N, N processes share the study, each with its own connection, and the trials \
      each claimed are checked: every trial number made and claimed once (claimed_once=true). \
      Everything goes into a temporary folder, removed at the end.
      """
  )

  @Option(help: "Trials in the study.") var trials: Int = 1000
  @Option(help: "Intermediate values each trial reports.") var steps: Int = 10
  @Option(help: "Worker processes sharing the study.") var workers: Int = 1
  /// A worker process's store and study id (`path#id`): it claims until the study is done and
  /// prints the numbers of the trials it claimed.
  @Option(help: .hidden) var workerOf: String?

  func validate() throws {
    guard trials > 0, steps >= 0, workers >= 1 else {
      throw ValidationError("--trials and --workers must be positive, --steps at least 0")
    }
  }

  static let space = SearchSpace(parameters: [
    SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 0.1)),
    SweepParameter(key: "hidden", distribution: .choice([.integer(128), .integer(256), .integer(512)])),
    SweepParameter(key: "dropout", distribution: .uniform(low: 0, high: 0.5, step: nil)),
  ], objective: "val_loss", direction: .minimize)

  func run() throws {
    if let workerOf {
      guard let hash = workerOf.lastIndex(of: "#"), let id = Int64(workerOf[workerOf.index(after: hash)...]) else {
        throw ValidationError("--worker-of expects <store path>#<study id>")
      }
      for n in try work(path: String(workerOf[..<hash]), study: id, worker: "bench:\(getpid())") { print(n) }
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-study-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("crescent.db").path
    let store = try SQLiteStudyStore(path: path)
    let study = try store.open(StudySpec(name: "bench", experiment: "bench", script: "bench.lua", with: [], space: StudyBench.space,
                                         sampler: "random", pruner: "none", seed: 1))
    let t0 = DispatchTime.now().uptimeNanoseconds
    var claimed: [Int]
    if workers == 1 {
      claimed = try work(path: path, study: study.id, worker: "bench:\(getpid())")
    } else {
      claimed = try spawn(path: path, study: study.id)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    let done = try store.trials(study: study.id)
    let once = claimed.sorted() == Array(0..<trials) && done.count == trials && done.allSatisfy { $0.state == .complete }
    print("study trials=\(trials) steps=\(steps) workers=\(workers) claimed_once=\(once) "
          + "ms_per_trial=\(String(format: "%.2f", seconds * 1000 / Double(trials))) seconds=\(String(format: "%.2f", seconds))")
    if !once { throw ExitCode(1) }
  }

  /// Claims trials until there are none left, carrying each out as a recorded run; returns
  /// the numbers claimed.
  func work(path: String, study id: Int64, worker: String) throws -> [Int] {
    let store = try SQLiteStudyStore(path: path)
    let sampler = try Samplers.named("random", seed: 1)
    var claimed: [Int] = []
    while let trial = try store.claim(study: id, worker: worker, target: trials, staleAfter: 600, sample: { all, number in
      try sampler.sample(space: StudyBench.space, trials: all, number: number)
    }) {
      claimed.append(trial.number)
      let run = try RunRecording(store: store.store, start: RunStart(experiment: "bench", seed: UInt64(trial.number)))
      try store.heartbeat(study: id, trial: trial.number, runID: run.runID)
      var value = 1.0
      for step in 0..<steps {
        value = (trial.params["dropout"] ?? 0) + 1 / Double(step + 1)
        run.log("val_loss", value, step: step)
        try store.report(study: id, trial: trial.number, step: step, value: value)
      }
      try run.finish(.completed)
      try store.finish(study: id, trial: trial.number, state: .complete, value: value)
    }
    return claimed
  }

  /// Starts `workers` processes of this program on the study and gathers what they claimed.
  func spawn(path: String, study id: Int64) throws -> [Int] {
    let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var running: [(Process, Pipe)] = []
    for _ in 0..<workers {
      let p = Process()
      p.executableURL = me
      p.arguments = ["bench", "study", "--trials", "\(trials)", "--steps", "\(steps)", "--worker-of", "\(path)#\(id)"]
      let out = Pipe()
      p.standardOutput = out
      try p.run()
      running.append((p, out))
    }
    var claimed: [Int] = []
    for (p, out) in running {
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      guard p.terminationStatus == 0 else { throw ValidationError("a worker process failed (exit status \(p.terminationStatus))") }
      claimed += text.split(separator: "\n").compactMap { Int($0) }
    }
    return claimed
  }
}
