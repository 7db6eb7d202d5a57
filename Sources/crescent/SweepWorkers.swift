import Foundation
import RunStore
import Sweeps
import Tensors

/// `crescent sweep --workers K`: K worker processes (`crescent sweep --join STUDY --worker`),
/// each claiming trials in the study's store, while this process prints each trial as it
/// finishes. The workers have a process group of their own, so Ctrl-C reaches this process
/// alone, which then asks each worker once (SIGTERM) to stop cleanly.
struct SweepWorkers {
  let sweep: Sweep

  func run() throws -> SweepWorker.End {
    let study = sweep.study
    let options = sweep.options
    var words = ["sweep", "--join", study.spec.name, "--trials", "\(sweep.target)", "--worker"] + options.workerWords
    if let store = options.store { words += ["--store", store] } else { words += ["--store", options.runStorePath] }
    let environment = SweepWorkers.environment(ProcessInfo.processInfo.environment, workers: options.workers,
                                               cores: ProcessInfo.processInfo.activeProcessorCount)
    var children: [pid_t] = []
    for _ in 0..<options.workers {
      do { children.append(try SweepWorkers.spawn(words, environment: environment)) } catch {
        for c in children { kill(c, SIGTERM) }
        throw error
      }
    }
    var printed = Set(try sweep.store.trials(study: study.id).filter(\.state.isFinished).map(\.number))
    let runs = try? OpenRunStores.store(at: options.runStorePath)
    var stopping = false
    var alive = Set(children)
    func show() {
      guard let trials = try? sweep.store.trials(study: study.id) else { return }
      for t in trials where t.state.isFinished && !printed.contains(t.number) {
        printed.insert(t.number)
        let failure = t.state == .failed ? TrialFailure.reason(of: t, runs: runs, objective: study.spec.space.objective) : nil
        say(SweepProgress.line(t, failure: failure, space: study.spec.space, trials: trials))
      }
    }
    while !alive.isEmpty {
      for c in alive {
        var status: Int32 = 0
        if waitpid(c, &status, WNOHANG) == c { alive.remove(c) }
      }
      if SweepWorker.stopRequested && !stopping {
        stopping = true
        for c in alive { kill(c, SIGTERM) }
      }
      show()
      if !alive.isEmpty { Thread.sleep(forTimeInterval: 0.2) }
    }
    show()
    return stopping ? .interrupted : .studyDone
  }

  /// The environment of each of `workers` worker processes: this one's, with CRESCENT_THREADS
  /// set to the cores each worker gets (cores / workers, at least 1), so that workers training
  /// at once do not fight over the same cores. A CRESCENT_THREADS already set is kept.
  static func environment(_ base: [String: String], workers: Int, cores: Int) -> [String: String] {
    var environment = base
    if workers > 1, Parallel.threadsSetting(in: base) == nil { environment["CRESCENT_THREADS"] = "\(max(1, cores / workers))" }
    return environment
  }

  /// Starts `crescent <words>` in a process group of its own with `environment`, its standard
  /// output discarded (its trials' output is in the run store), its errors on this process's
  /// standard error.
  static func spawn(_ words: [String], environment: [String: String]) throws -> pid_t {
    let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
    // The worker gets no descriptor of this process beyond the standard three: an inherited
    // descriptor of the run store's file would let the worker's death release SQLite's locks
    // and damage the store.
    for fd in SweepWorkers.openDescriptors() where fd > STDERR_FILENO {
      posix_spawn_file_actions_addclose(&actions, fd)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + words).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in envp { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw SweepError("cannot start a worker process (\(executable)): \(String(cString: strerror(rc)))") }
    return pid
  }
}

extension SweepWorkers {
  /// This process's open file descriptors (Linux's /proc/self/fd; none known elsewhere).
  static func openDescriptors() -> [Int32] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
    // The listing's own descriptor is among the names, closed by the time the list is used.
    return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }.sorted()
  }
}

extension TrialFailure {
  /// Why a FAILED trial failed, from its run in the run store: the run's error, or the missing
  /// objective value of a run that completed.
  static func reason(of trial: TrialRecord, runs: RunStore?, objective: String) -> TrialFailure? {
    guard let id = trial.runID, let record = try? runs?.run(id: id) else { return nil }
    if record.status == .completed { return TrialFailure("the run left no value of '\(objective)'") }
    guard let error = record.error else { return TrialFailure("the run is \(record.status.rawValue)") }
    return TrialFailure(error.components(separatedBy: "\n").first ?? error)
  }
}
