import Catalog
import Foundation
import Testing
@testable import NN
import Tensors

/// What the layers know of activations comes from `Activation`: the option types, the alpha
/// documentation, and which activations a Dense layer keeps the pre-activation for.
struct ActivationDeclarationTests {
  func option(_ entry: Entry, _ name: String) throws -> Parameter {
    try #require(entry.options.first { $0.name == name } ?? entry.parameters.first { $0.name == name })
  }

  @Test func layerOptionsListEveryActivationAndEveryAlpha() throws {
    for entry in [Dense.entry, ActivationLayer.entry] {
      guard case .oneOf(let names) = try option(entry, "activation").type else { Issue.record("\(entry.name): activation is not one of names"); continue }
      #expect(names == Activation.allCases.map(\.rawValue) + ["swish"], "\(entry.name)")
      let alpha = try option(entry, "alpha").doc
      for a in Activation.allCases {
        if let role = a.alphaRole {
          #expect(alpha.contains("\(role) of \(a.rawValue) (\(a.defaultAlpha))"), "\(entry.name) alpha: \(alpha)")
        } else {
          #expect(!alpha.contains(" \(a.rawValue) "), "\(entry.name) alpha mentions \(a.rawValue): \(alpha)")
        }
      }
    }
  }

  /// Keeping z is needed where the kernel cannot work from y, and the only gradient kept for
  /// elu and softplus (whose backward from y loses accuracy near y's floor).
  @Test func backwardKeepsZWhereNeededOrMoreAccurate() {
    for a in Activation.allCases {
      if a.backwardNeedsZ { #expect(a.backwardKeepsZ, "\(a)") }
      if a.backwardNeedsY { #expect(!a.backwardKeepsZ, "\(a)") }
    }
    #expect(Activation.allCases.filter(\.backwardKeepsZ) == [.elu, .gelu, .softplus, .silu, .selu, .mish, .hard_sigmoid])
  }

  /// No NN source spells out a list of activation cases: a `case .relu, ...` or a
  /// `.leaky_relu` outside `Activation` is a second list.
  @Test func noLayerSourceListsActivations() throws {
    let nn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/NN").standardized
    let files = try #require(FileManager.default.enumerator(atPath: nn.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 20)
    for f in files {
      let text = try String(contentsOf: nn.appendingPathComponent(f), encoding: .utf8)
      for a in Activation.allCases where a != .linear && a != .sigmoid && a != .softmax {
        // a case of another enum with a payload (a schedule's `.exponential(gamma)`) is not one
        let listed = ["case .\(a.rawValue)", ", .\(a.rawValue)"].contains { p in [",", ":", " "].contains { text.contains(p + $0) } }
        #expect(!listed, "\(f) lists .\(a.rawValue)")
      }
    }
  }
}
