import Catalog
import Tensors

extension Dataset: CatalogObject {
  public static var typeName: String { "Dataset" }

  public static var properties: [Property] {
    [
      Property("x", .tensor, "features, n x d"),
      Property("y", .tensor, "labels, n x L (0/1), or n x 1 class indices"),
      Property("feature_names", .list(.string), "one name per feature column"),
      Property("label_names", .list(.string), "one name per label column"),
      Property("n", .integer, "number of examples"),
      Property("n_features", .integer, "number of feature columns"),
      Property("n_labels", .integer, "number of label columns"),
      Property("name", .string, "where it came from (a file name, \"synthetic\", \"digits\")"),
    ]
  }

  public func property(_ name: String) -> Value? {
    switch name {
    case "x": return .tensor(x)
    case "y": return .tensor(y)
    case "feature_names": return DataLibrary.strings(featureNames)
    case "label_names": return DataLibrary.strings(labelNames)
    case "n": return .integer(count)
    case "n_features": return .integer(featureCount)
    case "n_labels": return .integer(labelCount)
    case "name": return .string(self.name)
    default: return nil
    }
  }
}
