import Foundation
import Tensors

/// PyTorch's values for embeddings, global pooling and sparse updates (from
/// tests/python/make_embedding.py), read once.
enum EmbeddingReference {
  nonisolated(unsafe) static let json: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/embedding.json")
    return try! JSONSerialization.jsonObject(with: try! Data(contentsOf: url)) as! [String: Any]
  }()

  static func node(_ path: String...) -> Any {
    var node: Any = json
    for key in path { node = (node as! [String: Any])[key]! }
    return node
  }

  /// A `{"shape", "data"}` node as a tensor.
  static func tensor(_ node: Any) -> Tensor {
    let d = node as! [String: Any]
    return Tensor(shape: d["shape"] as! [Int], scalars: (d["data"] as! [Double]).map(Float.init))
  }

  static func tensor(_ path: String...) -> Tensor {
    var node: Any = json
    for key in path { node = (node as! [String: Any])[key]! }
    return tensor(node)
  }
}
