import Catalog
import Tensors

extension DataLibrary {
  static var constructors: [Entry] {
    [
      entry("Dataset", "A dataset from tensors: `data.Dataset{x = xs, y = ys, feature_names = {...}, label_names = {...}}`, so scaled or computed data splits, saves and trains as a loaded one does.",
            returns: returnsDataset) { d in
        let xArg = d.requiredOption("x", Tensor.self, "features, n x d")
        let yArg = d.requiredOption("y", Tensor.self, "labels, n x L: 0/1 columns, or n x 1 class indices 1, 2, ... (other values are refused)")
        let featureNames = d.option("feature_names", [String].self, "one name per feature column (default x1, x2, ...)")
        let labelNames = d.option("label_names", [String].self, "one name per label column (default y1, y2, ...)")
        let name = d.option("name", String.self, "how summaries name it", default: "")
        return { args in
          let x = try args[xArg], y = try args[yArg]
          guard x.rank == 2 else {
            throw CatalogError("option 'x' must be an n x d matrix, got a \(describeShape(x.shape)) tensor")
          }
          guard y.rank == 2 else {
            let hint = y.rank == 1 ? " (a vector of class indices: y:reshape(\(y.shape[0]), 1))" : ""
            throw CatalogError("option 'y' must be an n x L matrix, got a \(describeShape(y.shape)) tensor\(hint)")
          }
          guard x.rows == y.rows else {
            throw CatalogError("'x' has \(x.rows) rows but 'y' has \(y.rows); they must have one row per example")
          }
          do { try LabelCheck.validate(y) } catch let e as DataError { throw CatalogError("option \(e.message)") }
          func names(_ option: Arg<[String]?>, _ columns: Int) throws -> [String]? {
            guard let given = try args[option] else { return nil }
            guard given.count == columns else {
              throw CatalogError("option '\(option.name)' has \(given.count) names for \(columns) columns")
            }
            return given
          }
          return [.object(try Dataset(x: x, y: y, featureNames: try names(featureNames, x.shape[1]),
                                      labelNames: try names(labelNames, y.shape[1]), name: try args[name]))]
        }
      },
    ]
  }
}
