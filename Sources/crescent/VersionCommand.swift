import ArgumentParser
import CKernels
import Foundation

struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Print Crescent's version and the kernel level (ISA) this machine runs.",
    discussion: "The kernel level is the best this CPU supports, lowered by CRESCENT_ISA=portable|avx2|avx512 when set. Attach this output to a bug report or a benchmark."
  )

  func run() throws {
    print("crescent \(Crescent.version)")
    let isa = String(cString: ck_isa_name(ck_active_isa()))
    let cap = ProcessInfo.processInfo.environment["CRESCENT_ISA"].map { " (CRESCENT_ISA=\($0))" } ?? ""
    print("kernels: \(isa)\(cap)")
  }
}
