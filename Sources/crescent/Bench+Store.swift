import ArgumentParser
import Foundation
import RunStore

/// The run store's speed: points written, a long series read back, runs listed.
struct StoreBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Time the run store: writing metric points, reading a series, listing runs; one line per measurement, ending seconds=<number>.",
    discussion: """
      Writes --points points through the recording path run:log takes (10 runs of 10 series, batched), \
      reads back one series of --series-points points, then lists a store of --runs runs (5 series \
      each) as `crescent runs` does. Everything goes into a temporary folder, removed at the end \
      (--keep keeps it and prints where).
      """
  )

  @Option(help: "Points written in the write benchmark.") var points: Int = 10_000_000
  @Option(help: "Points of the series read back.") var seriesPoints: Int = 1_000_000
  @Option(help: "Runs in the listing benchmark.") var runs: Int = 10_000
  @Flag(help: "Keep the temporary stores.") var keep = false

  func validate() throws {
    guard points >= 100, seriesPoints > 0, runs > 0 else {
      throw ValidationError("--points must be at least 100, --series-points and --runs positive")
    }
  }

  func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  }

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-store-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if !keep { try? FileManager.default.removeItem(at: folder) } else { print("stores kept in \(folder.path)") } }

    // Writing: 10 runs x 10 series, points interleaved across series as an epoch loop logs them.
    let write = try RunStore(path: folder.appendingPathComponent("write.db").path)
    let perRun = points / 10, perSeries = perRun / 10
    let t = try seconds {
      for r in 0..<10 {
        let rec = try RunRecording(store: write, start: RunStart(experiment: "bench\(r)"))
        for step in 0..<perSeries {
          for s in 0..<10 { rec.log("series\(s)", Double(step) * 0.001 + Double(s), step: step) }
        }
        try rec.finish(.completed)
      }
    }
    let written = perSeries * 100
    print("store write points=\(written) points_per_sec=\(String(format: "%.0f", Double(written) / t)) seconds=\(String(format: "%.2f", t))")

    // Reading one long series.
    let readStore = try RunStore(path: folder.appendingPathComponent("read.db").path)
    let long = try RunRecording(store: readStore, start: RunStart(experiment: "long"))
    for i in 0..<seriesPoints { long.log("val_loss", 1 / Double(i + 1), step: i) }
    try long.finish(.completed)
    var count = 0
    let tr = try (0..<3).map { _ in try seconds { count = try readStore.series(run: long.runID, key: "val_loss").count } }.min()!
    print("store read series_points=\(count) seconds=\(String(format: "%.3f", tr))")

    // Listing many runs.
    let list = try RunStore(path: folder.appendingPathComponent("list.db").path)
    for r in 0..<runs {
      let rec = try RunRecording(store: list, start: RunStart(experiment: "sweep", seed: UInt64(r), configJSON: #"{"lr":\#(Double(r % 10) / 1000),"seed":\#(r)}"#))
      for s in ["loss", "val_loss", "acc", "val_acc", "f1"] { rec.log(s, Double(r % 97) / 97, step: 1) }
      try rec.finish(.completed)
    }
    var text = ""
    let tl = try (0..<3).map { _ in try seconds { text = RunTable.render(try list.runs()) } }.min()!
    let lines = text.split(separator: "\n").count - 1
    print("store list runs=\(lines) seconds=\(String(format: "%.3f", tl))")
  }
}
