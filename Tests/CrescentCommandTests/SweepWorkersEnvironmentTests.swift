import Testing
@testable import crescent

/// The environment `crescent sweep --workers K` gives its worker processes: each one's kernels
/// get its share of the cores, so K workers training at once do not fight over them.
struct SweepWorkersEnvironmentTests {
  @Test func eachOfSeveralWorkersGetsItsShareOfTheCores() {
    let base = ["HOME": "/home/x", "PATH": "/usr/bin"]
    #expect(SweepWorkers.environment(base, workers: 2, cores: 2) == base.merging(["CRESCENT_THREADS": "1"]) { $1 })
    #expect(SweepWorkers.environment(base, workers: 2, cores: 8)["CRESCENT_THREADS"] == "4")
    #expect(SweepWorkers.environment(base, workers: 3, cores: 8)["CRESCENT_THREADS"] == "2")
    // More workers than cores: one thread each, never none.
    #expect(SweepWorkers.environment(base, workers: 4, cores: 2)["CRESCENT_THREADS"] == "1")
  }

  @Test func oneWorkerOrAThreadCountAlreadyGivenIsLeftAsItIs() {
    let base = ["PATH": "/usr/bin"]
    #expect(SweepWorkers.environment(base, workers: 1, cores: 2) == base)
    let given = ["CRESCENT_THREADS": "2"]
    #expect(SweepWorkers.environment(given, workers: 2, cores: 2) == given)
    // A value Crescent does not take (not a positive count) is replaced by the share.
    #expect(SweepWorkers.environment(["CRESCENT_THREADS": "0"], workers: 2, cores: 4)["CRESCENT_THREADS"] == "2")
    #expect(SweepWorkers.environment(["CRESCENT_THREADS": "all"], workers: 2, cores: 4)["CRESCENT_THREADS"] == "2")
  }
}
