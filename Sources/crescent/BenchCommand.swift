import ArgumentParser
import CKernels
import Foundation
import Tensors

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Benchmarks of the native kernels (run a release build).",
    subcommands: [GemmBench.self, TrainBench.self, MetricsBench.self, DataBench.self, StoreBench.self, StudyBench.self, BridgeBench.self, SweepBench.self]
  )
}

struct GemmBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gemm",
    abstract: "Time the float32 matrix product; one line per shape, ending gflops=<number>.",
    discussion: """
      Without --shape, runs the training shapes of the reference network (768 → 2048 → 2048 → 1001, \
      batch 128): the forward products (NN), the weight gradients Xᵀ·dZ (TN) and the input gradients \
      dZ·Wᵀ (NT), then 2048³.
      """
  )

  /// The reference network's products: MxKxN and which operand is stored transposed.
  static let trainingShapes: [(String, String)] = [
    ("128x768x2048", "NN"), ("128x2048x2048", "NN"), ("128x2048x1001", "NN"),
    ("768x128x2048", "TN"), ("2048x128x2048", "TN"), ("2048x128x1001", "TN"),
    ("128x2048x768", "NT"), ("128x2048x2048", "NT"), ("128x1001x2048", "NT"),
    ("2048x2048x2048", "NN"),
  ]

  @Option(help: "MxKxN: op(A) is MxK, op(B) is KxN.") var shape: String?
  @Option(help: "Operand layouts: NN, TN (A stored KxM), NT (B stored NxK) or TT.") var op: String = "NN"
  @Option(help: "Threads to use (default: all cores).") var threads: Int?

  func run() throws {
    let t = threads ?? Parallel.hardwareThreads
    guard t >= 1 else { throw ValidationError("--threads must be at least 1") }
    let jobs = shape.map { [($0, op)] } ?? GemmBench.trainingShapes
    for (s, o) in jobs {
      let dims = s.lowercased().split(separator: "x").compactMap { Int($0) }
      guard dims.count == 3, dims.allSatisfy({ $0 > 0 }) else {
        throw ValidationError("--shape expects MxKxN with positive sizes, got '\(s)'")
      }
      guard [[dims[0], dims[1]], [dims[1], dims[2]], [dims[0], dims[2]]].allSatisfy({ Tensor.elementCount($0) != nil }) else {
        throw ValidationError("--shape \(s) makes a matrix of more than \(Tensor.maxElements) values")
      }
      guard ["NN", "TN", "NT", "TT"].contains(o.uppercased()) else {
        throw ValidationError("--op expects NN, TN, NT or TT, got '\(o)'")
      }
      let ta = o.uppercased().hasPrefix("T"), tb = o.uppercased().hasSuffix("T")
      let r = GemmBenchmark.run(m: dims[0], k: dims[1], n: dims[2], transposeA: ta, transposeB: tb, threads: t)
      let isa = String(cString: ck_isa_name(ck_active_isa()))
      print("gemm shape=\(s) op=\(o.uppercased()) threads=\(t) isa=\(isa) ms=\(String(format: "%.3f", r.seconds * 1000)) gflops=\(String(format: "%.1f", r.gflops))")
    }
  }
}
