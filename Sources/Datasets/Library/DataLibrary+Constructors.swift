import Catalog
import Tensors

extension DataLibrary {
  static var constructors: [Entry] {
    [
      entry("Dataset", "A dataset from tensors: `data.Dataset{x = xs, y = ys, feature_names = {...}, label_names = {...}}`, so scaled or computed data splits, saves and trains as a loaded one does.",
            options: [
              Parameter("x", .tensor, "features, n x d"),
              Parameter("y", .tensor, "labels, n x L: 0/1 columns, or n x 1 class indices 1, 2, ... (other values are refused)"),
              Parameter("feature_names", .list(.string), "one name per feature column (default x1, x2, ...)", optional: true),
              Parameter("label_names", .list(.string), "one name per label column (default y1, y2, ...)", optional: true),
              Parameter("name", .string, "how summaries name it", default: .string("")),
            ],
            returns: returnsDataset) { args in
        let x = args.tensor("x"), y = args.tensor("y")
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
        func names(_ option: String, _ columns: Int) throws -> [String]? {
          guard args.has(option) else { return nil }
          let given = args.list(option).map { v -> String in if case .string(let s) = v { return s }; return "" }
          guard given.count == columns else {
            throw CatalogError("option '\(option)' has \(given.count) names for \(columns) columns")
          }
          return given
        }
        return [.object(try Dataset(x: x, y: y, featureNames: try names("feature_names", x.shape[1]),
                                    labelNames: try names("label_names", y.shape[1]), name: args.string("name")))]
      },
    ]
  }
}
