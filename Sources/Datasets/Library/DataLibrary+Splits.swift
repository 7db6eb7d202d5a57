import Catalog
import Tensors

extension DataLibrary {
  static let stratifyOption = Parameter("stratify", .oneOf(Stratification.allCases.map(\.rawValue)),
                                        "\"iterative\" keeps each label's share in every part (Sechidis et al. 2011); \"none\" shuffles",
                                        default: .string("iterative"))

  static var splits: [Entry] {
    [
      entry("split", "A seeded train/test split: `local train, test = ds:split{test_size = 0.25, seed = 1}`.",
            parameters: [datasetParameter],
            options: [Parameter("test_size", .numberIn(0, 1), "share of examples in the test part", default: .number(0.25)),
                      stratifyOption, seedOption],
            returns: returnsTrainTest, methodOf: "Dataset",
            details: "Class-index labels (one column of 0..k-1) are stratified by class.") { args in
        var s = stream(args, "split")
        let (train, test) = try Splitter.split(dataset(args), testSize: args.double("test_size"),
                                               stratify: Stratification(rawValue: args.string("stratify"))!, stream: &s)
        return [.object(train), .object(test)]
      },
      entry("kfold", "k seeded folds to loop over: `for fold, train, test in ds:kfold{k = 5} do ... end`.",
            parameters: [datasetParameter],
            options: [Parameter("k", .positiveInteger, "number of folds (at least 2)", default: .integer(5)),
                      stratifyOption, seedOption],
            returns: [Returned(.function, "an iterator giving the fold number (from 1), train and test")],
            methodOf: "Dataset") { args in
        let ds = dataset(args)
        var s = stream(args, "kfold")
        let folds = try Splitter.folds(ds, k: args.int("k"), stratify: Stratification(rawValue: args.string("stratify"))!, stream: &s)
        var next = 0
        let iterator = HostFunction { _ in
          guard next < folds.count else { return [] }
          let j = next
          next += 1
          let test = folds[j]
          let train = folds.indices.filter { $0 != j }.flatMap { folds[$0] }.sorted()
          do {
            return [.integer(j + 1), .object(try ds.subset(train)), .object(try ds.subset(test))]
          } catch let e as DataError { throw CatalogError("data.kfold: \(e.message)") }
        }
        return [.function(iterator)]
      },
      entry("shuffle", "The examples in a seeded random order (a new dataset).",
            parameters: [datasetParameter], options: [seedOption], returns: returnsDataset, methodOf: "Dataset") { args in
        var s = stream(args, "shuffle")
        return [.object(try dataset(args).shuffled(stream: &s))]
      },
      entry("subset", "The examples at the given positions (counted from 1), in that order.",
            parameters: [datasetParameter, Parameter("indices", .list(.positiveInteger), "positions")],
            returns: returnsDataset, methodOf: "Dataset") { args in
        [.object(try dataset(args).subset(args.ints("indices").map { $0 - 1 }))]
      },
      entry("tostring", "A one-line summary: `Dataset(yeast-train.arff: 1500 x 103, 14 labels)`.",
            parameters: [datasetParameter], returns: [Returned(.string, "text")], methodOf: "Dataset", metamethod: "__tostring") { args in
        [.string(dataset(args).summary)]
      },
      entry("split_report", "How well a split keeps label proportions: each label's share of positives in train, test and both, and the largest deviation.",
            parameters: [Parameter("train", .object("Dataset"), "the train part"), Parameter("test", .object("Dataset"), "the test part")],
            returns: [Returned(.record, "{labels, train, test, overall, max_deviation, worst_label, n_train, n_test, text}")],
            details: "max_deviation is the largest |share in a part - share in both| over labels and parts; text is a printable table.") { args in
        guard case .object(let a) = args.value("train"), let train = a as? Dataset,
              case .object(let b) = args.value("test"), let test = b as? Dataset else { return [] }
        let r = try SplitReport(train: train, test: test)
        var text = "label\ttrain\ttest\tall\n"
        for (k, name) in r.labelNames.enumerated() {
          text += "\(name)\t\(format4(r.train[k]))\t\(format4(r.test[k]))\t\(format4(r.overall[k]))\n"
        }
        text += "max deviation \(format4(r.maxDeviation)) (\(r.worstLabel)); train \(r.trainCount), test \(r.testCount)"
        return [.table([
          ("labels", strings(r.labelNames)), ("train", numbers(r.train)), ("test", numbers(r.test)),
          ("overall", numbers(r.overall)), ("max_deviation", .number(r.maxDeviation)), ("worst_label", .string(r.worstLabel)),
          ("n_train", .integer(r.trainCount)), ("n_test", .integer(r.testCount)), ("text", .string(text)),
        ])]
      },
    ]
  }

  static func format4(_ v: Double) -> String {
    let scaled = (v * 10000).rounded()
    let i = Int(scaled)
    let whole = i / 10000, frac = abs(i % 10000)
    let f = String(frac)
    return "\(i < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: 4 - f.count))\(f)"
  }
}
