import Foundation
import Tensors

/// PyTorch's reference values (a copy of the shared nn.json), read once.
enum Reference {
  // Read once and never changed; `Any` (the JSON tree) is what keeps it from being Sendable.
  nonisolated(unsafe) static let json: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/nn.json")
    let data = try! Data(contentsOf: url)
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
  }()

  /// The activations added after nn.json (Tests/TensorsTests/Fixtures/activations.json, from
  /// tests/python/make_activations.py), on nn.json's dense inputs.
  nonisolated(unsafe) static let addedActivations: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../TensorsTests/Fixtures/activations.json")
    let root = try! JSONSerialization.jsonObject(with: try! Data(contentsOf: url)) as! [String: Any]
    return root["dense"] as! [String: Any]
  }()

  /// PyTorch's Dense outputs and gradients through `activation` (silu is nn.json's swish).
  static func denseActivation(_ activation: String) -> [String: Any] {
    let old = (section("dense", "activations") as! [String: Any])
    return (old[activation] ?? addedActivations[activation] ?? old[activation == "silu" ? "swish" : activation]!) as! [String: Any]
  }

  static func section(_ path: String...) -> Any {
    var node: Any = json
    for key in path { node = (node as! [String: Any])[key]! }
    return node
  }

  /// A nested list of numbers as a tensor.
  static func tensor(_ node: Any) -> Tensor {
    if let rows = node as? [[Double]] {
      return Tensor(shape: [rows.count, rows.first?.count ?? 0], scalars: rows.flatMap { $0.map(Float.init) })
    }
    let flat = (node as! [Double]).map(Float.init)
    return Tensor(shape: [flat.count], scalars: flat)
  }
}

/// |a - b| <= tol * max(|b|, floor) for every element.
func close(_ a: Tensor, _ b: Tensor, rel: Float, floor: Float = 1e-3) -> Bool {
  guard a.shape == b.shape else { return false }
  return zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= rel * max(abs($1), floor) }
}

func maxRelativeError(_ a: Tensor, _ b: Tensor, floor: Float = 1e-3) -> Float {
  zip(a.scalars, b.scalars).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
}
