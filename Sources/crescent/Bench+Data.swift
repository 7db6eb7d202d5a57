import ArgumentParser
import Datasets
import Foundation
import Tensors

struct DataBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Time the data loaders and splits; one line per measurement, ending seconds=<number>.",
    discussion: "The MULAN loads need CRESCENT_DATA (the shared datasets folder); they are skipped, with a note, when it is unset."
  )

  @Option(help: "Examples in the stratification benchmark.") var examples: Int = 100_000
  @Option(help: "Labels in the stratification benchmark.") var labels: Int = 100
  @Option(help: "Repetitions; the best time is printed.") var repeats: Int = 3

  func validate() throws {
    guard examples > 0, labels > 0, repeats > 0 else { throw ValidationError("--examples, --labels and --repeats must be positive") }
    guard Tensor.elementCount([examples, labels]) != nil else {
      throw ValidationError("--examples x --labels must be at most \(Tensor.maxElements), got \(examples) x \(labels)")
    }
  }

  func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    func once(_ body: () throws -> T) rethrows -> (T, Double) {
      let start = DispatchTime.now().uptimeNanoseconds
      let result = try body()
      return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    var (result, best) = try once(body)
    for _ in 1..<max(1, repeats) {
      let (r, t) = try once(body)
      result = r
      best = min(best, t)
    }
    return (result, best)
  }

  func run() throws {
    let (digits, dt) = try time { try Digits.load() }
    print("data digits rows=\(digits.count) seconds=\(String(format: "%.4f", dt))")
    if let root = ProcessInfo.processInfo.environment[MulanLoader.environmentKey], !root.isEmpty {
      for name in ["scene", "yeast", "emotions", "medical", "enron"] {
        let ((train, test), t) = try time { try MulanLoader.load(name, root: root) }
        let bytes = ["train", "test"].compactMap { try? FileManager.default.attributesOfItem(atPath: "\(root)/\(name)/\(name)-\($0).arff")[.size] as? Int }.reduce(0, +)
        print("data load_mulan name=\(name) rows=\(train.count + test.count) mb=\(String(format: "%.2f", Double(bytes) / 1e6)) seconds=\(String(format: "%.4f", t))")
      }
    } else {
      print("# CRESCENT_DATA is not set: skipping the MULAN loads")
    }
    // Labels with frequencies spread from 0.1% to 30%.
    var s = RandomStream(seed: 1)
    var y = Tensor(shape: [examples, labels])
    y.withUnsafeMutableBufferPointer { p in
      for l in 0..<labels {
        let f = 0.001 + 0.3 * Double(l) / Double(max(1, labels - 1))
        for e in 0..<examples where s.uniformDouble() < f { p[e * labels + l] = 1 }
      }
    }
    let (_, st) = try time {
      var r = RandomStream(seed: 2)
      return try IterativeStratification.assign(labels: y, proportions: [0.75, 0.25], stream: &r)
    }
    print("data iterative_stratification examples=\(examples) labels=\(labels) seconds=\(String(format: "%.4f", st))")
    let ds = try Dataset(x: Tensor(shape: [examples, 1]), y: y)
    let (_, kt) = try time {
      var r = RandomStream(seed: 3)
      return try Splitter.folds(ds, k: 5, stratify: .iterative, stream: &r)
    }
    print("data kfold k=5 examples=\(examples) labels=\(labels) seconds=\(String(format: "%.4f", kt))")
  }
}
